package dev.kiln.samples.profiler.internal;

import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.OperationInput;
import dev.kiln.samples.profiler.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Measures scenarios the way Kiln's ratio harness does, in one JVM: every scenario warms up, then the measured rounds
 * run round-robin (round 1 of every scenario, then round 2, ...), so drift on a noisy machine hits all of them alike;
 * times and ratios are medians over rounds. A separate pass with the counting wrapper measures statements and round
 * trips per operation, so the wrapper never distorts the times.
 */
public final class Runner {
    private final Workbench bench;
    private final Options options;
    private final ThreadKind threadKind;
    private final Progress progress;

    public Runner(Workbench bench, Options options, ThreadKind threadKind, Progress progress) {
        this.bench = bench;
        this.options = options;
        this.threadKind = threadKind;
        this.progress = progress;
    }

    public List<ScenarioResult> measure(List<Scenario> scenarios) throws Exception {
        List<Scenario> runnable = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (s.unavailableReason().isEmpty()) {
                runnable.add(s);
            }
        }
        int n = runnable.size();
        long[][] nanos = new long[n][options.rounds()];
        long[][] alloc = new long[n][options.rounds()];
        double[] statements = new double[n];
        double[] roundTrips = new double[n];

        List<Operation> ops = new ArrayList<>();
        try {
            for (Scenario s : runnable) {
                ops.add(s.open(bench.timed()));
            }
            if (options.warmupOps() > 0) {
                progress.start("warming up " + n + " scenarios", (long) n * options.warmupOps());
                for (int i = 0; i < n; i++) {
                    long base = (long) i * options.warmupOps();
                    run(ops.get(i), runnable.get(i), inputs(i, 999, options.warmupOps()), base);
                }
                progress.finish();
            }
            int perRound = options.ops();
            progress.start("measuring " + options.rounds() + " rounds x " + n + " scenarios x " + perRound + " ops",
                    (long) options.rounds() * n * perRound);
            for (int r = 0; r < options.rounds(); r++) {
                for (int i = 0; i < n; i++) {
                    OperationInput[] in = inputs(i, r, perRound);
                    long base = ((long) r * n + i) * perRound;
                    Workers.Run run = run(ops.get(i), runnable.get(i), in, base);
                    nanos[i][r] = run.nanos();
                    alloc[i][r] = run.allocatedBytes();
                }
            }
            progress.finish();
        } finally {
            ops.forEach(Operation::close);
        }

        progress.start("counting SQL statements and round trips", (long) n * options.countOps());
        for (int i = 0; i < n; i++) {
            try (Operation counted = runnable.get(i).open(bench.counted())) {
                OperationInput[] in = inputs(i, 500, options.countOps());
                bench.counter().reset();
                long base = (long) i * options.countOps();
                Workers.run(counted, in, 1, ThreadKind.PLATFORM, Long.MAX_VALUE, done -> progress.update(base + done));
                statements[i] = (double) bench.counter().statements() / in.length;
                roundTrips[i] = (double) bench.counter().roundTrips() / in.length;
            }
        }
        progress.finish();

        int def = indexOf(runnable, ScenarioCatalog.DEFAULT);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            Optional<String> reason = s.unavailableReason();
            if (reason.isPresent()) {
                results.add(ScenarioResult.unavailable(s.name(), s.description(), s.kilnFeatures(), s.workload(),
                        s.peer(), reason.get()));
                continue;
            }
            int i = runnable.indexOf(s);
            int peer = indexOf(runnable, s.peer());
            boolean update = "update".equals(s.workload());
            results.add(new ScenarioResult(s.name(), s.description(), s.kilnFeatures(), s.workload(), s.peer(), null,
                    options.ops(), nanos[i], alloc[i], statements[i], roundTrips[i],
                    update && def >= 0 ? ratio(nanos[def], nanos[i]) : Double.NaN,
                    peer >= 0 ? ratio(nanos[peer], nanos[i]) : Double.NaN));
        }
        return results;
    }

    /** Median over rounds of peer time / scenario time (same number of operations in both). */
    static double ratio(long[] peer, long[] scenario) {
        double[] r = new double[peer.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = (double) peer[k] / scenario[k];
        }
        return ScenarioResult.median(r);
    }

    private Workers.Run run(Operation op, Scenario s, OperationInput[] in, long progressBase) throws Exception {
        try {
            return Workers.run(op, in, options.threads(), threadKind, Long.MAX_VALUE,
                    done -> progress.update(progressBase + done));
        } catch (Exception e) {
            progress.finish();
            throw new IllegalStateException("Scenario " + s.name() + " failed: " + e, e);
        }
    }

    private OperationInput[] inputs(int scenarioIndex, int round, int count) {
        return Inputs.generate(bench.data(), count, options.seed(), scenarioIndex * 1_000L + round);
    }

    private static int indexOf(List<Scenario> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

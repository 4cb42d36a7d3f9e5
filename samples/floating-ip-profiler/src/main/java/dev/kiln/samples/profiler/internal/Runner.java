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
        int[] perRound = new int[n];
        int[] warmup = new int[n];
        int[] counted = new int[n];
        long warmupTotal = 0;
        long roundTotal = 0;
        long countTotal = 0;
        for (int i = 0; i < n; i++) {
            int cost = Math.max(1, runnable.get(i).relativeCost());
            perRound[i] = Math.max(1, options.ops() / cost);
            warmup[i] = options.warmupOps() / cost;
            counted[i] = Math.max(1, options.countOps() / cost);
            warmupTotal += warmup[i];
            roundTotal += perRound[i];
            countTotal += counted[i];
        }
        long[][] nanos = new long[n][options.rounds()];
        long[][] alloc = new long[n][options.rounds()];
        double[] statements = new double[n];
        double[] roundTrips = new double[n];

        List<Operation> ops = new ArrayList<>();
        try {
            for (Scenario s : runnable) {
                ops.add(s.open(bench.timed()));
            }
            if (warmupTotal > 0) {
                progress.start("warming up " + n + " scenarios", warmupTotal);
                long done = 0;
                for (int i = 0; i < n; i++) {
                    run(ops.get(i), runnable.get(i), inputs(i, 999, warmup[i]), done);
                    done += warmup[i];
                }
                progress.finish();
            }
            progress.start("measuring " + options.rounds() + " rounds x " + n + " scenarios x " + options.ops() + " ops",
                    options.rounds() * roundTotal);
            long done = 0;
            for (int r = 0; r < options.rounds(); r++) {
                for (int i = 0; i < n; i++) {
                    OperationInput[] in = inputs(i, r, perRound[i]);
                    Workers.Run run = run(ops.get(i), runnable.get(i), in, done);
                    done += perRound[i];
                    nanos[i][r] = run.nanos();
                    alloc[i][r] = run.allocatedBytes();
                }
            }
            progress.finish();
        } finally {
            ops.forEach(Operation::close);
        }

        progress.start("counting SQL statements and round trips", countTotal);
        long countedSoFar = 0;
        for (int i = 0; i < n; i++) {
            try (Operation op = runnable.get(i).open(bench.counted())) {
                OperationInput[] in = inputs(i, 500, counted[i]);
                bench.counter().reset();
                long base = countedSoFar;
                Workers.run(op, in, 1, ThreadKind.PLATFORM, Long.MAX_VALUE, d -> progress.update(base + d));
                statements[i] = (double) bench.counter().statements() / in.length;
                roundTrips[i] = (double) bench.counter().roundTrips() / in.length;
                countedSoFar += in.length;
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
                    perRound[i], nanos[i], alloc[i], statements[i], roundTrips[i],
                    update && def >= 0 ? ratio(nanos[def], perRound[def], nanos[i], perRound[i]) : Double.NaN,
                    peer >= 0 ? ratio(nanos[peer], perRound[peer], nanos[i], perRound[i]) : Double.NaN));
        }
        return results;
    }

    /** Median over rounds of peer time per operation / scenario time per operation. */
    static double ratio(long[] peer, int peerOps, long[] scenario, int scenarioOps) {
        double[] r = new double[peer.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = ((double) peer[k] / peerOps) / ((double) scenario[k] / scenarioOps);
        }
        return ScenarioResult.median(r);
    }

    private Workers.Run run(Operation op, Scenario s, OperationInput[] in, long progressBase) throws Exception {
        if (in.length == 0) {
            return new Workers.Run(0, 0, 0);
        }
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

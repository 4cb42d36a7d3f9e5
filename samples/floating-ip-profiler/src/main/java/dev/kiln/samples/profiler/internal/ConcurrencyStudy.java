package dev.kiln.samples.profiler.internal;

import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.OperationInput;
import dev.kiln.samples.profiler.Scenario;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The question of the gevent and asyncio articles, asked of the JVM: with real network latency per round trip, how
 * much do more workers help, and do virtual threads beat platform threads? For each injected latency (through the
 * loopback {@link dev.kiln.fixtures.TcpProxy}), each thread kind and each worker count, the same update workload runs
 * on a pool of as many connections as the largest worker count, until either the operation limit or the time limit
 * of the cell is reached; throughput is operations completed / wall time.
 */
public final class ConcurrencyStudy {
    /**
     * One cell of the study.
     *
     * @param latencyMs injected latency per round trip
     * @param kind      platform or virtual threads
     * @param workers   concurrent workers (1 = sequential)
     * @param ops       operations completed
     * @param nanos     wall time
     */
    public record Cell(int latencyMs, ThreadKind kind, int workers, int ops, long nanos) {
        public double opsPerSecond() {
            return ops / (nanos / 1e9);
        }

        /** Seconds for 1,000 operations at this throughput (the articles' unit). */
        public double secondsPer1000() {
            return 1_000 / opsPerSecond();
        }
    }

    /**
     * The study's outcome.
     *
     * @param scenario           scenario run
     * @param kinds              thread kinds measured
     * @param virtualUnavailable why virtual threads were not measured, or null
     * @param cells              every cell, in run order
     */
    public record Result(String scenario, List<ThreadKind> kinds, String virtualUnavailable, List<Cell> cells) {
        public Cell cell(int latencyMs, ThreadKind kind, int workers) {
            for (Cell c : cells) {
                if (c.latencyMs() == latencyMs && c.kind() == kind && c.workers() == workers) {
                    return c;
                }
            }
            return null;
        }
    }

    private ConcurrencyStudy() {
    }

    public static Result run(Endpoint endpoint, Workbench bench, Scenario scenario, Options options, Progress progress)
            throws Exception {
        int maxWorkers = options.studyWorkers().stream().mapToInt(Integer::intValue).max().orElse(1);
        DataSource pool = endpoint.pool("study", maxWorkers, true);
        List<ThreadKind> kinds = new ArrayList<>();
        kinds.add(ThreadKind.PLATFORM);
        if (ThreadKind.VIRTUAL.available()) {
            kinds.add(ThreadKind.VIRTUAL);
        }
        List<Cell> cells = new ArrayList<>();
        int total = options.studyLatenciesMs().size() * kinds.size() * options.studyWorkers().size();
        try (Operation op = scenario.open(bench.on(pool))) {
            endpoint.setLatency(0);
            progress.start("study: warming up " + scenario.name() + " on the study pool", 1);
            Workers.run(op, Inputs.generate(bench.data(), Math.min(2_000, options.studyOps() * 2), options.seed(), 77_777),
                    Math.min(maxWorkers, 10), ThreadKind.PLATFORM, Long.MAX_VALUE, Workers.Tick.NONE);
            progress.finish();
            int index = 0;
            for (int latency : options.studyLatenciesMs()) {
                endpoint.setLatency(latency);
                for (ThreadKind kind : kinds) {
                    for (int workers : options.studyWorkers()) {
                        index++;
                        OperationInput[] in = Inputs.generate(bench.data(), options.studyOps(), options.seed(), 100_000L + index);
                        progress.start("study " + index + "/" + total + ": " + latency + " ms, " + workers + " "
                                + kind.label() + " workers", in.length);
                        long deadline = System.nanoTime() + options.studySeconds() * 1_000_000_000L;
                        Workers.Run run = Workers.run(op, in, workers, kind, deadline, progress::update);
                        progress.finish();
                        cells.add(new Cell(latency, kind, workers, run.ops(), run.nanos()));
                    }
                }
            }
        } finally {
            endpoint.setLatency(options.latencyMs());
        }
        return new Result(scenario.name(), List.copyOf(kinds), ThreadKind.VIRTUAL.unavailableReason().orElse(null),
                List.copyOf(cells));
    }
}

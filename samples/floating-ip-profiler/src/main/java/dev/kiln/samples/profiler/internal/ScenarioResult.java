package dev.kiln.samples.profiler.internal;

import java.util.Arrays;
import java.util.List;

/**
 * What was measured for one scenario, or why it was not run.
 *
 * @param name              scenario name
 * @param description       one line
 * @param kilnFeatures      Kiln features used
 * @param workload          {@code update} or another workload name
 * @param peer              the scenario of the ratio line ({@code default_optimized} for updates)
 * @param unavailable       null if it ran, else the reason
 * @param opsPerRound       operations per measured round
 * @param roundNanos        wall time per round
 * @param roundAllocated    bytes allocated per round by the workers (-1 where unknown)
 * @param statementsPerOp   SQL statements per operation (counting pass)
 * @param roundTripsPerOp   JDBC round trips per operation (counting pass)
 * @param ratioToDefault    median per-round (default time / this time); NaN if not comparable
 * @param ratioToPeer       median per-round (peer time / this time); NaN if the peer did not run
 */
public record ScenarioResult(String name, String description, List<String> kilnFeatures, String workload,
                             String peer, String unavailable, int opsPerRound, long[] roundNanos, long[] roundAllocated,
                             double statementsPerOp, double roundTripsPerOp, double ratioToDefault,
                             double ratioToPeer) {
    static ScenarioResult unavailable(String name, String description, List<String> features, String workload,
                                      String peer, String reason) {
        return new ScenarioResult(name, description, features, workload, peer, reason, 0, new long[0], new long[0],
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    public boolean ran() {
        return unavailable == null;
    }

    /** Median round time scaled to 10,000 operations, in milliseconds. */
    public double msPer10k() {
        return median(roundNanos) / opsPerRound * 10_000 / 1e6;
    }

    public double opsPerSecond() {
        return opsPerRound / (median(roundNanos) / 1e9);
    }

    /** Median bytes allocated per operation, or NaN when the JVM could not count. */
    public double bytesPerOp() {
        if (roundAllocated.length == 0 || Arrays.stream(roundAllocated).anyMatch(b -> b < 0)) {
            return Double.NaN;
        }
        return median(roundAllocated) / opsPerRound;
    }

    static double median(long[] values) {
        return median(Arrays.stream(values).asDoubleStream().toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
    }
}

package dev.kiln.samples.profiler.internal;

import java.util.List;
import java.util.Locale;

/**
 * Everything one profiler run produced, handed to the writers (terminal, CSV, JSON, HTML).
 *
 * @param backendId    {@code h2}, {@code mariadb} or {@code postgresql} (used in ratio names)
 * @param database     product and version, e.g. {@code H2 2.4.240 (embedded)}
 * @param dbUrl        the URL, password hidden
 * @param jvm          JVM version and vendor
 * @param cores        available processors
 * @param loadAverage  system load average at the end of the run (-1 if unknown)
 * @param startedAt    UTC time of the start, ISO-8601
 * @param options      the options of the run
 * @param threadKind   kind of the worker threads
 * @param scenarios    results in report order
 * @param study        the concurrency study, or null
 */
public record Report(String backendId, String database, String dbUrl, String jvm, int cores, double loadAverage,
                     String startedAt, Options options, ThreadKind threadKind, List<ScenarioResult> scenarios,
                     ConcurrencyStudy.Result study) {

    /** The machine-readable name of a scenario's ratio line, e.g. {@code kiln_all_vs_default_optimized.update.h2}. */
    public String ratioName(ScenarioResult r) {
        return r.name() + "_vs_" + r.peer() + "." + r.workload() + "." + backendId;
    }

    /** {@code ratio <name> <value>} for every scenario that ran and has a ratio. */
    public List<String> ratioLines() {
        return scenarios.stream()
                .filter(r -> r.ran() && !Double.isNaN(r.ratioToPeer()))
                .map(r -> "ratio " + ratioName(r) + " " + String.format(Locale.ROOT, "%.3f", r.ratioToPeer()))
                .toList();
    }
}

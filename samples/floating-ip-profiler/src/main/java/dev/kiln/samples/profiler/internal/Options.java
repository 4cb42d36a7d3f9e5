package dev.kiln.samples.profiler.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The profiler's command line, parsed and validated; immutable. {@link #parse} rejects unknown options, missing
 * values and values out of range with a message naming the option.
 *
 * @param db               JDBC URL; embedded H2 by default
 * @param scenarios        requested scenario names, or {@code ["all"]}
 * @param ops              operations per measured round
 * @param rounds           measured rounds (the median is reported)
 * @param warmupOps        operations per scenario before measuring
 * @param countOps         operations of the SQL-counting pass
 * @param rows             floating IPs loaded
 * @param threads          workers running the operations
 * @param virtualThreads   workers are virtual threads
 * @param latencyMs        latency added per round trip through a loopback TCP proxy (0 = no proxy)
 * @param out              directory of the CSV, JSON and HTML files
 * @param seed             seed of the data and the inputs
 * @param concurrency      run the concurrency study too
 * @param studyLatenciesMs latencies of the study
 * @param studyWorkers     worker counts of the study
 * @param studySeconds     time limit per study cell
 * @param studyOps         operations per study cell (the cell stops at whichever limit comes first)
 * @param studyScenario    scenario run by the study
 */
public record Options(String db, List<String> scenarios, int ops, int rounds, int warmupOps, int countOps, int rows,
                      int threads, boolean virtualThreads, int latencyMs, Path out, long seed, boolean concurrency,
                      List<Integer> studyLatenciesMs, List<Integer> studyWorkers, int studySeconds, int studyOps,
                      String studyScenario) {
    public static final String DEFAULT_DB = "jdbc:h2:mem:kiln_profiler;DB_CLOSE_DELAY=-1";

    public static final String USAGE = String.join("\n",
            "usage: floating-ip-profiler [options]",
            "",
            "Runs nova_poc's floating_ip_update(address, values) in each scenario and reports ops/s, ms per 10,000 ops,",
            "SQL statements, JDBC round trips and bytes allocated per op, and ratios to default and default_optimized.",
            "",
            "  --db URL            jdbc:h2:..., jdbc:mariadb://..., jdbc:mysql://... or jdbc:postgresql://... with",
            "                      user and password as URL parameters (default: embedded in-memory H2). On a server the",
            "                      tables instances, fixed_ips and floating_ips of that database are DROPPED and re-created.",
            "  --scenario LIST     all (default) or a comma-separated list of: " + String.join(", ", ScenarioCatalog.KNOWN),
            "                      default and default_optimized always run too, as the peers of the ratios",
            "  --ops N             operations per measured round (default 5000); times are scaled to 10,000 ops",
            "  --rounds N          measured rounds, round-robin over the scenarios; the median is reported (default 7)",
            "  --warmup N          operations per scenario before measuring (default 10000)",
            "  --count-ops N       operations of the SQL-counting pass (default 300)",
            "  --rows N            floating IPs to load (default 10000)",
            "  --threads N         workers running the operations (default 1)",
            "  --virtual-threads   run the workers on virtual threads (JDK 21+)",
            "  --latency-ms X      add X ms per round trip through a loopback TCP proxy (H2 is then served over TCP)",
            "  --out DIR           where results.csv, results.json and report.html go (default profiler-out)",
            "  --seed N            seed of the data and the random inputs (default 42)",
            "  --concurrency       also run the concurrency study: workers x thread kind x injected latency",
            "  --study-latencies L latencies in ms of the study (default 1,5,10,100)",
            "  --study-workers L   worker counts of the study (default 1,10,100)",
            "  --study-seconds N   time limit per study cell (default 3)",
            "  --study-ops N       operations per study cell, the other limit (default 1000)",
            "  --study-scenario S  scenario the study runs (default default_optimized)",
            "  --help              this text");

    /** Parses {@code args}; returns null for {@code --help}. */
    public static Options parse(String[] args) throws UsageException {
        String db = DEFAULT_DB;
        List<String> scenarios = List.of("all");
        int ops = 5_000;
        int rounds = 7;
        int warmup = 10_000;
        int countOps = 300;
        int rows = 10_000;
        int threads = 1;
        boolean virtual = false;
        int latency = 0;
        Path out = Path.of("profiler-out");
        long seed = 42;
        boolean concurrency = false;
        List<Integer> studyLatencies = List.of(1, 5, 10, 100);
        List<Integer> studyWorkers = List.of(1, 10, 100);
        int studySeconds = 3;
        int studyOps = 1_000;
        String studyScenario = "default_optimized";

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help":
                case "-h":
                    return null;
                case "--virtual-threads":
                    virtual = true;
                    continue;
                case "--concurrency":
                    concurrency = true;
                    continue;
                default:
                    break;
            }
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'; options start with --");
            }
            String value;
            if (inline != null) {
                value = inline;
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            switch (name) {
                case "--db":
                    db = require(name, value);
                    checkUrl(db);
                    break;
                case "--scenario":
                    scenarios = ScenarioCatalog.parseSelection(require(name, value));
                    break;
                case "--ops":
                    ops = positive(name, value);
                    break;
                case "--rounds":
                    rounds = positive(name, value);
                    break;
                case "--warmup":
                    warmup = nonNegative(name, value);
                    break;
                case "--count-ops":
                    countOps = positive(name, value);
                    break;
                case "--rows":
                    rows = positive(name, value);
                    break;
                case "--threads":
                    threads = positive(name, value);
                    break;
                case "--latency-ms":
                    latency = nonNegative(name, value);
                    break;
                case "--out":
                    out = Path.of(require(name, value));
                    break;
                case "--seed":
                    seed = longValue(name, value);
                    break;
                case "--study-latencies":
                    studyLatencies = list(name, value, true);
                    break;
                case "--study-workers":
                    studyWorkers = list(name, value, false);
                    break;
                case "--study-seconds":
                    studySeconds = positive(name, value);
                    break;
                case "--study-ops":
                    studyOps = positive(name, value);
                    break;
                case "--study-scenario":
                    studyScenario = require(name, value);
                    if (!ScenarioCatalog.KNOWN.contains(studyScenario)) {
                        throw new UsageException("--study-scenario: unknown scenario '" + studyScenario
                                + "'; expected one of " + String.join(", ", ScenarioCatalog.KNOWN));
                    }
                    break;
                default:
                    throw new UsageException("unknown option '" + name + "'");
            }
        }
        return new Options(db, scenarios, ops, rounds, warmup, countOps, rows, threads, virtual,
                latency, out, seed, concurrency, studyLatencies, studyWorkers, studySeconds, studyOps, studyScenario);
    }

    /** True when the database is embedded H2 (in memory or file), not a server. */
    public boolean embeddedH2() {
        String u = db.toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:tcp:") && !u.startsWith("jdbc:h2:ssl:");
    }

    private static void checkUrl(String url) throws UsageException {
        String u = url.toLowerCase(Locale.ROOT);
        if (!(u.startsWith("jdbc:h2:") || u.startsWith("jdbc:mariadb://") || u.startsWith("jdbc:mysql://")
                || u.startsWith("jdbc:postgresql://"))) {
            throw new UsageException("--db: unsupported URL '" + url + "'; expected jdbc:h2:..., jdbc:mariadb://host:port/db,"
                    + " jdbc:mysql://host:port/db or jdbc:postgresql://host:port/db");
        }
    }

    private static String require(String name, String value) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " needs a value");
        }
        return value.trim();
    }

    private static long longValue(String name, String value) throws UsageException {
        String v = require(name, value).replace("_", "").replace(",", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": '" + value + "' is not a whole number");
        }
    }

    private static int nonNegative(String name, String value) throws UsageException {
        long v = longValue(name, value);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new UsageException(name + ": expected a number from 0 to " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) v;
    }

    private static int positive(String name, String value) throws UsageException {
        int v = nonNegative(name, value);
        if (v == 0) {
            throw new UsageException(name + ": expected a positive number, got " + value);
        }
        return v;
    }

    private static List<Integer> list(String name, String value, boolean zeroAllowed) throws UsageException {
        List<Integer> result = new ArrayList<>();
        for (String part : require(name, value).split(",")) {
            int v = zeroAllowed ? nonNegative(name, part.trim()) : positive(name, part.trim());
            result.add(v);
        }
        return List.copyOf(result);
    }
}

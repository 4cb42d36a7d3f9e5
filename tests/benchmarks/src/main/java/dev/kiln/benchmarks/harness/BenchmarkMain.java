package dev.kiln.benchmarks.harness;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.QuietLogging;
import dev.kiln.fixtures.TestDatabase;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entry point of {@code tests/benchmarks/run.sh}: runs the JMH benchmarks that match a filter (per-op times, and
 * allocation with {@code --prof gc}), then the matching {@link RatioSuite}s round-robin in this JVM, and ends with one
 * {@code ratio <name> <value>} line per comparison.
 *
 * <pre>
 * run.sh [regex] [--backend h2|mariadb|postgresql]... [--quick] [--no-jmh] [--no-ratios] [--prof gc]
 *        [--warmup SECONDS] [--rounds N] [--slice-ms MS]
 * </pre>
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.configure();
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (o.help) {
            System.out.println(Options.USAGE);
            return;
        }
        PrintStream out = System.out;
        if (o.jmh) {
            runJmh(o, out);
        }
        List<String> ratioLines = new ArrayList<>();
        if (o.ratios) {
            ratioLines.addAll(runRatios(o, out));
        }
        if (!ratioLines.isEmpty()) {
            out.println();
            ratioLines.forEach(out::println);
        }
    }

    static void runJmh(Options o, PrintStream out) throws Exception {
        String include = o.filter == null ? ".*" : "(?i)" + o.filter.pattern();
        Set<BenchmarkListEntry> matching = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(out, VerboseMode.SILENT), List.of(include), List.of());
        if (matching.isEmpty()) {
            out.println("# JMH: no benchmark matches '" + include + "'");
            return;
        }
        ChainedOptionsBuilder jmh = new OptionsBuilder().include(include).shouldFailOnError(true);
        if (!o.backends.isEmpty()) {
            jmh.param("backend", o.backends.stream().map(Backend::id).toArray(String[]::new));
        }
        if (o.quick) {
            jmh.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        if (o.gcProfiler) {
            jmh.addProfiler("gc");
        }
        Collection<RunResult> results = new Runner(jmh.build()).run();
        out.println("# JMH: " + results.size() + " benchmark runs done (table above)");
    }

    static List<String> runRatios(Options o, PrintStream out) throws Exception {
        RatioRunner.Config config = o.quick ? RatioRunner.Config.quick() : o.ratioConfig();
        RatioRunner runner = new RatioRunner(config, out);
        List<String> lines = new ArrayList<>();
        int suitesRun = 0;
        for (RatioSuite suite : ServiceLoader.load(RatioSuite.class)) {
            Set<Backend> backends = o.backends.isEmpty() ? suite.backends() : intersect(o.backends, suite.backends());
            for (Backend backend : backends) {
                List<Comparison> selected = new ArrayList<>();
                for (Comparison c : suite.comparisons(backend)) {
                    if (o.filter == null || o.filter.matcher(c.name()).find() || o.filter.matcher(suite.name()).find()) {
                        selected.add(c);
                    }
                }
                if (selected.isEmpty()) {
                    continue;
                }
                String label = suite.name() + "." + backend.id();
                Optional<String> down = TestDatabase.unavailableReason(backend);
                if (down.isPresent()) {
                    out.println("# " + label + " skipped: " + down.get());
                    continue;
                }
                try (RatioSuite.Trial trial = suite.open(backend)) {
                    RatioRunner.Result r = runner.run(label, usedBy(selected, trial.variants()), selected);
                    suitesRun++;
                    print(r, out);
                    r.ratios().forEach((name, stats) -> lines.add(String.format(Locale.ROOT, "ratio %s %.3f", name, stats.median())));
                }
            }
        }
        if (suitesRun == 0) {
            out.println("# ratios: no suite matches" + (o.filter == null ? "" : " '" + o.filter.pattern() + "'"));
        }
        return lines;
    }

    /**
     * The variants the selected comparisons refer to, in the suite's order: a filter such as {@code '\.session1\.'}
     * then times only the contenders it reports on (and finishes in a fraction of the suite's time).
     */
    static List<Variant> usedBy(List<Comparison> selected, List<Variant> variants) {
        Set<String> names = new HashSet<>();
        for (Comparison c : selected) {
            names.add(c.kiln());
            names.add(c.peer());
        }
        List<Variant> used = new ArrayList<>();
        for (Variant v : variants) {
            if (names.contains(v.name())) {
                used.add(v);
            }
        }
        return used;
    }

    private static Set<Backend> intersect(Set<Backend> chosen, Set<Backend> supported) {
        Set<Backend> s = EnumSet.noneOf(Backend.class);
        for (Backend b : chosen) {
            if (supported.contains(b)) {
                s.add(b);
            }
        }
        return s;
    }

    static void print(RatioRunner.Result r, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-40s %14s %14s %14s%n", r.label() + " variant", "median ns/op", "min", "max");
        r.nanosPerOp().forEach((name, s) -> out.printf(Locale.ROOT, "%-40s %,14.0f %,14.0f %,14.0f%n", name, s.median(), s.min(), s.max()));
        out.printf(Locale.ROOT, "%-40s %14s %14s %14s%n", "comparison (peer/kiln)", "median", "min", "max");
        r.ratios().forEach((name, s) -> out.printf(Locale.ROOT, "%-40s %14.3f %14.3f %14.3f%n", name, s.median(), s.min(), s.max()));
        out.println();
    }

    /** Parsed command line. */
    static final class Options {
        static final String USAGE = String.join("\n",
                "usage: run.sh [regex] [--backend h2|mariadb|postgresql]... [options]",
                "  regex              run JMH benchmarks and ratio suites whose names match (default: all)",
                "  --backend B        h2, mariadb or postgresql; repeat or comma-separate (default: each suite's own)",
                "  --quick            short smoke run; numbers are not meaningful",
                "  --no-jmh           only the round-robin ratio suites",
                "  --no-ratios        only JMH",
                "  --prof gc          add JMH's allocation profiler",
                "  --warmup S         ratio warm-up seconds per variant (default 15, minimum for reporting 15)",
                "  --rounds N         ratio rounds (default 7, minimum for reporting 7)",
                "  --slice-ms MS      time per variant per round (default 1000)");

        Pattern filter;
        final Set<Backend> backends = EnumSet.noneOf(Backend.class);
        boolean quick;
        boolean jmh = true;
        boolean ratios = true;
        boolean gcProfiler;
        boolean help;
        int warmupSeconds = 15;
        int rounds = 7;
        int sliceMillis = 1000;

        static Options parse(String[] args) {
            Options o = new Options();
            Map<String, String> seen = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--backend":
                        for (String b : value(args, ++i, a).split(",")) {
                            o.backends.add(Backend.fromId(b));
                        }
                        break;
                    case "--quick":
                        o.quick = true;
                        break;
                    case "--no-jmh":
                        o.jmh = false;
                        break;
                    case "--no-ratios":
                        o.ratios = false;
                        break;
                    case "--prof":
                        String p = value(args, ++i, a);
                        if (!p.equals("gc")) {
                            throw new IllegalArgumentException("--prof supports 'gc', got '" + p + "'");
                        }
                        o.gcProfiler = true;
                        break;
                    case "--warmup":
                        o.warmupSeconds = positive(value(args, ++i, a), a);
                        break;
                    case "--rounds":
                        o.rounds = positive(value(args, ++i, a), a);
                        break;
                    case "--slice-ms":
                        o.sliceMillis = positive(value(args, ++i, a), a);
                        break;
                    case "-h":
                    case "--help":
                        o.help = true;
                        break;
                    default:
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (seen.containsKey("regex")) {
                            throw new IllegalArgumentException("only one regex may be given; got '" + seen.get("regex") + "' and '" + a + "'");
                        }
                        seen.put("regex", a);
                        o.filter = Pattern.compile(a, Pattern.CASE_INSENSITIVE);
                }
            }
            return o;
        }

        RatioRunner.Config ratioConfig() {
            return new RatioRunner.Config(java.time.Duration.ofSeconds(warmupSeconds), rounds, java.time.Duration.ofMillis(sliceMillis));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String v, String option) {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through
            }
            throw new IllegalArgumentException(option + " needs a positive integer, got '" + v + "'");
        }
    }
}

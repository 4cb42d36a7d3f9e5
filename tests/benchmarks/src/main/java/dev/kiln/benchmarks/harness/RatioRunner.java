package dev.kiln.benchmarks.harness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the variants of a trial round-robin in this JVM and reports, per comparison, the median of the per-round
 * ratios. On a small, noisy machine separate JVM forks disagree by tens of percent; variants that share a JVM, a heap
 * and the same minutes of machine noise compare far more reliably.
 *
 * <p>Procedure: warm up every variant for {@link Config#warmup()} in total, in three rotations so that the JIT sees
 * all of them before it settles; then run {@link Config#rounds()} rounds, each timing every variant for
 * {@link Config#slice()} (the starting variant rotates each round, and a GC runs before each slice so no variant
 * pays for another's garbage). For each round, ratio = peer ns/op / kiln ns/op; the reported ratio is the median.
 *
 * <pre>{@code
 * RatioRunner.Result r = new RatioRunner(RatioRunner.Config.standard(), System.out)
 *         .run("lookup.h2", trial.variants(), suite.comparisons(Backend.H2));
 * r.ratios().forEach((name, stats) -> System.out.println("ratio " + name + " " + stats.median()));
 * }</pre>
 */
public final class RatioRunner {
    /**
     * @param warmup total warm-up time per variant (at least 15 s for reported figures)
     * @param rounds measured rounds (at least 7 for reported figures)
     * @param slice  time each variant runs in each round
     */
    public record Config(Duration warmup, int rounds, Duration slice) {
        /** 15 s warm-up per variant, 7 rounds of 1 s slices: the minimum for figures that are reported. */
        public static Config standard() {
            return new Config(Duration.ofSeconds(15), 7, Duration.ofSeconds(1));
        }

        /** A smoke-test configuration: proves the plumbing, numbers are not meaningful. */
        public static Config quick() {
            return new Config(Duration.ofMillis(600), 3, Duration.ofMillis(200));
        }
    }

    /** Median, minimum and maximum of a series of per-round values. */
    public record Stats(double median, double min, double max) {
        static Stats of(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            int n = v.length;
            double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
            return new Stats(median, v[0], v[n - 1]);
        }
    }

    /** Per-variant ns/op and per-comparison ratios. */
    public record Result(String label, Map<String, Stats> nanosPerOp, Map<String, Stats> ratios) {
    }

    private static volatile Object sink;

    private final Config config;
    private final PrintStream out;

    public RatioRunner(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public Result run(String label, List<Variant> variants, List<Comparison> comparisons) throws Exception {
        validate(variants, comparisons);
        int n = variants.size();
        out.printf(Locale.ROOT, "# %s: %d variants, warm-up %d s each, %d rounds x %d ms%n", label, n,
                config.warmup().toSeconds(), config.rounds(), config.slice().toMillis());

        long warmupSlice = config.warmup().toNanos() / 3;
        for (int rotation = 0; rotation < 3; rotation++) {
            for (Variant v : variants) {
                measure(v, warmupSlice);
            }
        }

        double[][] nanos = new double[n][config.rounds()];
        for (int round = 0; round < config.rounds(); round++) {
            for (int k = 0; k < n; k++) {
                int idx = (round + k) % n;
                System.gc();
                nanos[idx][round] = measure(variants.get(idx), config.slice().toNanos());
            }
            out.printf(Locale.ROOT, "#   round %d/%d done%n", round + 1, config.rounds());
        }

        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, Stats> perOp = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(variants.get(i).name(), i);
            perOp.put(variants.get(i).name(), Stats.of(nanos[i]));
        }
        Map<String, Stats> ratios = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            double[] kiln = nanos[index.get(c.kiln())];
            double[] peer = nanos[index.get(c.peer())];
            double[] r = new double[config.rounds()];
            for (int round = 0; round < r.length; round++) {
                r[round] = peer[round] / kiln[round];
            }
            ratios.put(c.name(), Stats.of(r));
        }
        return new Result(label, perOp, ratios);
    }

    private static void validate(List<Variant> variants, List<Comparison> comparisons) {
        List<String> names = new ArrayList<>();
        for (Variant v : variants) {
            if (names.contains(v.name())) {
                throw new IllegalArgumentException("Duplicate variant name " + v.name());
            }
            names.add(v.name());
        }
        for (Comparison c : comparisons) {
            if (!names.contains(c.kiln()) || !names.contains(c.peer())) {
                throw new IllegalArgumentException("Comparison " + c.name() + " refers to an unknown variant; variants are " + names);
            }
        }
    }

    /** Runs a variant for about {@code sliceNanos} and returns its mean ns/op. */
    static double measure(Variant v, long sliceNanos) throws Exception {
        Variant.Op op = v.op();
        if (v.beforeEach() != null) {
            long timed = 0;
            long ops = 0;
            long wallEnd = System.nanoTime() + sliceNanos;
            do {
                v.beforeEach().run();
                long t0 = System.nanoTime();
                Object r = op.run();
                timed += System.nanoTime() - t0;
                sink = r;
                ops++;
            } while (System.nanoTime() < wallEnd || ops < 2);
            return (double) timed / ops;
        }
        long start = System.nanoTime();
        long deadline = start + sliceNanos;
        long ops = 0;
        int batch = 1;
        long now;
        do {
            for (int i = 0; i < batch; i++) {
                sink = op.run();
            }
            ops += batch;
            now = System.nanoTime();
            if (batch < 1024 && now - start < sliceNanos / 100) {
                batch <<= 1; // cheap ops: read the clock less often
            }
        } while (now < deadline);
        return (double) (now - start) / ops;
    }
}

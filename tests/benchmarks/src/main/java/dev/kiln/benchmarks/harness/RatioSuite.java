package dev.kiln.benchmarks.harness;

import dev.kiln.fixtures.Backend;

import java.util.List;
import java.util.Set;

/**
 * A set of variants timed round-robin in one JVM and the ratios between them. Suites are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.kiln.benchmarks.harness.RatioSuite}.
 *
 * <pre>{@code
 * public final class LookupRatios implements RatioSuite {
 *     public String name() { return "lookup"; }
 *     public Set<Backend> backends() { return EnumSet.of(Backend.H2, Backend.MARIADB); }
 *     public List<Comparison> comparisons(Backend b) {
 *         return List.of(new Comparison("hql_vs_jdbc.lookup." + b.id(), "hql", "jdbc"));
 *     }
 *     public Trial open(Backend backend) {
 *         LookupWorkload w = new LookupWorkload(backend);
 *         return Trial.of(w, List.of(Variant.of("hql", w::hql), Variant.of("jdbc", w::jdbc)));
 *     }
 * }
 * }</pre>
 */
public interface RatioSuite {
    /** Short name, matched by the command-line filter together with the comparison names. */
    String name();

    /** Backends this suite runs on when the command line does not choose. */
    Set<Backend> backends();

    /**
     * The ratios this suite reports on a backend, named {@code <kiln>_vs_<peer>.<what>.<backend>}. Known before
     * anything is set up, so the command-line filter can select them cheaply.
     */
    List<Comparison> comparisons(Backend backend);

    /** Sets up the workload on a backend; the harness closes the trial when done. */
    Trial open(Backend backend) throws Exception;

    /** A set-up workload: its variants, and what to close afterwards. */
    interface Trial extends AutoCloseable {
        List<Variant> variants();

        static Trial of(AutoCloseable resource, List<Variant> variants) {
            return new Trial() {
                @Override
                public List<Variant> variants() {
                    return variants;
                }

                @Override
                public void close() throws Exception {
                    resource.close();
                }
            };
        }
    }
}

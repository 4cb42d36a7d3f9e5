package dev.kiln.benchmarks.harness;

import java.util.Objects;

/**
 * One contender of a {@link RatioSuite}: an operation to time, and optionally an untimed step to run before each
 * invocation (for operations that consume state, such as inserting 10,000 rows into an emptied table).
 *
 * <pre>{@code
 * Variant hql = Variant.of("hql", () -> workload.hql(workload.nextAddress()));
 * Variant bulk = Variant.of("kiln_bulk", workload::bulkInsert).withBeforeEach(workload::truncate);
 * }</pre>
 *
 * @param name       short name used in comparisons and tables
 * @param op         the timed operation; its result is consumed so the JIT cannot drop it
 * @param beforeEach untimed preparation before every invocation, or {@code null}
 */
public record Variant(String name, Op op, Op beforeEach) {
    /** A unit of work; returns something derived from what it did. */
    @FunctionalInterface
    public interface Op {
        Object run() throws Exception;
    }

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
    }

    public static Variant of(String name, Op op) {
        return new Variant(name, op, null);
    }

    /** This variant with an untimed step before each invocation; timing then switches to per-invocation. */
    public Variant withBeforeEach(Op prepare) {
        return new Variant(name, op, prepare);
    }
}

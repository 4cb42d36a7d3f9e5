package dev.kiln.benchmarks.harness;

/**
 * A ratio to report: {@code peer time / kiln time} per operation, so a value above 1 means the Kiln side is faster.
 *
 * <pre>{@code
 * new Comparison("hql_vs_jdbc.lookup.h2", "hql", "jdbc")   // Hibernate is the "Kiln" side here
 * }</pre>
 *
 * @param name  the ratio line's name, e.g. {@code baked_vs_hql.lookup.h2}
 * @param kiln  the variant on the Kiln side (the denominator)
 * @param peer  the variant it is compared with (the numerator)
 */
public record Comparison(String name, String kiln, String peer) {
}

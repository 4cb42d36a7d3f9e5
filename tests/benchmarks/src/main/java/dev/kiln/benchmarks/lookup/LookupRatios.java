package dev.kiln.benchmarks.lookup;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ratios for "load one FloatingIp by address". Hibernate stands on the "Kiln" side and raw JDBC / Jdbi are the peers,
 * so values below 1 are the cost of plain Hibernate that the other modules set out to remove.
 * Lines: {@code ratio hql_vs_jdbc.lookup.<backend>}, {@code ratio hql_vs_jdbi.lookup.<backend>}.
 */
public final class LookupRatios implements RatioSuite {
    @Override
    public String name() {
        return "lookup";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.of(Backend.H2, Backend.MARIADB);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        return List.of(
                new Comparison("hql_vs_jdbc.lookup." + backend.id(), "hql", "jdbc"),
                new Comparison("hql_vs_jdbi.lookup." + backend.id(), "hql", "jdbi"));
    }

    @Override
    public Trial open(Backend backend) {
        LookupWorkload w = new LookupWorkload(backend);
        return Trial.of(w, List.of(
                Variant.of("hql", () -> w.hql(w.nextAddress())),
                Variant.of("jdbc", () -> w.jdbc(w.nextAddress())),
                Variant.of("jdbi", () -> w.jdbi(w.nextAddress()))));
    }
}

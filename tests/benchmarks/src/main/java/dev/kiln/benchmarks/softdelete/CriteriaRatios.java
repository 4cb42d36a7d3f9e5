package dev.kiln.benchmarks.softdelete;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ratios for "look up one live FloatingIp by address" with Kiln's criteria vs the same query with a hand-written
 * {@code and deleted = 0} (target: at least 0.95) and vs Hibernate's {@code @Filter} (reported).
 * Lines: {@code ratio criteria_vs_handwhere.lookup.<backend>}, {@code ratio criteria_vs_filter.lookup.<backend>}.
 */
public final class CriteriaRatios implements RatioSuite {
    @Override
    public String name() {
        return "criteria";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.of(Backend.H2, Backend.MARIADB);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        return List.of(
                new Comparison("criteria_vs_handwhere.lookup." + backend.id(), "criteria", "handwhere"),
                new Comparison("criteria_vs_filter.lookup." + backend.id(), "criteria", "filter"));
    }

    @Override
    public Trial open(Backend backend) {
        CriteriaWorkload w = new CriteriaWorkload(backend);
        return Trial.of(w, List.of(
                Variant.of("criteria", () -> w.criteria(w.nextAddress())),
                Variant.of("handwhere", () -> w.handWhere(w.nextAddress())),
                Variant.of("filter", () -> w.filter(w.nextAddress()))));
    }
}

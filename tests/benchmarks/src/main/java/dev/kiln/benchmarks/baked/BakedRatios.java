package dev.kiln.benchmarks.baked;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ratios for "find FloatingIp by address" (issue 7): a Kiln baked query against the HQL string (plan cache on),
 * criteria built per call (native and JPA bootstrap) and raw JDBC on H2; against raw JDBC on MariaDB.
 * Lines: {@code ratio baked_vs_hql.lookup.h2}, {@code baked_vs_criteria.lookup.h2},
 * {@code baked_vs_criteria_jpa.lookup.h2}, {@code baked_vs_jdbc.lookup.h2}, {@code baked_vs_jdbc.lookup.mariadb}.
 * Jdbi runs too (raw table only).
 */
public final class BakedRatios implements RatioSuite {
    @Override
    public String name() {
        return "baked";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.of(Backend.H2, Backend.MARIADB);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        String suffix = ".lookup." + backend.id();
        List<Comparison> list = new ArrayList<>();
        if (backend == Backend.H2) {
            list.add(new Comparison("baked_vs_hql" + suffix, "baked", "hql"));
            list.add(new Comparison("baked_vs_criteria" + suffix, "baked", "criteria"));
            list.add(new Comparison("baked_vs_criteria_jpa" + suffix, "baked", "criteria_jpa"));
        }
        list.add(new Comparison("baked_vs_jdbc" + suffix, "baked", "jdbc"));
        return list;
    }

    @Override
    public Trial open(Backend backend) {
        BakedWorkload w = new BakedWorkload(backend);
        List<Variant> variants = new ArrayList<>();
        variants.add(Variant.of("baked", () -> w.baked(w.nextAddress())));
        if (backend == Backend.H2) {
            variants.add(Variant.of("hql", () -> w.hql(w.nextAddress())));
            variants.add(Variant.of("criteria", () -> w.criteria(w.nextAddress())));
            variants.add(Variant.of("criteria_jpa", () -> w.criteriaJpa(w.nextAddress())));
        }
        variants.add(Variant.of("jdbc", () -> w.jdbc(w.nextAddress())));
        return Trial.of(w, variants);
    }
}

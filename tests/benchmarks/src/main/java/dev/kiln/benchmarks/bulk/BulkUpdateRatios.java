package dev.kiln.benchmarks.bulk;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Update 10,000 changed FloatingIps: Kiln {@code BulkSave.update} vs load+change+flush, {@code updateMultiple} and raw
 * JDBC batches (see {@link BulkWorkload}). Lines: {@code ratio bulk_vs_<peer>.update10k.<backend>}.
 */
public final class BulkUpdateRatios implements RatioSuite {
    @Override
    public String name() {
        return "bulk_update";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.of(Backend.H2, Backend.MARIADB);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        String b = "." + backend.id();
        return List.of(
                new Comparison("bulk_vs_persist.update10k" + b, "kiln", "persist"),
                new Comparison("bulk_vs_stateless.update10k" + b, "kiln", "stateless"),
                new Comparison("bulk_vs_jdbcbatch.update10k" + b, "kiln", "jdbc"));
    }

    @Override
    public Trial open(Backend backend) {
        BulkWorkload w = new BulkWorkload(backend, true);
        return Trial.of(w, List.of(
                Variant.of("kiln", w::kilnUpdate),
                Variant.of("persist", w::persistUpdate),
                Variant.of("stateless", w::statelessUpdate),
                Variant.of("jdbc", w::jdbcUpdate)));
    }
}

package dev.kiln.benchmarks.bulk;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.nova.FloatingIp;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Insert 10,000 FloatingIps: Kiln {@code BulkSave} vs persist+flush, {@code StatelessSession.insertMultiple}, Jdbi
 * and raw JDBC batches (see {@link BulkWorkload}). Lines: {@code ratio bulk_vs_<peer>.insert10k.<backend>} for peers
 * persist, stateless, jdbi, jdbcbatch.
 */
public final class BulkRatios implements RatioSuite {
    @Override
    public String name() {
        return "bulk_insert";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.of(Backend.H2, Backend.MARIADB, Backend.POSTGRESQL);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        String b = "." + backend.id();
        return List.of(
                new Comparison("bulk_vs_persist.insert10k" + b, "kiln", "persist"),
                new Comparison("bulk_vs_stateless.insert10k" + b, "kiln", "stateless"),
                new Comparison("bulk_vs_jdbi.insert10k" + b, "kiln", "jdbi"),
                new Comparison("bulk_vs_jdbcbatch.insert10k" + b, "kiln", "jdbc"));
    }

    @Override
    public Trial open(Backend backend) {
        BulkWorkload w = new BulkWorkload(backend, false);
        Holder rows = new Holder();
        Variant.Op prepare = () -> rows.ips = w.prepareInsert();
        return Trial.of(w, List.of(
                Variant.of("kiln", () -> w.kilnInsert(rows.ips)).withBeforeEach(prepare),
                Variant.of("persist", () -> w.persistInsert(rows.ips)).withBeforeEach(prepare),
                Variant.of("stateless", () -> w.statelessInsert(rows.ips)).withBeforeEach(prepare),
                Variant.of("jdbi", () -> w.jdbiInsert(rows.ips)).withBeforeEach(prepare),
                Variant.of("jdbc", () -> w.jdbcInsert(rows.ips)).withBeforeEach(prepare)));
    }

    private static final class Holder {
        List<FloatingIp> ips;
    }
}

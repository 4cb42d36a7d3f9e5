package dev.kiln.benchmarks.bundles;

import dev.kiln.benchmarks.harness.Comparison;
import dev.kiln.benchmarks.harness.RatioSuite;
import dev.kiln.benchmarks.harness.Variant;
import dev.kiln.fixtures.Backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ratios for "read 10,000 FixedIps" as bundles vs managed entities, a read-only query, a StatelessSession, a
 * {@code select new} record, Jdbi and raw JDBC ({@link BundleWorkload}). Issue 9 targets: {@code bundle_vs_managed}
 * at least 10 on H2 and 3 on MariaDB, {@code bundle_vs_record} at least 2 and {@code bundle_vs_jdbc} at least 0.7 on H2.
 * Lines: {@code ratio bundle_vs_<peer>.read10k.<backend>}, and {@code ratio bundle_vs_managed.read10k_floating.<backend>}
 * (10,000 FloatingIps, whose to-one Hibernate can leave as a lazy proxy; see {@link BundleWorkload}).
 */
public final class BundleRatios implements RatioSuite {
    private static final List<String> PEERS = List.of("managed", "readonly", "stateless", "record", "jdbi", "jdbc");

    @Override
    public String name() {
        return "bundles";
    }

    @Override
    public Set<Backend> backends() {
        return EnumSet.of(Backend.H2, Backend.MARIADB);
    }

    @Override
    public List<Comparison> comparisons(Backend backend) {
        List<Comparison> list = new java.util.ArrayList<>(PEERS.stream()
                .map(p -> new Comparison("bundle_vs_" + p + ".read10k." + backend.id(), "bundle", p)).toList());
        list.add(new Comparison("bundle_vs_managed.read10k_floating." + backend.id(), "bundle_floating", "managed_floating"));
        return list;
    }

    @Override
    public Trial open(Backend backend) {
        BundleWorkload w = new BundleWorkload(backend);
        return Trial.of(w, List.of(
                Variant.of("bundle", w::bundles),
                Variant.of("managed", w::managed),
                Variant.of("readonly", w::readOnly),
                Variant.of("stateless", w::stateless),
                Variant.of("record", w::record),
                Variant.of("jdbi", w::jdbi),
                Variant.of("jdbc", w::jdbc),
                Variant.of("bundle_floating", w::floatingBundles),
                Variant.of("managed_floating", w::floatingManaged)));
    }
}

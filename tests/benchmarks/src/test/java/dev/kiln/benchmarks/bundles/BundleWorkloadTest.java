package dev.kiln.benchmarks.bundles;

import dev.kiln.bundles.Bundles;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.nova.FixedIp;
import org.hibernate.Hibernate;
import org.hibernate.Session;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seven contenders must read the same rows with the same values, or they do different work. */
class BundleWorkloadTest {
    @DatabaseTest({Backend.H2, Backend.MARIADB, Backend.POSTGRESQL})
    void everyContenderReadsTheSameRows(Backend backend) throws Exception {
        try (BundleWorkload w = new BundleWorkload(backend, 300)) {
            List<FixedIpRow> expected = sorted(w.jdbc());
            assertThat(expected).hasSize(300);
            assertThat(sorted(w.jdbi())).isEqualTo(expected);
            assertThat(sorted(w.record())).isEqualTo(expected);
            assertThat(w.bundles()).allMatch(Bundles::isBundle).hasSize(300);
            try (Session s = w.bench().sessionFactory().openSession()) {
                // The same query as w.bundles(), in an open session so that getInstance() can load.
                List<FixedIp> bundles = Bundles.query(s, FixedIp.class).list();
                assertThat(sorted(bundles.stream().map(BundleWorkloadTest::row).toList())).isEqualTo(expected);
            }
            for (List<FixedIp> entities : List.of(w.managed(), w.readOnly(), w.stateless())) {
                assertThat(entities).allMatch(f -> Hibernate.isInitialized(f.getInstance()));
                assertThat(sorted(entities.stream().map(BundleWorkloadTest::row).toList())).isEqualTo(expected);
            }
        }
    }

    private static FixedIpRow row(FixedIp f) {
        return new FixedIpRow(f.getId(), f.getAddress(), f.getNetworkId(), f.getVirtualInterfaceId(),
                f.getInstance() == null ? null : f.getInstance().getUuid(), f.getAllocated(), f.getLeased(), f.getReserved(),
                f.getHost(), f.getCreatedAt(), f.getUpdatedAt(), f.getDeletedAt(), f.getDeleted());
    }

    private static List<FixedIpRow> sorted(List<FixedIpRow> rows) {
        return rows.stream().sorted(Comparator.comparing(FixedIpRow::id)).toList();
    }
}

package dev.kiln.benchmarks.softdelete;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** The three contenders must find the same live row and hide the same deleted row, or they do different work. */
class CriteriaWorkloadTest {
    @DatabaseTest({Backend.H2, Backend.MARIADB, Backend.POSTGRESQL})
    void criteriaHandWrittenWhereAndFilterReturnTheSameRows(Backend backend) {
        try (CriteriaWorkload w = new CriteriaWorkload(backend)) {
            for (int i = 0; i < 20; i++) {
                String address = w.nextAddress();
                FloatingIp kiln = w.criteria(address);
                for (FloatingIp other : new FloatingIp[] {w.handWhere(address), w.filter(address)}) {
                    assertThat(other.getId()).isEqualTo(kiln.getId());
                    assertThat(other.getAddress()).isEqualTo(address);
                    assertThat(other.getProjectId()).isEqualTo(kiln.getProjectId());
                    assertThat(other.getHost()).isEqualTo(kiln.getHost());
                    assertThat(other.getFixedIp().getId()).isEqualTo(kiln.getFixedIp().getId());
                }
            }
            String deleted = w.nextAddress();
            w.bench().database().execute("update floating_ips set deleted = id where address = '" + deleted + "'");
            assertThat(w.criteria(deleted)).isNull();
            assertThat(w.handWhere(deleted)).isNull();
            assertThat(w.filter(deleted)).isNull();
            try (Session s = w.bench().sessionFactory().openSession()) {
                assertThat(s.createSelectionQuery("from FloatingIp where address = :a", FloatingIp.class)
                        .setParameter("a", deleted).getSingleResult().getDeleted()).isNotZero();
            }
        }
    }
}

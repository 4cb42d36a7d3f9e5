package dev.kiln.benchmarks.lookup;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.nova.FloatingIp;

import static org.assertj.core.api.Assertions.assertThat;

/** The three contenders must return the same row, or the benchmark compares different work. */
class LookupWorkloadTest {
    @DatabaseTest({Backend.H2, Backend.MARIADB, Backend.POSTGRESQL})
    void hqlJdbcAndJdbiLoadTheSameFloatingIp(Backend backend) throws Exception {
        try (LookupWorkload w = new LookupWorkload(backend)) {
            for (int i = 0; i < 20; i++) {
                String address = w.nextAddress();
                FloatingIp hql = w.hql(address);
                FloatingIp jdbc = w.jdbc(address);
                FloatingIp jdbi = w.jdbi(address);
                for (FloatingIp other : new FloatingIp[] {jdbc, jdbi}) {
                    assertThat(other.getId()).isEqualTo(hql.getId());
                    assertThat(other.getAddress()).isEqualTo(address);
                    assertThat(other.getProjectId()).isEqualTo(hql.getProjectId());
                    assertThat(other.getHost()).isEqualTo(hql.getHost());
                    assertThat(other.getInterface()).isEqualTo(hql.getInterface());
                    assertThat(other.getPool()).isEqualTo(hql.getPool());
                    assertThat(other.getAutoAssigned()).isEqualTo(hql.getAutoAssigned());
                    assertThat(other.getDeleted()).isEqualTo(hql.getDeleted());
                    assertThat(other.getCreatedAt()).isEqualTo(hql.getCreatedAt());
                    assertThat(other.getFixedIp().getId()).isEqualTo(hql.getFixedIp().getId());
                }
            }
        }
    }
}

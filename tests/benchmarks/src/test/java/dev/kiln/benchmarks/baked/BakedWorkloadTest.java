package dev.kiln.benchmarks.baked;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.nova.FloatingIp;

import static org.assertj.core.api.Assertions.assertThat;

/** Every contender must load the same row, or the benchmark compares different work. */
class BakedWorkloadTest {
    @DatabaseTest({Backend.H2, Backend.MARIADB, Backend.POSTGRESQL})
    void allContendersLoadTheSameFloatingIp(Backend backend) throws Exception {
        try (BakedWorkload w = new BakedWorkload(backend)) {
            for (int i = 0; i < 20; i++) {
                String address = w.nextAddress();
                FloatingIp baked = w.baked(address);
                assertThat(baked.getAddress()).isEqualTo(address);
                for (FloatingIp other : new FloatingIp[] {w.hql(address), w.criteria(address), w.criteriaJpa(address),
                        w.jdbc(address), w.jdbi(address)}) {
                    assertThat(other.getId()).isEqualTo(baked.getId());
                    assertThat(other.getAddress()).isEqualTo(address);
                    assertThat(other.getProjectId()).isEqualTo(baked.getProjectId());
                    assertThat(other.getHost()).isEqualTo(baked.getHost());
                    assertThat(other.getInterface()).isEqualTo(baked.getInterface());
                    assertThat(other.getCreatedAt()).isEqualTo(baked.getCreatedAt());
                    assertThat(other.getFixedIp().getId()).isEqualTo(baked.getFixedIp().getId());
                }
            }
            assertThat(w.bakery().bakes()).isEqualTo(1);
        }
    }
}

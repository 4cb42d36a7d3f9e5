package dev.kiln.integration;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIpValues;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same assertions about the Nova model on H2, MariaDB and PostgreSQL: the schema, the associations, the
 * floating_ip_update transaction of nova_poc, and the (address, deleted) uniqueness that soft delete relies on.
 */
class NovaModelAcrossBackendsTest {
    private SessionFactory sf;
    private NovaDataset data;

    @BeforeEach
    void load(TestDatabase db) {
        sf = db.shared("nova", d -> d.hibernate().entities(NovaModel.ENTITIES).build());
        data = db.shared("data", d -> NovaDataLoader.builder().floatingIps(500).fixedIps(5).projects(10).build()
                .load(d.dataSource()));
    }

    @DatabaseTest
    void floatingIpUpdateIsOneSelectAndOneUpdate(TestDatabase db) {
        String address = data.floatingAddresses().get(123);
        FloatingIpValues values = FloatingIpValues.random(new SplittableRandom(1));
        db.sql().reset();
        sf.inTransaction(s -> {
            FloatingIp ip = s.createSelectionQuery("from FloatingIp where address = :a", FloatingIp.class)
                    .setParameter("a", address).getSingleResult();
            assertThat(Hibernate.isInitialized(ip.getFixedIp())).isFalse();
            values.applyTo(ip);
        });
        assertThat(db.sql().count(SqlKind.SELECT)).isEqualTo(1);
        assertThat(db.sql().count(SqlKind.UPDATE)).as(db.sql().executed().toString()).isEqualTo(1);
        assertThat(db.sql().statements()).isEqualTo(2);
        assertThat(db.sql().commits()).isEqualTo(1);

        FloatingIp reread = sf.fromSession(s -> s.find(FloatingIp.class, 124L));
        assertThat(reread.getAddress()).isEqualTo(address);
        assertThat(reread.getProjectId()).isEqualTo(values.projectId());
        assertThat(reread.getPool()).isEqualTo("fake_pool");
        assertThat(reread.getFixedIp()).isNull();
        assertThat(reread.getUpdatedAt()).isNotNull();
    }

    @DatabaseTest
    void eagerJoinReachesTheWideInstanceThroughItsUuid(TestDatabase db) {
        String address = data.floatingAddresses().get(7);
        db.sql().reset();
        FloatingIp ip = sf.fromSession(s -> s.createSelectionQuery(
                        "from FloatingIp f join fetch f.fixedIp x join fetch x.instance where f.address = :a", FloatingIp.class)
                .setParameter("a", address).getSingleResult());
        assertThat(db.sql().count(SqlKind.SELECT)).isEqualTo(1);
        FixedIp fixed = ip.getFixedIp();
        assertThat(Hibernate.isInitialized(fixed)).isTrue();
        assertThat(fixed.getInstance().getUuid()).isEqualTo(data.instanceUuids().get((int) (fixed.getId() - 1)));
        assertThat(fixed.getInstance().getHost()).startsWith("compute-");
    }

    @DatabaseTest
    void fixedIpListsItsFloatingIps(TestDatabase db) {
        long total = sf.fromSession(s -> {
            long sum = 0;
            for (long id = 1; id <= data.fixedIpCount(); id++) {
                sum += s.find(FixedIp.class, id).getFloatingIps().size();
            }
            return sum;
        });
        assertThat(total).isEqualTo(db.queryLong("SELECT COUNT(*) FROM floating_ips WHERE fixed_ip_id IS NOT NULL"));
    }

    @DatabaseTest
    void addressIsUniqueAmongLiveRowsButReusableOnceDeletedIsSetToTheId(TestDatabase db) {
        String address = "198.51.100." + (1 + db.backend().ordinal());
        Long firstId = sf.fromTransaction(s -> {
            FloatingIp a = new FloatingIp();
            a.setAddress(address);
            s.persist(a);
            return a.getId();
        });
        assertThatThrownBy(() -> sf.inTransaction(s -> {
            FloatingIp dup = new FloatingIp();
            dup.setAddress(address);
            s.persist(dup);
        })).isInstanceOf(ConstraintViolationException.class);

        // Soft delete, Nova style: deleted = id frees the address for a new live row.
        sf.inTransaction(s -> s.find(FloatingIp.class, firstId).setDeleted(firstId));
        Long secondId = sf.fromTransaction(s -> {
            FloatingIp again = new FloatingIp();
            again.setAddress(address);
            s.persist(again);
            return again.getId();
        });
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(db.queryLong("SELECT COUNT(*) FROM floating_ips WHERE address = '" + address + "'")).isEqualTo(2);
    }
}

package dev.kiln.softdelete;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.Instance;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.testing.NovaWorld;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** softDelete / restore / bulk, in the Nova style, written through Hibernate and checked with plain SQL. */
class OperationsTest {
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    private static SessionFactory sf(TestDatabase db) {
        return db.shared("ops", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .setting(SoftDeleteSettings.CONFIGURATION,
                        NovaWorld.configurationBuilder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build())
                .build());
    }

    @BeforeEach
    void reload(TestDatabase db) {
        sf(db);
        NovaWorld.load(db);
    }

    private static long deletedOf(TestDatabase db, String table, long id) {
        return db.queryLong("select deleted from " + table + " where id = " + id);
    }

    @DatabaseTest
    void softDeleteSetsDeletedToTheIdAndStampsTheTime(TestDatabase db) {
        sf(db).inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            assertThat(SoftDelete.softDelete(s, s.find(FloatingIp.class, 1L))).isTrue();
        });
        assertThat(deletedOf(db, "floating_ips", 1)).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from floating_ips where id = 1 and deleted_at = "
                + "(select max(deleted_at) from floating_ips)")).isEqualTo(1);
        try (Session s = sf(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.admin().withReadDeleted(ReadDeleted.ONLY));
            FloatingIp f = s.find(FloatingIp.class, 1L);
            assertThat(f.getDeletedAt()).isEqualTo(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            s.clear();
            assertThat(s.find(FloatingIp.class, 1L)).as("hidden once deleted").isNull();
        }
    }

    @DatabaseTest
    void theAddressOfADeletedRowCanBeUsedAgain(TestDatabase db) {
        String address = NovaWorld.floating(1).address();
        sf(db).inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            SoftDelete.softDelete(s, s.find(FloatingIp.class, 1L));
            s.flush();
            FloatingIp again = new FloatingIp();
            again.setAddress(address);
            again.setProjectId(NovaWorld.A);
            s.persist(again);
        });
        assertThat(db.queryLong("select count(*) from floating_ips where address = '" + address + "'")).isEqualTo(2);
    }

    @DatabaseTest
    void softDeleteIsIdempotentAndRestoreUndoesIt(TestDatabase db) {
        sf(db).inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            FloatingIp f = s.find(FloatingIp.class, 2L);
            assertThat(SoftDelete.softDelete(s, f)).isTrue();
            assertThat(SoftDelete.softDelete(s, f)).as("already deleted").isFalse();
        });
        sf(db).inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A).withReadDeleted(ReadDeleted.ONLY));
            FloatingIp f = s.find(FloatingIp.class, 2L);
            assertThat(SoftDelete.restore(s, f)).isTrue();
            assertThat(SoftDelete.restore(s, f)).as("already live").isFalse();
        });
        assertThat(deletedOf(db, "floating_ips", 2)).isZero();
        assertThat(db.queryLong("select count(*) from floating_ips where id = 2 and deleted_at is null")).isEqualTo(1);
    }

    @DatabaseTest
    void softDeleteCascadesToTheVisibleLiveChildrenOnly(TestDatabase db) {
        sf(db).inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            assertThat(SoftDelete.softDelete(s, s.find(Instance.class, 1L))).isTrue();
        });
        assertThat(deletedOf(db, "instances", 1)).isEqualTo(1);
        assertThat(deletedOf(db, "fixed_ips", 1)).as("live child of instance 1").isEqualTo(1);
        assertThat(deletedOf(db, "fixed_ips", 2)).as("already deleted child keeps its mark").isEqualTo(2);
        Timestamp kept = Timestamp.valueOf(NovaWorld.DELETED_AT);
        assertThat(db.queryLong("select count(*) from fixed_ips where id = 2 and deleted_at = '" + kept + "'"))
                .as("and its deletion time").isEqualTo(1);
        assertThat(deletedOf(db, "fixed_ips", 4)).as("child of another instance").isZero();
    }

    @DatabaseTest
    void operationsRefuseWhatTheyCannotDo(TestDatabase db) {
        try (Session s = sf(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            FloatingIp detached = new FloatingIp();
            assertThatThrownBy(() -> SoftDelete.softDelete(s, detached))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("managed");
        }
    }

    @DatabaseTest
    void bulkSoftDeleteReachesOnlyTheContextsLiveRows(TestDatabase db) {
        CriteriaContext a = CriteriaContext.project(NovaWorld.A);
        long expected = NovaWorld.floatingIds(a, f -> f.pool().equals("pool1")).size();
        int n = sf(db).fromTransaction(s -> {
            SoftDelete.setContext(s, a);
            return SoftDelete.bulk(s, FloatingIp.class).where("pool = :p").setParameter("p", "pool1").softDelete();
        });
        assertThat(n).isEqualTo(expected);
        for (NovaWorld.FloatingRow r : NovaWorld.FLOATING) {
            boolean shouldBeDeleted = r.deleted() || NovaWorld.sees(a, r) && r.pool().equals("pool1");
            assertThat(deletedOf(db, "floating_ips", r.id())).as("floating ip %d", r.id())
                    .isEqualTo(shouldBeDeleted ? r.id() : 0);
        }
        assertThat(db.queryLong("select count(*) from floating_ips where deleted_at = "
                + "(select max(deleted_at) from floating_ips)")).isEqualTo(expected);
    }

    @DatabaseTest
    void bulkRestoreReachesOnlyTheContextsDeletedRows(TestDatabase db) {
        int n = sf(db).fromTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.B));
            int restored = SoftDelete.bulk(s, FloatingIp.class).restore();
            assertThat(SoftDelete.context(s).readDeleted()).as("context put back").isEqualTo(ReadDeleted.NO);
            return restored;
        });
        // B sees its own deleted row 5 and, through allow_none, the project-less deleted row 7; not A's row 3.
        assertThat(n).isEqualTo(NovaWorld.floatingIds(CriteriaContext.project(NovaWorld.B).withReadDeleted(ReadDeleted.ONLY), f -> true).size());
        assertThat(deletedOf(db, "floating_ips", 5)).isZero();
        assertThat(deletedOf(db, "floating_ips", 7)).isZero();
        assertThat(deletedOf(db, "floating_ips", 3)).isEqualTo(3);
    }

    @DatabaseTest
    void contextIsPerSessionAndForgottenOnClose(TestDatabase db) {
        SessionFactory sf = sf(db);
        dev.kiln.softdelete.internal.SoftDeleteRuntime runtime = dev.kiln.softdelete.internal.SoftDeleteRuntime.of(sf);
        int before = runtime.trackedSessions();
        try (Session s = sf.openSession(); Session other = sf.openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.B));
            assertThat(SoftDelete.context(s)).isEqualTo(CriteriaContext.project(NovaWorld.B));
            assertThat(SoftDelete.context(other)).isEqualTo(CriteriaContext.DEFAULT);
            assertThat(runtime.trackedSessions()).isEqualTo(before + 1);
        }
        assertThat(runtime.trackedSessions()).isEqualTo(before);
    }
}

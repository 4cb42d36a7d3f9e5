package dev.kiln.bulksave;

import dev.kiln.bulksave.model.Gadget;
import dev.kiln.bulksave.model.Ledger;
import dev.kiln.bulksave.model.Money;
import dev.kiln.bulksave.model.Place;
import dev.kiln.bulksave.model.TestModel;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Interceptor;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FastSaveTest {

    private static FloatingIp ip(String address) {
        FloatingIp ip = new FloatingIp();
        ip.setAddress(address);
        ip.setProjectId("p1");
        ip.setHost("h1");
        return ip;
    }

    @DatabaseTest
    void insertsANewEntityNowAndLeavesItManaged(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        SqlCounter sql = db.sql();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FloatingIp ip = ip("10.1.0.1");
            sql.reset();
            assertThat(FastSave.save(s, ip)).isTrue();
            assertThat(sql.count(SqlKind.INSERT)).as(sql.executed().toString()).isEqualTo(1);
            assertThat(ip.getId()).isNotNull();
            assertThat(ip.getCreatedAt()).as("@CreationTimestamp ran").isNotNull();
            assertThat(s.contains(ip)).isTrue();
            sql.reset();
            s.flush();
            assertThat(sql.statements()).as("a later flush writes nothing").isZero();
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where address = '10.1.0.1'")).isEqualTo(1);
    }

    @DatabaseTest
    void insertsIdentityEntities(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Gadget g = new Gadget("fast", new Money(250), new Place("Oslo", "0150"));
            assertThat(FastSave.save(s, g)).isTrue();
            assertThat(g.getId()).isNotNull();
            s.getTransaction().commit();
            assertThat(db.queryLong("select price_cents from gadgets where id = " + g.getId())).isEqualTo(250);
        }
    }

    @DatabaseTest
    void updatesOnlyTheDirtyColumnsOfThatEntityAndNoOther(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Long a;
        Long b;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FloatingIp x = ip("10.2.0.1");
            FloatingIp y = ip("10.2.0.2");
            s.persist(x);
            s.persist(y);
            s.getTransaction().commit();
            a = x.getId();
            b = y.getId();
        }
        SqlCounter sql = db.sql();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FloatingIp x = s.find(FloatingIp.class, a);
            FloatingIp y = s.find(FloatingIp.class, b);
            x.setHost("saved-host");
            y.setHost("not-yet");
            sql.reset();
            assertThat(FastSave.save(s, x)).isTrue();
            assertThat(sql.count(SqlKind.UPDATE)).as(sql.executed().toString()).isEqualTo(1);
            assertThat(sql.executed().get(0)).startsWith("update floating_ips").endsWith("where id=?");
            assertThat(db.queryLong("select count(*) from floating_ips where host = 'not-yet'"))
                    .as("the other dirty entity is untouched").isZero();
            sql.reset();
            s.flush();
            assertThat(sql.count(SqlKind.UPDATE)).as("flush writes only the other entity").isEqualTo(1);
            assertThat(sql.executed().toString()).contains("update floating_ips");
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from floating_ips where host in ('saved-host', 'not-yet')")).isEqualTo(2);
    }

    @DatabaseTest
    void doesNothingForAnUnchangedEntity(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Long id;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FloatingIp x = ip("10.3.0.1");
            s.persist(x);
            s.getTransaction().commit();
            id = x.getId();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FloatingIp x = s.find(FloatingIp.class, id);
            db.sql().reset();
            assertThat(FastSave.save(s, x)).isFalse();
            assertThat(db.sql().statements()).isZero();
            s.getTransaction().commit();
        }
    }

    @DatabaseTest
    void keepsVersionSnapshotAndCallbacksConsistent(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Ledger.resetCallbacks();
        Long id;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = new Ledger("ann", 10);
            FastSave.save(s, l);
            assertThat(l.getVersion()).isZero();
            assertThat(Ledger.PRE_PERSIST.get()).isEqualTo(1);
            assertThat(Ledger.POST_PERSIST.get()).isEqualTo(1);

            l.setBalance(20);
            db.sql().reset();
            assertThat(FastSave.save(s, l)).isTrue();
            assertThat(l.getVersion()).as("version incremented").isEqualTo(1);
            assertThat(l.getChangedAt()).as("@UpdateTimestamp ran").isNotNull();
            assertThat(Ledger.PRE_UPDATE.get()).isEqualTo(1);
            assertThat(Ledger.POST_UPDATE.get()).isEqualTo(1);
            assertThat(db.sql().executed().get(0)).contains("version");
            assertThat(db.sql().count(SqlKind.UPDATE)).isEqualTo(1);
            assertThat(db.sql().executed().get(0)).as("@DynamicUpdate: only the dirty columns")
                    .contains("balance").doesNotContain("owner");
            db.sql().reset();
            s.flush();
            assertThat(db.sql().statements()).as("the snapshot was updated").isZero();
            s.getTransaction().commit();
            id = l.getId();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = s.find(Ledger.class, id);
            // a concurrent writer bumps the version: the save must fail as a flush would
            db.execute("update ledgers set version = version + 5 where id = " + id);
            l.setBalance(30);
            assertThatThrownBy(() -> FastSave.save(s, l))
                    .isInstanceOf(jakarta.persistence.OptimisticLockException.class);
            s.getTransaction().rollback();
        }
    }

    @DatabaseTest
    void dirtyChecksOnlyTheSavedEntity(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            List<FloatingIp> many = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                FloatingIp ip = ip("10.4.0." + i);
                s.persist(ip);
                many.add(ip);
            }
            s.getTransaction().commit();
        }
        AtomicInteger dirtyChecks = new AtomicInteger();
        Interceptor counting = new Interceptor() {
            @Override
            public int[] findDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                   String[] propertyNames, Type[] types) {
                dirtyChecks.incrementAndGet();
                return null;
            }
        };
        try (Session s = sf.withOptions().interceptor(counting).openSession()) {
            s.beginTransaction();
            List<FloatingIp> all = s.createSelectionQuery("from FloatingIp where address like '10.4.0.%'", FloatingIp.class)
                    .getResultList();
            assertThat(all).hasSize(100);
            all.get(7).setHost("only-me");
            dirtyChecks.set(0);
            FastSave.save(s, all.get(7));
            assertThat(dirtyChecks.get()).as("FastSave dirty-checks one entity").isEqualTo(1);
            dirtyChecks.set(0);
            s.flush();
            assertThat(dirtyChecks.get()).as("flush dirty-checks all of them").isEqualTo(100);
            s.getTransaction().commit();
        }
    }

    @DatabaseTest
    void savesTheSameEntityTwiceAndRefusesRemovedOnes(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FloatingIp x = ip("10.5.0.1");
            FastSave.save(s, x);
            x.setHost("one");
            FastSave.save(s, x);
            x.setHost("two");
            FastSave.save(s, x);
            assertThat(db.sql().executed().toString()).contains("update floating_ips");
            s.remove(x);
            assertThatThrownBy(() -> FastSave.save(s, x)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("DELETED");
            s.getTransaction().rollback();
        }
    }
}

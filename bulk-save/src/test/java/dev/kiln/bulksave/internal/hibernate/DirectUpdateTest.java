package dev.kiln.bulksave.internal.hibernate;

import dev.kiln.bulksave.FastSave;
import dev.kiln.bulksave.cache.MapRegionFactory;
import dev.kiln.bulksave.model.Dog;
import dev.kiln.bulksave.model.Gadget;
import dev.kiln.bulksave.model.Ledger;
import dev.kiln.bulksave.model.Money;
import dev.kiln.bulksave.model.Note;
import dev.kiln.bulksave.model.Place;
import dev.kiln.bulksave.model.Revision;
import dev.kiln.bulksave.model.Shelf;
import dev.kiln.bulksave.model.TestModel;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The direct UPDATE path of {@code FastSave} ({@link DirectUpdate}): which mappings take it, and that it keeps what a
 * flush keeps (listeners, callbacks, version checks, the second-level cache, the statement inspector).
 */
class DirectUpdateTest {
    /** Pre/post-update events seen by the listeners of {@link #withListeners}, as "pre:balance" / "post:balance". */
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    /** Balances the pre-update listener vetoes. */
    static final long VETOED_BALANCE = -1;
    /** Balances for which the pre-update listener stamps the owner in the state array only (the audit pattern). */
    static final long AUDITED_BALANCE = 4242;
    static final List<String> INSPECTED = new CopyOnWriteArrayList<>();

    /** Records every SQL string Hibernate prepares for the session factory of {@link #withListeners}. */
    public static final class RecordingInspector implements StatementInspector {
        @Override
        public String inspect(String sql) {
            INSPECTED.add(sql);
            return sql;
        }
    }

    private static SessionFactory withListeners(TestDatabase db) {
        return db.shared("direct-update-listeners", d -> {
            SessionFactory sf = d.hibernate().entities(Ledger.class, Note.class)
                    .setting(AvailableSettings.STATEMENT_INSPECTOR, RecordingInspector.class.getName())
                    .setting(AvailableSettings.GENERATE_STATISTICS, true)
                    .setting(AvailableSettings.USE_SECOND_LEVEL_CACHE, true)
                    .setting(AvailableSettings.CACHE_REGION_FACTORY, MapRegionFactory.class.getName())
                    .build();
            EventListenerRegistry registry = sf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                    .requireService(EventListenerRegistry.class);
            registry.appendListeners(EventType.PRE_UPDATE, (PreUpdateEventListener) DirectUpdateTest::preUpdate);
            registry.appendListeners(EventType.POST_UPDATE, (PostUpdateEventListener) DirectUpdateTest::postUpdate);
            return sf;
        });
    }

    private static boolean preUpdate(PreUpdateEvent event) {
        if (event.getEntity() instanceof Ledger) {
            long balance = (Long) event.getState()[index(event.getPersister(), "balance")];
            Object version = event.getState()[index(event.getPersister(), "version")];
            EVENTS.add("pre:" + balance + ":v" + version);
            if (balance == AUDITED_BALANCE) {
                event.getState()[index(event.getPersister(), "owner")] = "audited";
            }
            return balance == VETOED_BALANCE;
        }
        return false;
    }

    private static void postUpdate(PostUpdateEvent event) {
        if (event.getEntity() instanceof Ledger) {
            EVENTS.add("post:" + event.getState()[index(event.getPersister(), "balance")]
                    + ":dirty" + event.getDirtyProperties().length);
        }
    }

    private static int index(EntityPersister persister, String attribute) {
        return persister.getPropertyIndex(attribute);
    }

    private static String reason(SessionFactory sf, Class<?> type) {
        try (Session s = sf.openSession()) {
            return DirectUpdate.unsupportedReason(s.unwrap(SharedSessionContractImplementor.class), type);
        }
    }

    @DatabaseTest
    void commonMappingsAreWrittenDirectlyOthersByHibernate(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        assertThat(reason(sf, FloatingIp.class)).isNull();
        assertThat(reason(sf, Ledger.class)).isNull();
        assertThat(reason(sf, Gadget.class)).as("embedded value and converter").isNull();
        assertThat(reason(sf, Shelf.class)).contains("collections");
        assertThat(reason(sf, Dog.class)).contains("2 tables");
    }

    @DatabaseTest
    void writesOnlyTheDirtyColumnsOfEmbeddedAndConvertedAttributes(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Long id;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Gadget g = new Gadget("direct", new Money(100), new Place("Oslo", "0150"));
            s.persist(g);
            s.getTransaction().commit();
            id = g.getId();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Gadget g = s.find(Gadget.class, id);
            g.setPrice(new Money(175));
            g.setPlace(new Place("Bergen", "5003"));
            db.sql().reset();
            assertThat(FastSave.save(s, g)).isTrue();
            assertThat(db.sql().executed()).hasSize(1);
            String update = db.sql().executed().get(0);
            assertThat(update).startsWith("update gadgets set ").contains("price_cents=?").contains("city=?")
                    .doesNotContain("name=?").doesNotContain("weight=?");
            assertThat(FastSave.save(s, g)).as("the snapshot was brought up to date").isFalse();
            db.sql().reset();
            s.flush();
            assertThat(db.sql().statements()).isZero();
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select price_cents from gadgets where id = " + id)).isEqualTo(175);
        assertThat(db.queryLong("select count(*) from gadgets where city = 'Bergen' and zip = '5003' and id = " + id))
                .isEqualTo(1);
    }

    @DatabaseTest
    void firesUpdateListenersAndCallbacksWithTheWrittenStateAndHonoursAVeto(TestDatabase db) {
        SessionFactory sf = withListeners(db);
        Long id;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = new Ledger("lis", 5);
            s.persist(l);
            s.getTransaction().commit();
            id = l.getId();
        }
        Ledger.resetCallbacks();
        EVENTS.clear();
        INSPECTED.clear();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = s.find(Ledger.class, id);
            l.setBalance(6);
            db.sql().reset();
            long updates = sf.getStatistics().getEntityUpdateCount();
            assertThat(FastSave.save(s, l)).isTrue();
            assertThat(sf.getStatistics().getEntityUpdateCount()).as("counted as an entity update").isEqualTo(updates + 1);
            assertThat(EVENTS).containsExactly("pre:6:v1", "post:6:dirty1");
            assertThat(Ledger.PRE_UPDATE.get()).isEqualTo(1);
            assertThat(Ledger.POST_UPDATE.get()).isEqualTo(1);
            assertThat(l.getVersion()).isEqualTo(1);
            assertThat(INSPECTED).as("the statement inspector sees the UPDATE")
                    .anySatisfy(sql -> assertThat(sql).startsWith("update ledgers set "));

            EVENTS.clear();
            l.setBalance(VETOED_BALANCE);
            db.sql().reset();
            assertThat(FastSave.save(s, l)).as("vetoed by the pre-update listener").isFalse();
            assertThat(db.sql().count(SqlKind.UPDATE)).isZero();
            assertThat(EVENTS).containsExactly("pre:-1:v2");
            assertThat(l.getVersion()).as("a vetoed save does not change the version").isEqualTo(1);
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select balance from ledgers where id = " + id)).isEqualTo(6);
        assertThat(db.queryLong("select version from ledgers where id = " + id)).isEqualTo(1);
    }

    @DatabaseTest
    void writesWhatAPreUpdateListenerPutsIntoTheStateOfACleanAttribute(TestDatabase db) {
        SessionFactory sf = withListeners(db);
        Long id;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = new Ledger("before", 5);
            s.persist(l);
            s.getTransaction().commit();
            id = l.getId();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = s.find(Ledger.class, id);
            l.setBalance(AUDITED_BALANCE);          // only balance is dirty; the listener replaces owner in the state
            db.sql().reset();
            assertThat(FastSave.save(s, l)).isTrue();
            String update = db.sql().executed().get(0);
            assertThat(update).contains("owner=?").contains("balance=?");
            assertThat(l.getOwner()).as("the entity carries what was written").isEqualTo("audited");
            db.sql().reset();
            s.flush();
            assertThat(db.sql().statements()).as("nothing left dirty for the flush").isZero();
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from ledgers where owner = 'audited' and balance = "
                + AUDITED_BALANCE + " and id = " + id)).isEqualTo(1);
    }

    @DatabaseTest
    void forgetsTheShapesOfClosedSessionFactories(TestDatabase db) {
        SessionFactory shared = TestModel.sessionFactory(db);
        SessionFactory own = db.hibernate().entities(TestModel.ENTITIES).schema(HibernateBootstrap.Schema.NONE).build();
        Long id;
        try (Session s = shared.openSession()) {
            s.beginTransaction();
            Revision r = new Revision("shape");
            s.persist(r);
            s.getTransaction().commit();
            id = r.getId();
        }
        try (Session s = own.openSession()) {
            s.beginTransaction();
            s.find(Revision.class, id).setText("own factory");
            FastSave.save(s, s.find(Revision.class, id));
            s.getTransaction().commit();
        }
        SessionFactoryImplementor closed = own.unwrap(SessionFactoryImplementor.class);
        assertThat(DirectUpdate.caches(closed)).isTrue();
        own.close();
        try (Session s = db.hibernate().entities(TestModel.ENTITIES).schema(HibernateBootstrap.Schema.NONE).build()
                .openSession()) {
            s.beginTransaction();
            s.find(Revision.class, id).setText("third factory");
            assertThat(FastSave.save(s, s.find(Revision.class, id))).isTrue();
            s.getTransaction().commit();
        }
        assertThat(DirectUpdate.caches(closed)).as("dropped once another factory is seen").isFalse();
    }

    @DatabaseTest
    void writesWhatAPreUpdateCallbackChanges(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        assertThat(reason(sf, Revision.class)).isNull();
        Long id;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Revision r = new Revision("draft");
            s.persist(r);
            s.getTransaction().commit();
            id = r.getId();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Revision r = s.find(Revision.class, id);
            r.setText("final");
            db.sql().reset();
            assertThat(FastSave.save(s, r)).isTrue();
            assertThat(db.sql().executed()).hasSize(1);
            assertThat(db.sql().executed().get(0)).contains("content=?").contains("revised_from=?");
            db.sql().reset();
            s.flush();
            assertThat(db.sql().statements()).as("the callback's change is in the snapshot too").isZero();
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("select count(*) from revisions where content = 'final' and revised_from = 'draft'"
                + " and id = " + id)).isEqualTo(1);
    }

    @DatabaseTest
    void aRowChangedOrDeletedBehindTheSessionFailsLikeAFlush(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Long ledger;
        Long ip;
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = new Ledger("stale", 1);
            FloatingIp f = new FloatingIp();
            f.setAddress("10.9.0.1");
            s.persist(l);
            s.persist(f);
            s.getTransaction().commit();
            ledger = l.getId();
            ip = f.getId();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = s.find(Ledger.class, ledger);
            l.setBalance(2);
            assertThat(FastSave.save(s, l)).isTrue();
            assertThat(l.getVersion()).isEqualTo(1);
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Ledger l = s.find(Ledger.class, ledger);
            db.execute("update ledgers set version = version + 1 where id = " + ledger);
            l.setBalance(3);
            assertThatThrownBy(() -> FastSave.save(s, l)).isInstanceOf(OptimisticLockException.class);
            assertThat(l.getVersion()).as("the entity keeps its version after a failed save").isEqualTo(1);
            s.getTransaction().rollback();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FloatingIp f = s.find(FloatingIp.class, ip);
            db.execute("delete from floating_ips where id = " + ip);
            f.setHost("gone");
            assertThatThrownBy(() -> FastSave.save(s, f)).isInstanceOf(OptimisticLockException.class);
            s.getTransaction().rollback();
        }
        assertThat(db.queryLong("select balance from ledgers where id = " + ledger)).isEqualTo(2);
    }

    @DatabaseTest
    void keepsTheSecondLevelCacheConsistentOnCommitAndRollback(TestDatabase db) {
        SessionFactory sf = withListeners(db);
        assertThat(reason(sf, Note.class)).isNull();
        Note note = new Note("v1");
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            s.persist(note);
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Note n = s.find(Note.class, note.getId());
            n.setBody("rolled back");
            assertThat(FastSave.save(s, n)).isTrue();
            s.getTransaction().rollback();
        }
        db.sql().reset();
        try (Session s = sf.openSession()) {
            assertThat(s.find(Note.class, note.getId()).getBody()).as("the rolled-back state is not cached")
                    .isEqualTo("v1");
        }
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Note n = s.find(Note.class, note.getId());
            n.setBody("v2");
            assertThat(FastSave.save(s, n)).isTrue();
            s.getTransaction().commit();
        }
        assertThat(sf.getCache().containsEntity(Note.class, note.getId())).isTrue();
        db.sql().reset();
        try (Session s = sf.openSession()) {
            assertThat(s.find(Note.class, note.getId()).getBody()).isEqualTo("v2");
        }
        assertThat(db.sql().count(SqlKind.SELECT)).as("read from the cache, with the committed state").isZero();
    }
}

package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDelete;
import dev.kiln.softdelete.internal.RuleCatalog;
import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import dev.kiln.softdelete.testing.NovaWorld;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins the SQL {@link SqlAstAdapter} renders, and its per-execution binding and shape check. */
class SqlAstAdapterTest {
    private static final String HQL = "select f.id from FloatingIp f where f.host = :h";

    @BeforeEach
    void load(TestDatabase db) {
        NovaWorld.sessionFactory(db);
        NovaWorld.load(db);
    }

    private static String sqlOf(TestDatabase db, Session s, Runnable work) {
        db.sql().reset();
        work.run();
        assertThat(db.sql().executed()).hasSize(1);
        return db.sql().executed().get(0);
    }

    @DatabaseTest(Backend.H2)
    void exactSqlIsWhatOneWouldWriteByHand(TestDatabase db) {
        try (Session s = NovaWorld.sessionFactory(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            assertThat(sqlOf(db, s, () -> s.createSelectionQuery(HQL, Long.class).setParameter("h", "h1").list()))
                    .isEqualTo("select fi1_0.id from floating_ips fi1_0 where fi1_0.deleted=0 and "
                            + "(fi1_0.project_id=? or fi1_0.project_id is null) and fi1_0.host=?");
            SoftDelete.setContext(s, CriteriaContext.admin().withReadDeleted(ReadDeleted.ONLY));
            assertThat(sqlOf(db, s, () -> s.createSelectionQuery(HQL, Long.class).setParameter("h", "h1").list()))
                    .isEqualTo("select fi1_0.id from floating_ips fi1_0 where fi1_0.deleted<>0 and fi1_0.host=?");
            SoftDelete.setContext(s, CriteriaContext.admin().withReadDeleted(ReadDeleted.YES));
            assertThat(sqlOf(db, s, () -> s.createSelectionQuery(HQL, Long.class).setParameter("h", "h1").list()))
                    .isEqualTo("select fi1_0.id from floating_ips fi1_0 where fi1_0.host=?");
        }
    }

    @DatabaseTest(Backend.H2)
    void loadersCarryEveryVariantBehindGuards(TestDatabase db) {
        try (Session s = NovaWorld.sessionFactory(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            String sql = sqlOf(db, s, () -> s.find(FloatingIp.class, 1L));
            assertThat(sql).endsWith("where fi1_0.id=? and (?=1 and fi1_0.deleted=0 or ?=1 or ?=1 and fi1_0.deleted<>0) "
                    + "and (?=1 or ?=1 and (fi1_0.project_id=? or fi1_0.project_id is null))");
        }
    }

    @DatabaseTest
    void aPlanTranslatedForAnotherShapeRefusesToBindRatherThanGuess(TestDatabase db) {
        SessionFactory sf = NovaWorld.sessionFactory(db);
        RuleCatalog catalog = SoftDeleteRuntime.of(sf).catalog();
        int scopedShape = catalog.shapeCode(catalog.selectorValues(CriteriaContext.project(NovaWorld.A)));
        try (Session s = sf.openSession()) {
            SoftDelete.setContext(s, CriteriaContext.admin());
            // Tamper: switch the plan-cache key to the project-scoped shape while the context is admin.
            s.enableFetchProfile(ShapeChannel.profileName(scopedShape));
            s.unwrap(org.hibernate.engine.spi.SessionImplementor.class).getLoadQueryInfluencers().getEnabledFetchProfileNames().stream()
                    .filter(n -> n.startsWith(ShapeChannel.PREFIX) && !n.equals(ShapeChannel.profileName(scopedShape)))
                    .toList().forEach(s::disableFetchProfile);
            assertThatThrownBy(() -> s.createSelectionQuery("select f.id from FloatingIp f", Long.class).list())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("translated for rule scope:project variant 1");
        }
    }
}

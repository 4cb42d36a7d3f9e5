package dev.kiln.softdelete;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.testing.CountingTranslatorFactory;
import dev.kiln.softdelete.testing.FilteredNote;
import dev.kiln.softdelete.testing.NovaWorld;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kiln keeps Hibernate's query plan cache on (one translation per query and context shape, where an enabled
 * {@code @Filter} translates on every execution), and a cached plan never lets a deleted row or another project's row
 * through: the same query alternates contexts in one session, across sessions, and from concurrent threads.
 */
class PlanCacheTest {
    /** Each test uses its own alias, so that it starts from an empty plan cache entry for its query text. */
    private static String query(String alias) {
        return "select " + alias + ".id from FloatingIp " + alias + " where " + alias + ".pool = :pool";
    }

    @BeforeEach
    void load(TestDatabase db) {
        db.shared("world", d -> {
            counted(d);
            NovaWorld.load(d);
            return Boolean.TRUE;
        });
    }

    private static SessionFactory counted(TestDatabase db) {
        return db.shared("counted", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .setting(SoftDeleteSettings.CONFIGURATION, NovaWorld.configuration())
                .setting(AvailableSettings.SEMANTIC_QUERY_TRANSLATOR, CountingTranslatorFactory.class.getName())
                .build());
    }

    private static Set<Long> expected(CriteriaContext ctx, String pool) {
        return NovaWorld.floatingIds(ctx, f -> f.pool().equals(pool));
    }

    private static Set<Long> run(Session session, String alias, String pool) {
        return new TreeSet<>(session.createSelectionQuery(query(alias), Long.class).setParameter("pool", pool).list());
    }

    @DatabaseTest
    void translatesEachQueryOncePerShapeAcrossSessionsAndProjects(TestDatabase db) {
        SessionFactory sf = counted(db);
        CountingTranslatorFactory.reset();
        CriteriaContext[] contexts = {CriteriaContext.project(NovaWorld.A), CriteriaContext.project(NovaWorld.B),
                CriteriaContext.admin()};
        for (int i = 0; i < 30; i++) {
            CriteriaContext ctx = contexts[i % 3];
            try (Session s = sf.openSession()) {
                SoftDelete.setContext(s, ctx);
                assertThat(run(s, "q1", "pool1")).as("%s, execution %d", ctx, i).isEqualTo(expected(ctx, "pool1"));
            }
        }
        // Projects A and B share one shape (the project is a bound parameter); admin is the second shape.
        assertThat(CountingTranslatorFactory.selectTranslations()).isEqualTo(2);
    }

    @DatabaseTest
    void sameSessionAlternatingEveryContextNeverLeaks(TestDatabase db) {
        SessionFactory sf = counted(db);
        CountingTranslatorFactory.reset();
        try (Session s = sf.openSession()) {
            for (int round = 0; round < 3; round++) {
                for (NovaWorld.NamedContext ctx : NovaWorld.contexts()) {
                    SoftDelete.setContext(s, ctx.context());
                    for (String pool : new String[] {"pool1", "pool2"}) {
                        assertThat(run(s, "q2", pool)).as("%s %s round %d", ctx, pool, round)
                                .isEqualTo(expected(ctx.context(), pool));
                    }
                }
            }
        }
        // read_deleted NO/YES/ONLY x (project-scoped, admin): six shapes, each translated once.
        assertThat(CountingTranslatorFactory.selectTranslations()).isEqualTo(6);
    }

    @DatabaseTest
    void concurrentSessionsWithRandomContextsNeverSeeOtherRows(TestDatabase db) throws Exception {
        SessionFactory sf = counted(db);
        List<NovaWorld.NamedContext> contexts = NovaWorld.contexts();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    List<String> failures = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        NovaWorld.NamedContext ctx = contexts.get(random.nextInt(contexts.size()));
                        String p = random.nextBoolean() ? "pool1" : "pool2";
                        try (Session s = sf.openSession()) {
                            SoftDelete.setContext(s, ctx.context());
                            Set<Long> got = run(s, "q3", p);
                            if (!got.equals(expected(ctx.context(), p))) {
                                failures.add(ctx + " " + p + ": " + got);
                            }
                            long id = 1 + random.nextInt(NovaWorld.FLOATING.size());
                            boolean found = s.find(FloatingIp.class, id) != null;
                            if (found != NovaWorld.sees(ctx.context(), NovaWorld.floating(id))) {
                                failures.add(ctx + " find " + id + ": " + found);
                            }
                        }
                    }
                    return failures;
                }));
            }
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<String>> f : results) {
                failures.addAll(f.get(5, TimeUnit.MINUTES));
            }
            assertThat(failures).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @DatabaseTest
    void uniformSqlSharesOnePlanAcrossAllContexts(TestDatabase db) {
        SessionFactory sf = db.shared("uniform", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .schema(HibernateBootstrap.Schema.NONE)
                .setting(SoftDeleteSettings.CONFIGURATION, NovaWorld.configurationBuilder().exactSql(false).build())
                .setting(AvailableSettings.SEMANTIC_QUERY_TRANSLATOR, CountingTranslatorFactory.class.getName())
                .build());
        CountingTranslatorFactory.reset();
        for (NovaWorld.NamedContext ctx : NovaWorld.contexts()) {
            try (Session s = sf.openSession()) {
                SoftDelete.setContext(s, ctx.context());
                assertThat(run(s, "q4", "pool2")).as("%s", ctx).isEqualTo(expected(ctx.context(), "pool2"));
                assertThat(SoftDelete.shapeKey(s).isUniform()).isTrue();
            }
        }
        assertThat(CountingTranslatorFactory.selectTranslations()).isEqualTo(1);
    }

    /** Setting a context finds the runtime of the session's own SessionFactory, also when two alternate. */
    @DatabaseTest
    void contextsGoToTheSessionFactoryOfTheSession(TestDatabase db) {
        SessionFactory exact = counted(db);
        SessionFactory uniform = db.shared("uniform-2", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .schema(HibernateBootstrap.Schema.NONE)
                .setting(SoftDeleteSettings.CONFIGURATION, NovaWorld.configurationBuilder().exactSql(false).build())
                .build());
        for (int i = 0; i < 6; i++) {
            NovaWorld.NamedContext ctx = NovaWorld.contexts().get(i % NovaWorld.contexts().size());
            for (SessionFactory sf : new SessionFactory[] {exact, uniform, exact}) {
                try (Session s = sf.openSession()) {
                    SoftDelete.setContext(s, ctx.context());
                    assertThat(SoftDelete.context(s)).isSameAs(ctx.context());
                    assertThat(SoftDelete.shapeKey(s).factoryUuid())
                            .isEqualTo(sf.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getUuid());
                    assertThat(SoftDelete.shapeKey(s).isUniform()).isEqualTo(sf == uniform);
                    assertThat(run(s, "q6", "pool1")).as("%s", ctx).isEqualTo(expected(ctx.context(), "pool1"));
                }
            }
        }
    }

    @DatabaseTest
    void anEnabledHibernateFilterTranslatesOnEveryExecution(TestDatabase db) {
        SessionFactory sf = db.shared("filtered", d -> d.hibernate().entities(FilteredNote.class)
                .setting(AvailableSettings.SEMANTIC_QUERY_TRANSLATOR, CountingTranslatorFactory.class.getName()).build());
        sf.inTransaction(s -> {
            s.createMutationQuery("delete from FilteredNote").executeUpdate();
            s.persist(new FilteredNote(1L, 0));
            s.persist(new FilteredNote(2L, 2));
        });
        CountingTranslatorFactory.reset();
        for (int i = 0; i < 5; i++) {
            try (Session s = sf.openSession()) {
                s.enableFilter("live");
                assertThat(s.createSelectionQuery("select n.id from FilteredNote n", Long.class).list()).containsExactly(1L);
            }
        }
        assertThat(CountingTranslatorFactory.selectTranslations()).as("with @Filter enabled").isEqualTo(5);
        CountingTranslatorFactory.reset();
        for (int i = 0; i < 5; i++) {
            try (Session s = sf.openSession()) {
                assertThat(s.createSelectionQuery("select n.id from FilteredNote n", Long.class).list()).hasSize(2);
            }
        }
        assertThat(CountingTranslatorFactory.selectTranslations()).as("without filters").isEqualTo(1);
    }

    @DatabaseTest
    void shapeKeysIdentifyTheSql(TestDatabase db) {
        SessionFactory sf = counted(db);
        try (Session a = sf.openSession(); Session b = sf.openSession(); Session admin = sf.openSession();
             Session none = sf.openSession()) {
            SoftDelete.setContext(a, CriteriaContext.project(NovaWorld.A));
            SoftDelete.setContext(b, CriteriaContext.project(NovaWorld.B));
            SoftDelete.setContext(admin, CriteriaContext.admin());
            assertThat(SoftDelete.shapeKey(a)).isEqualTo(SoftDelete.shapeKey(b)).isNotEqualTo(SoftDelete.shapeKey(admin));
            assertThat(SoftDelete.shapeKey(none).isUniform()).isTrue();
            assertThat(SoftDelete.shapeKey(a).isUniform()).isFalse();
            SoftDelete.setContext(b, CriteriaContext.project(NovaWorld.B).withReadDeleted(ReadDeleted.YES));
            assertThat(SoftDelete.shapeKey(b)).isNotEqualTo(SoftDelete.shapeKey(a));
        }
    }
}

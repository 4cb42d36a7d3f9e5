package dev.kiln.bakedquery;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDelete;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteSettings;
import dev.kiln.softdelete.SoftDeleteStyle;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baked queries with Kiln soft-delete criteria active: the session's read_deleted mode and project change the SQL
 * (shape) or the bound values, and a baked query never serves one context's plan or rows to another. Every fifth
 * floating IP is soft-deleted; floating IPs belong to 4 projects.
 */
class SoftDeleteInterplayTest {
    private static final Bakery BAKERY = Bakery.create();

    record World(SessionFactory sessionFactory, NovaDataset data) {
        boolean deleted(long id) {
            return id % 5 == 0;
        }

        String project(long id) {
            return data.floatingProjects().get((int) id - 1);
        }

        List<Long> expected(CriteriaContext ctx) {
            String project = ctx.isAdmin() ? null : (String) ctx.value(CriteriaContext.PROJECT).orElseThrow();
            return LongStream.rangeClosed(1, data.floatingIpCount())
                    .filter(id -> switch (ctx.readDeleted()) {
                        case NO -> !deleted(id);
                        case YES -> true;
                        case ONLY -> deleted(id);
                    })
                    .filter(id -> project == null || project.equals(project(id)))
                    .boxed().toList();
        }
    }

    static World world(TestDatabase db) {
        return db.shared("soft-world", d -> {
            SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
                    .softDelete(NovaBase.class, SoftDeleteStyle.nova())
                    .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone())
                    .build();
            SessionFactory sf = d.hibernate().entities(NovaModel.ENTITIES)
                    .setting(SoftDeleteSettings.CONFIGURATION, config).build();
            NovaDataset data = NovaDataLoader.builder().floatingIps(60).fixedIps(6).projects(4).seed(3).build()
                    .load(d.dataSource());
            d.execute("UPDATE floating_ips SET deleted = id WHERE MOD(id, 5) = 0");
            return new World(sf, data);
        });
    }

    static List<Long> ids(Session session) {
        return BAKERY.hql(Long.class, () -> "select f.id from FloatingIp f where f.pool = :pool order by f.id")
                .on(session).param("pool", "fake_pool").list();
    }

    static List<CriteriaContext> contexts(World w) {
        List<CriteriaContext> all = new ArrayList<>();
        for (ReadDeleted mode : ReadDeleted.values()) {
            all.add(CriteriaContext.admin().withReadDeleted(mode));
            for (String p : w.data().projectIds()) {
                all.add(CriteriaContext.project(p).withReadDeleted(mode));
            }
        }
        return all;
    }

    @DatabaseTest
    void alternatingContextsInOneSessionGetTheirOwnRows(TestDatabase db) {
        World w = world(db);
        List<CriteriaContext> contexts = contexts(w);
        try (Session session = w.sessionFactory().openSession()) {
            for (int pass = 0; pass < 2; pass++) {
                for (CriteriaContext ctx : contexts) {
                    SoftDelete.setContext(session, ctx);
                    assertThat(ids(session)).as("%s", ctx).isEqualTo(w.expected(ctx)).isNotEmpty();
                }
            }
        }
    }

    @DatabaseTest
    void contextsInRandomOrderAcrossSessions(TestDatabase db) {
        World w = world(db);
        List<CriteriaContext> contexts = contexts(w);
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 40; i++) {
            CriteriaContext ctx = contexts.get(random.nextInt(contexts.size()));
            try (Session session = w.sessionFactory().openSession()) {
                SoftDelete.setContext(session, ctx);
                assertThat(ids(session)).as("%s", ctx).isEqualTo(w.expected(ctx));
                FloatingIp one = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
                        .on(session).param("address", w.data().floatingAddresses().get(4)).singleOrNull(); // id 5: deleted
                boolean visible = w.expected(ctx).contains(5L);
                assertThat(one == null).as("%s sees deleted row 5: %s", ctx, visible).isEqualTo(!visible);
            }
        }
    }

    @DatabaseTest
    void theCriteriaShapeIsPartOfThePlanKey(TestDatabase db) {
        World w = world(db);
        List<Object> keys = new ArrayList<>();
        try (Session session = w.sessionFactory().openSession()) {
            for (CriteriaContext ctx : List.of(CriteriaContext.project("fake_project_1"),
                    CriteriaContext.project("fake_project_2"),
                    CriteriaContext.project("fake_project_1").withReadDeleted(ReadDeleted.ONLY),
                    CriteriaContext.admin())) {
                SoftDelete.setContext(session, ctx);
                keys.add(BAKERY.hql(Long.class, () -> "select f.id from FloatingIp f")
                        .on(session).read((s, statement, params) -> List.of(statement.planKey(s))).get(0));
            }
        }
        assertThat(keys.get(0)).as("same shape, other project: same plan, values bound").isEqualTo(keys.get(1));
        assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
        assertThat(keys.get(3)).isNotEqualTo(keys.get(0)).isNotEqualTo(keys.get(2));
    }

    @DatabaseTest
    void aSessionWithoutAContextIsRefusedAsAPlainQueryIs(TestDatabase db) {
        World w = world(db);
        try (Session session = w.sessionFactory().openSession()) {
            Throwable plain = org.assertj.core.api.Assertions.catchThrowable(() -> session.createSelectionQuery(
                    "select f.id from FloatingIp f where f.pool = :pool", Long.class).setParameter("pool", "fake_pool").list());
            Throwable baked = org.assertj.core.api.Assertions.catchThrowable(() -> ids(session));
            assertThat(plain).as("soft delete refuses a scoped query without a project").isNotNull();
            assertThat(baked).isNotNull().hasSameClassAs(plain);
            assertThat(baked.getMessage()).isEqualTo(plain.getMessage());
            SoftDelete.setContext(session, CriteriaContext.admin());
            assertThat(ids(session)).isEqualTo(w.expected(CriteriaContext.admin()));
        }
    }

    @DatabaseTest
    void concurrentSessionsWithDifferentContextsNeverSeeEachOthersRows(TestDatabase db) throws Exception {
        World w = world(db);
        List<CriteriaContext> contexts = contexts(w);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < 25; i++) {
                        CriteriaContext ctx = contexts.get(random.nextInt(contexts.size()));
                        try (Session session = w.sessionFactory().openSession()) {
                            SoftDelete.setContext(session, ctx);
                            assertThat(ids(session)).as("%s", ctx).isEqualTo(w.expected(ctx));
                        }
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

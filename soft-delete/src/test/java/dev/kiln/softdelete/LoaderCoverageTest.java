package dev.kiln.softdelete;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.testing.NovaWorld;
import jakarta.persistence.EntityNotFoundException;
import org.hibernate.ObjectNotFoundException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loaders beyond the conformance matrix: batch fetch of proxies and collections, subselect fetch, refresh, and
 * {@code getReference} proxies, each under several contexts with loaders shared by every session.
 */
class LoaderCoverageTest {
    private static SessionFactory sf(TestDatabase db, String name, String setting, Object value) {
        NovaWorld.sessionFactory(db); // owns the schema
        return db.shared(name, d -> d.hibernate().entities(NovaModel.ENTITIES).schema(HibernateBootstrap.Schema.NONE)
                .setting(SoftDeleteSettings.CONFIGURATION, NovaWorld.configuration())
                .setting(setting, value).build());
    }

    private static SessionFactory batching(TestDatabase db) {
        return sf(db, "batch", AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 16);
    }

    private static SessionFactory subselect(TestDatabase db) {
        return sf(db, "subselect", AvailableSettings.USE_SUBSELECT_FETCH, true);
    }

    @BeforeEach
    void load(TestDatabase db) {
        NovaWorld.sessionFactory(db);
        NovaWorld.load(db);
    }

    @DatabaseTest
    void batchFetchedProxiesResolveOnlyVisibleTargets(TestDatabase db) {
        for (NovaWorld.NamedContext ctx : NovaWorld.contexts()) {
            try (Session s = batching(db).openSession()) {
                SoftDelete.setContext(s, ctx.context());
                List<FloatingIp> ips = s.createSelectionQuery("from FloatingIp", FloatingIp.class).list();
                db.sql().reset();
                Map<Long, String> got = new TreeMap<>();
                for (FloatingIp f : ips) {
                    got.put(f.getId(), addressOrHidden(f));
                }
                Map<Long, String> expected = new TreeMap<>();
                for (long id : NovaWorld.floatingIds(ctx.context(), r -> true)) {
                    NovaWorld.FloatingRow r = NovaWorld.floating(id);
                    expected.put(id, r.fixed() == null ? "-" : NovaWorld.sees(ctx.context(), NovaWorld.fixed(r.fixed()))
                            ? NovaWorld.fixed(r.fixed()).address() : "hidden");
                }
                assertThat(got).as("%s", ctx).isEqualTo(expected);
                // One batched statement for the proxies; a hidden id may then be tried alone when its proxy is touched.
                long hidden = NovaWorld.floatingIds(ctx.context(), r -> true).stream().map(NovaWorld::floating)
                        .filter(r -> r.fixed() != null && !NovaWorld.sees(ctx.context(), NovaWorld.fixed(r.fixed())))
                        .map(NovaWorld.FloatingRow::fixed).distinct().count();
                long targets = NovaWorld.floatingIds(ctx.context(), r -> true).stream().map(NovaWorld::floating)
                        .map(NovaWorld.FloatingRow::fixed).filter(java.util.Objects::nonNull).distinct().count();
                List<String> reads = db.sql().executed().stream().filter(sql -> sql.contains(" from fixed_ips ")).toList();
                assertThat((long) reads.size()).as("%s: statements reading fixed_ips", ctx)
                        .isBetween(targets == 0 ? 0L : 1L, targets == 0 ? 0L : 1 + hidden);
                if (targets > 1) {
                    assertThat(reads.get(0)).as("%s: batched", ctx).containsAnyOf("in (?,?", "any (?)", "in(?,?");
                }
            }
        }
    }

    private static long reads(TestDatabase db, String table) {
        return db.sql().executed().stream().filter(sql -> sql.contains(" from " + table + " ")).count();
    }

    private static String addressOrHidden(FloatingIp f) {
        if (f.getFixedIp() == null) {
            return "-";
        }
        try {
            return f.getFixedIp().getAddress();
        } catch (EntityNotFoundException | ObjectNotFoundException hidden) {
            return "hidden";
        }
    }

    @DatabaseTest
    void batchAndSubselectFetchedCollectionsHoldOnlyVisibleElements(TestDatabase db) {
        for (SessionFactory sf : List.of(batching(db), subselect(db))) {
            for (NovaWorld.NamedContext ctx : NovaWorld.contexts()) {
                try (Session s = sf.openSession()) {
                    SoftDelete.setContext(s, ctx.context());
                    List<FixedIp> fixedIps = s.createSelectionQuery("from FixedIp x where x.host <> 'nowhere'", FixedIp.class).list();
                    db.sql().reset();
                    Map<Long, TreeSet<Long>> got = new TreeMap<>();
                    for (FixedIp x : fixedIps) {
                        TreeSet<Long> children = new TreeSet<>();
                        x.getFloatingIps().forEach(f -> children.add(f.getId()));
                        got.put(x.getId(), children);
                    }
                    Map<Long, TreeSet<Long>> expected = new TreeMap<>();
                    for (long id : NovaWorld.fixedIds(ctx.context(), r -> true)) {
                        expected.put(id, new TreeSet<>(NovaWorld.floatingIds(ctx.context(), f -> f.fixed() != null && f.fixed() == id)));
                    }
                    assertThat(got).as("%s", ctx).isEqualTo(expected);
                    assertThat(reads(db, "floating_ips")).as("%s: one statement for all collections", ctx)
                            .isEqualTo(expected.isEmpty() ? 0 : 1);
                }
            }
        }
    }

    @DatabaseTest
    void getReferenceOfAHiddenRowCannotBeInitialized(TestDatabase db) {
        try (Session s = NovaWorld.sessionFactory(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            FloatingIp other = s.getReference(FloatingIp.class, 4L); // project B
            assertThatThrownBy(() -> other.getAddress()).isInstanceOfAny(EntityNotFoundException.class, ObjectNotFoundException.class);
            assertThat(s.getReference(FloatingIp.class, 1L).getAddress()).isEqualTo(NovaWorld.floating(1).address());
        }
    }

    @DatabaseTest
    void refreshReadsThroughTheCriteria(TestDatabase db) {
        try (Session s = NovaWorld.sessionFactory(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            FloatingIp f = s.find(FloatingIp.class, 1L);
            db.execute("update floating_ips set host = 'changed' where id = 1");
            s.refresh(f);
            assertThat(f.getHost()).isEqualTo("changed");
            db.execute("update floating_ips set deleted = id where id = 1");
            assertThatThrownBy(() -> s.refresh(f)).as("refresh of a row deleted meanwhile")
                    .isInstanceOfAny(EntityNotFoundException.class, ObjectNotFoundException.class,
                            org.hibernate.UnresolvableObjectException.class);
        }
        try (Session s = NovaWorld.sessionFactory(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A).withReadDeleted(ReadDeleted.ONLY));
            FloatingIp f = s.find(FloatingIp.class, 1L);
            s.refresh(f);
            assertThat(f.getDeleted()).isEqualTo(1L);
        }
    }

    @DatabaseTest
    void entityGraphLoadsBuildTheirLoaderPerCallWithTheSameCriteria(TestDatabase db) {
        for (NovaWorld.NamedContext ctx : NovaWorld.contexts()) {
            try (Session s = NovaWorld.sessionFactory(db).openSession()) {
                SoftDelete.setContext(s, ctx.context());
                var graph = s.createEntityGraph(FixedIp.class);
                graph.addAttributeNodes("instance");
                TreeSet<Long> found = new TreeSet<>();
                for (long id = 1; id <= NovaWorld.FIXED.size(); id++) {
                    FixedIp x = s.find(FixedIp.class, id, Map.of("jakarta.persistence.fetchgraph", graph));
                    if (x != null) {
                        found.add(x.getId());
                        NovaWorld.InstanceRow expected = NovaWorld.instanceOf(ctx.context(), NovaWorld.fixed(id));
                        assertThat(x.getInstance() == null ? null : x.getInstance().getId()).as("%s fixed %d", ctx, id)
                                .isEqualTo(expected == null ? null : expected.id());
                    }
                }
                assertThat(found).as("%s", ctx).isEqualTo(NovaWorld.fixedIds(ctx.context(), r -> true));
            }
        }
    }

    @DatabaseTest
    void statelessSessionsGetTheSameCriteria(TestDatabase db) {
        for (NovaWorld.NamedContext ctx : NovaWorld.contexts()) {
            try (var s = NovaWorld.sessionFactory(db).openStatelessSession()) {
                SoftDelete.setContext(s, ctx.context());
                assertThat(new TreeSet<>(s.createSelectionQuery("select f.id from FloatingIp f", Long.class).list()))
                        .as("%s query", ctx).isEqualTo(NovaWorld.floatingIds(ctx.context(), r -> true));
                TreeSet<Long> got = new TreeSet<>();
                for (long id = 1; id <= NovaWorld.FLOATING.size(); id++) {
                    if (s.get(FloatingIp.class, id) != null) {
                        got.add(id);
                    }
                }
                assertThat(got).as("%s get", ctx).isEqualTo(NovaWorld.floatingIds(ctx.context(), r -> true));
            }
        }
    }

    @DatabaseTest
    void fixedIpsOfAnotherProjectsInstanceAreStillVisibleToo(TestDatabase db) {
        // Fixed IPs carry no project: project B's user sees fixed IP 1 (of project A's instance 1), but not its instance.
        try (Session s = NovaWorld.sessionFactory(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.B));
            FixedIp x = s.find(FixedIp.class, 1L);
            assertThat(x).isNotNull();
            assertThat(x.getInstance()).isNull();
        }
    }
}

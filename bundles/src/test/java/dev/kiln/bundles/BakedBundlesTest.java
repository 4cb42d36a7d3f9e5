package dev.kiln.bundles;

import dev.kiln.bakedquery.Bakery;
import dev.kiln.bundles.testing.NovaBundles;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;

import java.util.List;

import static dev.kiln.bundles.testing.NovaBundles.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bundles as the rows of baked queries, through baked-query's reader extension point. */
class BakedBundlesTest {
    private static final Bakery BAKERY = Bakery.create();

    /** A baked query at one call site (shared with {@link BakedBundlesSoftDeleteTest}). */
    static List<FloatingIp> byFixedAddress(Session session, String fixedAddress) {
        return BAKERY.hql(FloatingIp.class, () -> "from FloatingIp f where f.fixedIp.address = :a order by f.id desc")
                .on(session).param("a", fixedAddress)
                .read(BakedBundles.of(FloatingIp.class));
    }

    static List<FloatingIp> inProject(Session session, String project, String hostOrNull) {
        var q = BAKERY.criteria(cb -> {
            JpaCriteriaQuery<FloatingIp> query = cb.createQuery(FloatingIp.class);
            JpaRoot<FloatingIp> f = query.from(FloatingIp.class);
            return query.where(cb.equal(f.get("projectId"), cb.parameter(String.class, "project"))).orderBy(cb.asc(f.get("id")));
        });
        if (hostOrNull != null) {
            q = q.and((cb, f) -> cb.equal(f.get("host"), cb.parameter(String.class, "host")));
        }
        var call = q.on(session).param("project", project);
        if (hostOrNull != null) {
            call.param("host", hostOrNull);
        }
        return call.read(BakedBundles.of(FloatingIp.class));
    }

    @DatabaseTest
    void bakedHqlAndCriteriaQueriesReturnBundles(TestDatabase db) {
        NovaBundles.World w = NovaBundles.world(db);
        try (Session s = w.sf().openSession()) {
            for (String fixed : w.data().fixedAddresses()) {
                List<FloatingIp> bundles = byFixedAddress(s, fixed);
                List<FloatingIp> managed = s.createSelectionQuery(
                        "from FloatingIp f where f.fixedIp.address = :a order by f.id desc", FloatingIp.class)
                        .setParameter("a", fixed).list();
                assertThat(bundles).isNotEmpty().allMatch(Bundles::isBundle);
                assertThat(ids(bundles)).isEqualTo(ids(managed));
                for (int i = 0; i < bundles.size(); i++) {
                    NovaBundles.assertSameAsEntity(bundles.get(i), managed.get(i));
                }
            }
            s.clear();
            String project = w.data().projectIds().get(0);
            List<FloatingIp> all = inProject(s, project, null);
            assertThat(all).isNotEmpty().allMatch(Bundles::isBundle).allMatch(f -> project.equals(f.getProjectId()));
            assertThat(ids(all)).isEqualTo(s.createSelectionQuery("select id from FloatingIp where projectId = :p order by id",
                    Long.class).setParameter("p", project).list());
            String host = all.get(0).getHost();
            assertThat(inProject(s, project, host)).extracting(FloatingIp::getHost).containsOnly(host);
            assertThat(s.getStatistics().getEntityCount()).as("bundles only: nothing managed").isZero();
        }
    }

    @DatabaseTest
    void theLambdasRunOncePerCallSite(TestDatabase db) {
        NovaBundles.World w = NovaBundles.world(db);
        Bakery bakery = Bakery.create();
        w.sf().inSession(s -> {
            for (int i = 0; i < 3; i++) {
                List<FixedIp> ips = bakery.hql(FixedIp.class, () -> "from FixedIp where id = ?1")
                        .on(s).param(1, (long) (i + 1)).read(BakedBundles.of(FixedIp.class));
                assertThat(ips).singleElement().satisfies(f -> assertThat(Bundles.isBundle(f)).isTrue());
                assertThat(ips.get(0).getId()).isEqualTo(i + 1L);
            }
        });
        assertThat(bakery.bakes()).isEqualTo(1);
    }

    @DatabaseTest
    void refusesABakedQueryOfAnotherShape(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        Bakery bakery = Bakery.create();
        sf.inSession(s -> assertThatThrownBy(() -> bakery.hql(String.class, () -> "select f.address from FloatingIp f")
                .on(s).read(BakedBundles.of(FloatingIp.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must select the FloatingIp entities"));
    }
}

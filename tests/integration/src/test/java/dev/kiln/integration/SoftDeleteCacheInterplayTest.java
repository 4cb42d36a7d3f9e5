package dev.kiln.integration;

import dev.kiln.bakedquery.Bakery;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.Instance;
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
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.stat.Statistics;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Soft-delete criteria (kiln-soft-delete) with Hibernate's second-level and query caches on (issue 7, "Interplay").
 * What soft delete promises: an entity with criteria, or a collection of them, cannot be second-level cached (refused
 * at startup, since a cache hit would answer {@code find()} or a collection load without the criteria), so {@code find()} and baked queries always read it from the
 * database and follow read_deleted; entities without criteria next to it are cached as usual; a cacheable query is
 * keyed by its SQL, so each read_deleted shape has its own result, and is refused where the SQL carries context
 * values (the key would not include them); softDelete and bulk soft delete invalidate cached queries.
 */
class SoftDeleteCacheInterplayTest {
    private static final Bakery BAKERY = Bakery.create();
    private static final CriteriaContext LIVE = CriteriaContext.admin();
    private static final CriteriaContext ALL = CriteriaContext.admin().withReadDeleted(ReadDeleted.YES);
    private static final CriteriaContext DELETED = CriteriaContext.admin().withReadDeleted(ReadDeleted.ONLY);

    private static SoftDeleteConfiguration softDeletedFloatingIps() {
        return SoftDeleteConfiguration.builder()
                .softDelete(FloatingIp.class, SoftDeleteStyle.nova())
                .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id"))
                .build();
    }

    /** FloatingIp has criteria (not cached); FixedIp and Instance are cached; query cache on. */
    private static SessionFactory sessionFactory(TestDatabase db) {
        return db.shared("soft-delete-caches", d -> d.hibernate().mode(HibernateBootstrap.Mode.JPA)
                .entities(NovaModel.ENTITIES)
                .settings(CacheSettings.entitiesCached(d, FixedIp.class, Instance.class))
                .setting(SoftDeleteSettings.CONFIGURATION, softDeletedFloatingIps())
                .build());
    }

    private static Session open(SessionFactory sf, CriteriaContext context) {
        Session s = sf.openSession();
        SoftDelete.setContext(s, context);
        return s;
    }

    private static List<FloatingIp> insert(SessionFactory sf, String pool, String... addresses) {
        List<FloatingIp> ips = new java.util.ArrayList<>();
        try (Session s = open(sf, LIVE)) {
            s.getTransaction().begin();
            for (String address : addresses) {
                FloatingIp ip = new FloatingIp();
                ip.setAddress(address);
                ip.setPool(pool);
                ip.setProjectId("p");
                s.persist(ip);
                ips.add(ip);
            }
            s.getTransaction().commit();
        }
        return ips;
    }

    private static List<String> baked(SessionFactory sf, CriteriaContext context, String pool) {
        try (Session s = open(sf, context)) {
            return BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where pool = :pool order by address")
                    .on(s).param("pool", pool).list().stream().map(FloatingIp::getAddress).toList();
        }
    }

    private static List<String> cached(SessionFactory sf, CriteriaContext context, String pool) {
        try (Session s = open(sf, context)) {
            return s.createSelectionQuery("select address from FloatingIp where pool = :pool order by address",
                    String.class).setParameter("pool", pool).setCacheable(true).list();
        }
    }

    private static FloatingIp find(SessionFactory sf, CriteriaContext context, Long id) {
        try (Session s = open(sf, context)) {
            return s.find(FloatingIp.class, id);
        }
    }

    @DatabaseTest
    void anEntityWithCriteriaCannotBeSecondLevelCached(TestDatabase db) {
        Map<String, Object> everythingCached = CacheSettings.allEntitiesCached(db);
        assertThatThrownBy(() -> db.hibernate().entities(NovaModel.ENTITIES).settings(everythingCached)
                .setting(SoftDeleteSettings.CONFIGURATION, softDeletedFloatingIps()).build())
                .hasStackTraceContaining("Kiln soft delete: entity " + FloatingIp.class.getName() + " has criteria "
                        + "and is second-level cached");
    }

    @DatabaseTest
    void aCollectionOfEntitiesWithCriteriaCannotBeSecondLevelCached(TestDatabase db) {
        Map<String, Object> settings = CacheSettings.entitiesCached(db, FixedIp.class);
        settings.put(AvailableSettings.COLLECTION_CACHE_PREFIX + "." + FixedIp.class.getName() + ".floatingIps",
                "read-write");
        assertThatThrownBy(() -> db.hibernate().mode(HibernateBootstrap.Mode.JPA).entities(NovaModel.ENTITIES)
                .settings(settings).setting(SoftDeleteSettings.CONFIGURATION, softDeletedFloatingIps()).build())
                .hasStackTraceContaining("Kiln soft delete: collection " + FixedIp.class.getName() + ".floatingIps is "
                        + "second-level cached but its elements (" + FloatingIp.class.getName() + ") have criteria");
    }

    @DatabaseTest
    void bakedQueriesAndFindFollowReadDeletedWithTheCachesOn(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        List<FloatingIp> ips = insert(sf, "sd-find", "198.51.100.11", "198.51.100.12");
        Long deletedId = ips.get(0).getId();
        try (Session s = open(sf, LIVE)) {
            s.getTransaction().begin();
            SoftDelete.softDelete(s, s.find(FloatingIp.class, deletedId));
            s.getTransaction().commit();
        }
        Statistics stats = sf.getStatistics();
        stats.clear();

        for (int pass = 0; pass < 2; pass++) {       // the second pass would be the one served from a cache
            db.sql().reset();
            assertThat(baked(sf, LIVE, "sd-find")).containsExactly("198.51.100.12");
            assertThat(baked(sf, DELETED, "sd-find")).containsExactly("198.51.100.11");
            assertThat(baked(sf, ALL, "sd-find")).containsExactly("198.51.100.11", "198.51.100.12");
            assertThat(find(sf, LIVE, deletedId)).isNull();
            assertThat(find(sf, ALL, deletedId).getDeleted()).isEqualTo(deletedId);
            assertThat(find(sf, DELETED, deletedId).getAddress()).isEqualTo("198.51.100.11");
            assertThat(find(sf, DELETED, ips.get(1).getId())).isNull();
            assertThat(db.sql().count(SqlKind.SELECT)).as("every read went to the database").isEqualTo(7);
        }
        assertThat(sf.getCache().containsEntity(FloatingIp.class, deletedId)).isFalse();
        assertThat(stats.getSecondLevelCachePutCount()).isZero();

        // entities without criteria, loaded by a baked query on the same SessionFactory, are cached as usual
        FixedIp fixed = new FixedIp();
        fixed.setAddress("10.0.0.11");
        sf.inTransaction(s -> s.persist(fixed));
        sf.getCache().evictAllRegions();
        try (Session s = open(sf, LIVE)) {
            assertThat(BAKERY.hql(FixedIp.class, () -> "from FixedIp where address = :address")
                    .on(s).param("address", "10.0.0.11").single().getId()).isEqualTo(fixed.getId());
        }
        assertThat(sf.getCache().containsEntity(FixedIp.class, fixed.getId())).isTrue();
        db.sql().reset();
        try (Session s = open(sf, LIVE)) {
            assertThat(s.find(FixedIp.class, fixed.getId()).getAddress()).isEqualTo("10.0.0.11");
        }
        assertThat(db.sql().statements()).isZero();
    }

    @DatabaseTest
    void softDeleteAndBulkSoftDeleteInvalidateCachedQueries(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        List<FloatingIp> ips = insert(sf, "sd-query", "198.51.100.21", "198.51.100.22", "198.51.100.23");
        Statistics stats = sf.getStatistics();

        assertThat(cached(sf, LIVE, "sd-query")).containsExactly("198.51.100.21", "198.51.100.22", "198.51.100.23");
        long hits = stats.getQueryCacheHitCount();
        db.sql().reset();
        assertThat(cached(sf, LIVE, "sd-query")).containsExactly("198.51.100.21", "198.51.100.22", "198.51.100.23");
        assertThat(db.sql().statements()).isZero();
        assertThat(stats.getQueryCacheHitCount()).isEqualTo(hits + 1);
        assertThat(cached(sf, DELETED, "sd-query")).as("another shape, another cache entry").isEmpty();
        assertThat(cached(sf, DELETED, "sd-query")).isEmpty();

        try (Session s = open(sf, LIVE)) {                     // one entity, written by the flush
            s.getTransaction().begin();
            assertThat(SoftDelete.softDelete(s, s.find(FloatingIp.class, ips.get(0).getId()))).isTrue();
            s.getTransaction().commit();
        }
        db.sql().reset();
        assertThat(cached(sf, LIVE, "sd-query")).containsExactly("198.51.100.22", "198.51.100.23");
        assertThat(cached(sf, DELETED, "sd-query")).containsExactly("198.51.100.21");
        assertThat(db.sql().count(SqlKind.SELECT)).as("both shapes ran again").isEqualTo(2);

        try (Session s = open(sf, LIVE)) {                     // bulk: one HQL update
            s.getTransaction().begin();
            assertThat(SoftDelete.bulk(s, FloatingIp.class).where("pool = :pool").setParameter("pool", "sd-query")
                    .softDelete()).isEqualTo(2);
            s.getTransaction().commit();
        }
        db.sql().reset();
        assertThat(cached(sf, LIVE, "sd-query")).isEmpty();
        assertThat(cached(sf, DELETED, "sd-query")).containsExactly("198.51.100.21", "198.51.100.22", "198.51.100.23");
        assertThat(db.sql().count(SqlKind.SELECT)).isEqualTo(2);

        try (Session s = open(sf, ALL)) {
            s.getTransaction().begin();
            assertThat(SoftDelete.bulk(s, FloatingIp.class).where("address = :a").setParameter("a", "198.51.100.23")
                    .restore()).isEqualTo(1);
            s.getTransaction().commit();
        }
        assertThat(cached(sf, LIVE, "sd-query")).containsExactly("198.51.100.23");
        assertThat(baked(sf, LIVE, "sd-query")).containsExactly("198.51.100.23");
    }

    @DatabaseTest
    void aCacheableQueryWhoseSqlCarriesContextValuesIsRefused(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        insert(sf, "sd-scoped", "198.51.100.31");
        assertThatThrownBy(() -> cached(sf, CriteriaContext.project("p"), "sd-scoped"))
                .hasStackTraceContaining("the query result cache cannot be used for queries on FloatingIp");
        assertThat(baked(sf, CriteriaContext.project("p"), "sd-scoped")).containsExactly("198.51.100.31");
        assertThat(baked(sf, CriteriaContext.project("q"), "sd-scoped")).isEmpty();
    }
}

package dev.kiln.integration;

import dev.kiln.bakedquery.Bakery;
import dev.kiln.bulksave.BulkSave;
import dev.kiln.bulksave.FastSave;
import dev.kiln.bundles.Bundles;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate's second-level (entity) cache and query result cache next to Kiln (issue 7, "Interplay"): baked queries
 * load entities into the entity cache as plain queries do; a cacheable HQL query keeps working next to baked queries
 * and is invalidated by every Kiln writer (FastSave, BulkSave on a Session and a StatelessSession), whose written
 * entities are then never served stale from the entity cache; bundles (read-only, outside the persistence context)
 * never put anything into the entity cache. Asserted with Hibernate's statistics and the SQL actually sent.
 * Soft delete's side (criteria entities cannot be cached) is {@link SoftDeleteCacheInterplayTest}.
 */
class CacheInterplayTest {
    private static final Bakery BAKERY = Bakery.create();
    private static final String POOL_QUERY = "from FloatingIp where pool = :pool order by address";

    static SessionFactory sessionFactory(TestDatabase db) {
        return db.shared("cache-interplay", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .settings(CacheSettings.allEntitiesCached(d)).build());
    }

    private static FloatingIp ip(String address, String pool, String host) {
        FloatingIp ip = new FloatingIp();
        ip.setAddress(address);
        ip.setPool(pool);
        ip.setHost(host);
        ip.setProjectId("p");
        return ip;
    }

    /** Persists the addresses (in {@code pool}, host "h0") in one plain transaction; returns the entities (detached). */
    private static List<FloatingIp> insert(SessionFactory sf, String pool, String... addresses) {
        List<FloatingIp> ips = new ArrayList<>();
        sf.inTransaction(s -> {
            for (String a : addresses) {
                FloatingIp ip = ip(a, pool, "h0");
                s.persist(ip);
                ips.add(ip);
            }
        });
        return ips;
    }

    /** {@link #insert}, then runs the cacheable query once so that its result is cached (asserting the rows). */
    private static List<FloatingIp> insertAndCacheQuery(SessionFactory sf, String pool, String... addresses) {
        List<FloatingIp> ips = insert(sf, pool, addresses);
        assertThat(cachedQuery(sf, pool)).isEqualTo(ips.stream().map(ip -> ip.getAddress() + "/h0").toList());
        return ips;
    }

    private static List<String> bakedAddresses(Session s, String pool) {
        return BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where pool = :pool order by address")
                .on(s).param("pool", pool).list().stream().map(FloatingIp::getAddress).toList();
    }

    /** The plain cacheable HQL query of these tests, in a new session: "address/host" of the pool's rows. */
    private static List<String> cachedQuery(SessionFactory sf, String pool) {
        try (Session s = sf.openSession()) {
            return rows(s.createSelectionQuery(POOL_QUERY, FloatingIp.class).setParameter("pool", pool)
                    .setCacheable(true).list());
        }
    }

    /** The same rows read from the database, bypassing both caches. */
    private static List<String> databaseRows(SessionFactory sf, String pool) {
        try (Session s = sf.openSession()) {
            s.setCacheMode(CacheMode.IGNORE);
            return rows(s.createSelectionQuery(POOL_QUERY, FloatingIp.class).setParameter("pool", pool).list());
        }
    }

    private static List<String> rows(List<FloatingIp> ips) {
        return ips.stream().map(ip -> ip.getAddress() + "/" + ip.getHost()).toList();
    }

    private static String found(SessionFactory sf, Long id) {
        try (Session s = sf.openSession()) {
            FloatingIp ip = s.find(FloatingIp.class, id);
            return ip == null ? null : ip.getAddress() + "/" + ip.getPool() + "/" + ip.getHost();
        }
    }

    private static String databaseRow(SessionFactory sf, Long id) {
        try (Session s = sf.openSession()) {
            s.setCacheMode(CacheMode.IGNORE);
            FloatingIp ip = s.find(FloatingIp.class, id);
            return ip == null ? null : ip.getAddress() + "/" + ip.getPool() + "/" + ip.getHost();
        }
    }

    /** The cacheable query is answered from the query cache: no SQL, one query cache hit. */
    private static void assertServedFromQueryCache(SessionFactory sf, SqlCounter sql, String pool, List<String> expected) {
        Statistics stats = sf.getStatistics();
        long hits = stats.getQueryCacheHitCount();
        sql.reset();
        assertThat(cachedQuery(sf, pool)).isEqualTo(expected);
        assertThat(sql.statements()).as("SQL of a query cache hit: %s", sql.executed()).isZero();
        assertThat(stats.getQueryCacheHitCount()).isEqualTo(hits + 1);
    }

    /** After a write: the cacheable query misses, runs its SQL, and returns what the database holds. */
    private static void assertRequeried(SessionFactory sf, SqlCounter sql, String pool, List<String> expected) {
        Statistics stats = sf.getStatistics();
        long hits = stats.getQueryCacheHitCount();
        sql.reset();
        List<String> cached = cachedQuery(sf, pool);
        assertThat(sql.count(SqlKind.SELECT)).as("the query ran again after the write").isEqualTo(1);
        assertThat(stats.getQueryCacheHitCount()).isEqualTo(hits);
        assertThat(cached).isEqualTo(expected).isEqualTo(databaseRows(sf, pool));
        assertServedFromQueryCache(sf, sql, pool, expected);
    }

    @DatabaseTest
    void entitiesLoadedByABakedQueryAreServedFromTheSecondLevelCache(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        List<FloatingIp> ips = insert(sf, "l2-baked", "192.0.2.1", "192.0.2.2", "192.0.2.3");
        sf.getCache().evictAllRegions();
        Statistics stats = sf.getStatistics();
        stats.clear();

        try (Session s = sf.openSession()) {        // the direct path (JdbcSelect executed by Kiln)
            assertThat(bakedAddresses(s, "l2-baked")).containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
        }
        assertThat(stats.getSecondLevelCachePutCount()).isEqualTo(3);
        for (FloatingIp ip : ips) {
            assertThat(sf.getCache().containsEntity(FloatingIp.class, ip.getId())).isTrue();
        }

        db.sql().reset();
        try (Session s = sf.openSession()) {
            for (FloatingIp ip : ips) {
                assertThat(s.find(FloatingIp.class, ip.getId()).getAddress()).isEqualTo(ip.getAddress());
            }
        }
        assertThat(db.sql().statements()).as("find() after a baked query: %s", db.sql().executed()).isZero();
        assertThat(stats.getSecondLevelCacheHitCount()).isEqualTo(3);

        // the plan path (an `in :list` parameter makes Hibernate's own query plan run the baked tree)
        sf.getCache().evictEntityData(FloatingIp.class);
        stats.clear();
        try (Session s = sf.openSession()) {
            List<FloatingIp> found = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where id in :ids order by id")
                    .on(s).param("ids", ips.stream().map(FloatingIp::getId).toList()).list();
            assertThat(found).hasSize(3);
        }
        assertThat(stats.getSecondLevelCachePutCount()).isEqualTo(3);
        db.sql().reset();
        assertThat(found(sf, ips.get(1).getId())).isEqualTo("192.0.2.2/l2-baked/h0");
        assertThat(db.sql().statements()).isZero();
    }

    @DatabaseTest
    void aCacheableHqlQueryKeepsWorkingNextToBakedQueries(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        insert(sf, "qc-baked", "192.0.2.11", "192.0.2.12");
        sf.getCache().evictAllRegions();
        SqlCounter sql = db.sql();
        List<String> expected = List.of("192.0.2.11/h0", "192.0.2.12/h0");

        sql.reset();
        assertThat(cachedQuery(sf, "qc-baked")).isEqualTo(expected);
        assertThat(sql.count(SqlKind.SELECT)).isEqualTo(1);
        assertThat(sf.getStatistics().getQueryCachePutCount()).isPositive();
        assertServedFromQueryCache(sf, sql, "qc-baked", expected);
        for (int i = 0; i < 3; i++) {                       // baked queries of the same rows always query
            sql.reset();
            try (Session s = sf.openSession()) {
                assertThat(bakedAddresses(s, "qc-baked")).containsExactly("192.0.2.11", "192.0.2.12");
            }
            assertThat(sql.count(SqlKind.SELECT)).isEqualTo(1);
            assertServedFromQueryCache(sf, sql, "qc-baked", expected);
        }
    }

    @DatabaseTest
    void fastSaveInvalidatesTheQueryCacheAndUpdatesTheEntityCache(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        List<FloatingIp> ips = insertAndCacheQuery(sf, "qc-fast", "192.0.2.21", "192.0.2.22");
        SqlCounter sql = db.sql();

        // insert
        sf.inTransaction(s -> FastSave.save(s, ip("192.0.2.23", "qc-fast", "h0")));
        assertRequeried(sf, sql, "qc-fast", List.of("192.0.2.21/h0", "192.0.2.22/h0", "192.0.2.23/h0"));

        // update of a managed entity, loaded by a baked query (so it is in the entity cache)
        Long id = ips.get(0).getId();
        sf.inTransaction(s -> {
            FloatingIp ip = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where id = :id")
                    .on(s).param("id", id).single();
            ip.setHost("h1");
            assertThat(FastSave.save(s, ip)).isTrue();
        });
        assertRequeried(sf, sql, "qc-fast", List.of("192.0.2.21/h1", "192.0.2.22/h0", "192.0.2.23/h0"));
        sql.reset();
        assertThat(found(sf, id)).isEqualTo("192.0.2.21/qc-fast/h1");
        assertThat(sql.statements()).as("FastSave wrote the new state into the entity cache").isZero();
        assertThat(databaseRow(sf, id)).isEqualTo("192.0.2.21/qc-fast/h1");
    }

    @DatabaseTest
    void bulkSaveOnASessionInvalidatesTheQueryCacheAndTheEntityCache(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        List<FloatingIp> ips = insertAndCacheQuery(sf, "qc-bulk", "192.0.2.31", "192.0.2.32");
        SqlCounter sql = db.sql();

        sf.inTransaction(s -> BulkSave.insert(s, List.of(ip("192.0.2.33", "qc-bulk", "h0"),
                ip("192.0.2.34", "qc-bulk", "h0"))));
        assertRequeried(sf, sql, "qc-bulk",
                List.of("192.0.2.31/h0", "192.0.2.32/h0", "192.0.2.33/h0", "192.0.2.34/h0"));

        // managed entities, loaded (and so cached) by a baked query, updated by BulkSave
        Long id = ips.get(0).getId();
        assertThat(found(sf, id)).isEqualTo("192.0.2.31/qc-bulk/h0");
        assertThat(sf.getCache().containsEntity(FloatingIp.class, id)).isTrue();
        sf.inTransaction(s -> {
            List<FloatingIp> managed = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where pool = :pool")
                    .on(s).param("pool", "qc-bulk").list();
            managed.forEach(ip -> ip.setHost("h2"));
            assertThat(BulkSave.update(s, managed)).isEqualTo(4);
        });
        assertRequeried(sf, sql, "qc-bulk",
                List.of("192.0.2.31/h2", "192.0.2.32/h2", "192.0.2.33/h2", "192.0.2.34/h2"));
        assertThat(found(sf, id)).isEqualTo("192.0.2.31/qc-bulk/h2").isEqualTo(databaseRow(sf, id));

        // detached objects (not in the session, but in the entity cache)
        assertThat(sf.getCache().containsEntity(FloatingIp.class, id)).isTrue();
        ips.get(0).setHost("h3");
        ips.get(0).setPool("qc-bulk-moved");
        sf.inTransaction(s -> assertThat(BulkSave.update(s, List.of(ips.get(0)))).isEqualTo(1));
        assertRequeried(sf, sql, "qc-bulk", List.of("192.0.2.32/h2", "192.0.2.33/h2", "192.0.2.34/h2"));
        assertThat(found(sf, id)).isEqualTo("192.0.2.31/qc-bulk-moved/h3").isEqualTo(databaseRow(sf, id));
    }

    @DatabaseTest
    void bulkSaveOnAStatelessSessionInvalidatesTheQueryCacheAndTheEntityCache(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        List<FloatingIp> ips = insertAndCacheQuery(sf, "qc-stateless", "192.0.2.41");
        SqlCounter sql = db.sql();
        Long id = ips.get(0).getId();
        assertThat(found(sf, id)).isEqualTo("192.0.2.41/qc-stateless/h0");

        sf.inStatelessTransaction(s -> BulkSave.insert(s, List.of(ip("192.0.2.42", "qc-stateless", "h0"))));
        assertRequeried(sf, sql, "qc-stateless", List.of("192.0.2.41/h0", "192.0.2.42/h0"));

        assertThat(sf.getCache().containsEntity(FloatingIp.class, id)).isTrue();
        ips.get(0).setHost("h4");
        sf.inStatelessTransaction(s -> assertThat(BulkSave.update(s, List.of(ips.get(0)))).isEqualTo(1));
        assertRequeried(sf, sql, "qc-stateless", List.of("192.0.2.41/h4", "192.0.2.42/h0"));
        assertThat(found(sf, id)).isEqualTo("192.0.2.41/qc-stateless/h4").isEqualTo(databaseRow(sf, id));
    }

    @DatabaseTest
    void aWriteThatRollsBackLeavesTheCachesRight(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        List<FloatingIp> ips = insertAndCacheQuery(sf, "qc-rollback", "192.0.2.51");
        Long id = ips.get(0).getId();
        assertThat(found(sf, id)).isEqualTo("192.0.2.51/qc-rollback/h0");
        try (Session s = sf.openSession()) {
            s.getTransaction().begin();
            BulkSave.insert(s, List.of(ip("192.0.2.52", "qc-rollback", "h0")));
            ips.get(0).setHost("h5");
            BulkSave.update(s, List.of(ips.get(0)));
            s.getTransaction().rollback();
        }
        assertThat(cachedQuery(sf, "qc-rollback")).containsExactly("192.0.2.51/h0")
                .isEqualTo(databaseRows(sf, "qc-rollback"));
        assertThat(found(sf, id)).isEqualTo("192.0.2.51/qc-rollback/h0").isEqualTo(databaseRow(sf, id));
    }

    @DatabaseTest
    void bundleReadsDoNotPutAnythingIntoTheEntityCache(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        List<FloatingIp> ips = insert(sf, "l2-bundles", "192.0.2.61", "192.0.2.62");
        sf.getCache().evictAllRegions();
        Statistics stats = sf.getStatistics();
        stats.clear();

        try (Session s = sf.openSession()) {
            List<FloatingIp> whole = Bundles.query(s, FloatingIp.class).where("e.pool = :pool")
                    .parameter("pool", "l2-bundles").orderBy("e.address").list();
            List<FloatingIp> slim = Bundles.query(s, FloatingIp.class).select(FloatingIp::getAddress)
                    .where("e.pool = :pool").parameter("pool", "l2-bundles").orderBy("e.address").list();
            assertThat(whole).extracting(FloatingIp::getHost).containsExactly("h0", "h0");
            assertThat(slim).extracting(FloatingIp::getAddress).containsExactly("192.0.2.61", "192.0.2.62");
            assertThat(slim).allMatch(Bundles::isBundle);
        }
        assertThat(stats.getSecondLevelCachePutCount()).isZero();
        for (FloatingIp ip : ips) {
            assertThat(sf.getCache().containsEntity(FloatingIp.class, ip.getId())).isFalse();
        }

        // entities already cached are neither replaced nor changed by a (partial) bundle read
        Long id = ips.get(0).getId();
        assertThat(found(sf, id)).isEqualTo("192.0.2.61/l2-bundles/h0");
        long puts = stats.getSecondLevelCachePutCount();
        try (Session s = sf.openSession()) {
            FloatingIp slim = Bundles.query(s, FloatingIp.class).select(FloatingIp::getAddress)
                    .where("e.id = :id").parameter("id", id).single();
            assertThat(Bundles.isLoaded(slim, "host")).isFalse();
        }
        assertThat(stats.getSecondLevelCachePutCount()).isEqualTo(puts);
        db.sql().reset();
        try (Session s = sf.openSession()) {
            FloatingIp ip = s.find(FloatingIp.class, id);
            assertThat(Bundles.isBundle(ip)).isFalse();
            assertThat(ip.getHost()).isEqualTo("h0");
            assertThat(ip.getPool()).isEqualTo("l2-bundles");
        }
        assertThat(db.sql().statements()).isZero();
    }
}

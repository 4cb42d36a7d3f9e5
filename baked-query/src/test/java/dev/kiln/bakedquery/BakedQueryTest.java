package dev.kiln.bakedquery;

import dev.kiln.bakedquery.testing.NovaData;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.Tuple;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API on the three backends: HQL and criteria sources, composition, entity / scalar / tuple results with the
 * semantics of the equivalent Hibernate query, and that the lambdas run once per chain of call sites.
 */
class BakedQueryTest {
    private static final Bakery BAKERY = Bakery.create();

    static BakedQuery<FloatingIp> byAddressQuery() {
        return BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :address");
    }

    static FloatingIp byAddress(Session session, String address) {
        return byAddressQuery().on(session).param("address", address).single();
    }

    static FloatingIp byAddressCriteria(Session session, String address) {
        return BAKERY.criteria(cb -> {
                    JpaCriteriaQuery<FloatingIp> q = cb.createQuery(FloatingIp.class);
                    JpaRoot<FloatingIp> f = q.from(FloatingIp.class);
                    return q.where(cb.equal(f.get("address"), cb.parameter(String.class, "address")));
                })
                .on(session).param("address", address).single();
    }

    @DatabaseTest
    void hqlReturnsTheRowOfEachCallsParameterAndBuildsOnce(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            long bakesBefore = BAKERY.bakes();
            for (long id = 1; id <= 20; id++) {
                FloatingIp ip = byAddress(session, nova.address(id));
                assertThat(ip.getId()).isEqualTo(id);
                assertThat(ip.getAddress()).isEqualTo(nova.address(id));
            }
            assertThat(BAKERY.bakes() - bakesBefore).isLessThanOrEqualTo(1);
            long direct = byAddressQuery().on(session)
                    .read((s, statement, params) -> List.of(((dev.kiln.bakedquery.internal.Statement) statement).directCalls()))
                    .get(0);
            assertThat(direct).as("later calls bind and execute the cached JDBC select directly").isGreaterThanOrEqualTo(19);
        }
    }

    @DatabaseTest
    void criteriaReturnsTheRowOfEachCallsParameter(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            for (long id = 30; id <= 40; id++) {
                assertThat(byAddressCriteria(session, nova.address(id)).getId()).isEqualTo(id);
            }
        }
    }

    @DatabaseTest
    void entitiesAreManagedWithIdentityMapAndLazyLoading(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            FloatingIp found = session.find(FloatingIp.class, 5L);
            FloatingIp baked = byAddress(session, nova.address(5));
            assertThat(baked).isSameAs(found);
            FloatingIp other = byAddress(session, nova.address(6));
            assertThat(session.contains(other)).isTrue();
            FixedIp fixed = other.getFixedIp();
            assertThat(Hibernate.isInitialized(fixed)).isFalse();
            assertThat(fixed.getAddress()).startsWith("10.");          // lazy load through the session
            assertThat(Hibernate.isInitialized(fixed)).isTrue();
        }
    }

    @DatabaseTest
    void pendingChangesAreFlushedBeforeTheQuery(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            session.getTransaction().begin();
            FloatingIp ip = session.find(FloatingIp.class, 7L);
            ip.setHost("moved-by-baked-test");
            List<FloatingIp> onHost = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where host = :host")
                    .on(session).param("host", "moved-by-baked-test").list();
            assertThat(onHost).containsExactly(ip);
            session.getTransaction().rollback();
        }
    }

    @DatabaseTest
    void scalarsTuplesArraysAndRecords(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            String address = BAKERY.hql(String.class, () -> "select address from FloatingIp where id = :id")
                    .on(session).param("id", 3L).single();
            assertThat(address).isEqualTo(nova.address(3));

            Long count = BAKERY.hql(Long.class, () -> "select count(*) from FloatingIp").on(session).single();
            assertThat(count).isEqualTo(NovaData.FLOATING_IPS);

            Object[] row = BAKERY.hql(Object[].class, () -> "select f.id, f.address from FloatingIp f where f.id = ?1")
                    .on(session).param(1, 4L).single();
            assertThat(row).containsExactly(4L, nova.address(4));

            Tuple tuple = BAKERY.hql(Tuple.class, () -> "select f.id as id, f.address as address from FloatingIp f where f.id = :id")
                    .on(session).param("id", 8L).single();
            assertThat(tuple.get("address", String.class)).isEqualTo(nova.address(8));

            Tuple fromCriteria = BAKERY.criteria(cb -> {
                        JpaCriteriaQuery<Tuple> q = cb.createTupleQuery();
                        JpaRoot<FloatingIp> f = q.from(FloatingIp.class);
                        q.multiselect(f.get("id").alias("id"), f.get("projectId").alias("project"));
                        return q.where(cb.equal(f.get("id"), cb.parameter(Long.class, "id")));
                    })
                    .on(session).param("id", 9L).single();
            assertThat(fromCriteria.get("id", Long.class)).isEqualTo(9L);
            assertThat(fromCriteria.get("project", String.class)).isEqualTo(nova.data().floatingProjects().get(8));

            AddressOf rec = BAKERY.hql(AddressOf.class, () -> "select f.id, f.address from FloatingIp f where f.id = :id")
                    .on(session).param("id", 10L).single();
            assertThat(rec).isEqualTo(new AddressOf(10L, nova.address(10)));
        }
    }

    record AddressOf(Long id, String address) {
    }

    @DatabaseTest
    void compositionKeysOnTheChainOfCallSites(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        String project = nova.data().floatingProjects().get(0);
        try (Session session = nova.sessionFactory().openSession()) {
            for (boolean projectOnly : new boolean[] {false, true, false, true}) {
                BakedQuery<FloatingIp> q = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp f where f.pool = :pool");
                if (projectOnly) {
                    q = q.and((cb, f) -> cb.equal(f.get("projectId"), cb.parameter(String.class, "project")));
                }
                q = q.then((cb, query) -> query.orderBy(cb.asc(query.getRoots().iterator().next().get("id"))));
                BakedCall<FloatingIp> call = q.on(session).param("pool", "fake_pool");
                if (projectOnly) {
                    call.param("project", project);
                }
                List<Long> ids = call.list().stream().map(FloatingIp::getId).toList();
                List<Long> expected = LongStream.rangeClosed(1, NovaData.FLOATING_IPS)
                        .filter(id -> !projectOnly || nova.data().floatingProjects().get((int) id - 1).equals(project))
                        .boxed().toList();
                assertThat(ids).isEqualTo(expected);
            }
        }
    }

    @DatabaseTest
    void differentChainsAreDifferentEntries(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        Bakery bakery = Bakery.create();
        try (Session session = nova.sessionFactory().openSession()) {
            for (int i = 0; i < 3; i++) {
                for (boolean narrow : new boolean[] {false, true}) {
                    BakedQuery<Long> q = bakery.hql(Long.class, () -> "select count(*) from FloatingIp f where f.id <= :max");
                    if (narrow) {
                        q = q.and((cb, f) -> cb.lessThanOrEqualTo(f.get("id"), 5L));
                    }
                    assertThat(q.on(session).param("max", 10L).single()).isEqualTo(narrow ? 5L : 10L);
                }
            }
        }
        assertThat(bakery.bakes()).isEqualTo(2);
        assertThat(bakery.size()).isEqualTo(2);
        assertThat(bakery.stats().missCount()).isEqualTo(2);
        assertThat(bakery.stats().hitCount()).isEqualTo(4);
    }

    @DatabaseTest
    void listParametersPagingAndSingleResultErrors(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            for (List<Long> ids : List.of(List.of(1L, 2L, 3L), List.of(4L), List.of(5L, 6L))) {
                List<Long> found = BAKERY.hql(Long.class, () -> "select f.id from FloatingIp f where f.id in :ids order by f.id")
                        .on(session).param("ids", ids).list();
                assertThat(found).isEqualTo(ids);
            }
            List<Long> page = BAKERY.hql(Long.class, () -> "select f.id from FloatingIp f order by f.id")
                    .on(session).firstResult(10).maxResults(5).list();
            assertThat(page).containsExactly(11L, 12L, 13L, 14L, 15L);
            List<Long> all = BAKERY.hql(Long.class, () -> "select f.id from FloatingIp f order by f.id")
                    .on(session).list();
            assertThat(all).hasSize(NovaData.FLOATING_IPS);

            assertThatThrownBy(() -> byAddress(session, "192.0.2.254.nowhere")).isInstanceOf(NoResultException.class);
            assertThat(BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :a").on(session)
                    .param("a", "nowhere").singleOrNull()).isNull();
            assertThatThrownBy(() -> BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where pool = :p")
                    .on(session).param("p", "fake_pool").single()).isInstanceOf(NonUniqueResultException.class);
        }
    }

    @DatabaseTest
    void unknownOrMissingParametersAreRefusedByName(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            assertThatThrownBy(() -> BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
                    .on(session).param("adress", "x").list())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adress");
            assertThatThrownBy(() -> BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where host = :host")
                    .on(session).list())
                    .hasMessageContaining("host");
        }
    }

    @DatabaseTest
    void statelessSessionsAndJpaBootstrapWork(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (StatelessSession session = nova.sessionFactory().openStatelessSession()) {
            FloatingIp ip = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where id = :id")
                    .on(session).param("id", 12L).single();
            assertThat(ip.getAddress()).isEqualTo(nova.address(12));
        }
        NovaData jpa = NovaData.of(db, HibernateBootstrap.Mode.JPA);
        var em = jpa.sessionFactory().createEntityManager();
        try {
            for (long id = 13; id <= 15; id++) {
                assertThat(byAddressCriteria(em.unwrap(Session.class), jpa.address(id)).getId()).isEqualTo(id);
                FloatingIp viaEm = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where id = :id")
                        .on(em.unwrap(Session.class)).param("id", id).single();
                assertThat(em.contains(viaEm)).isTrue();
            }
        } finally {
            em.close();
        }
    }

    @DatabaseTest
    void fetchJoinsOfCollectionsAreDistinctAsInHibernate(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            List<Long> plain = session.createSelectionQuery(
                    "select distinct f.fixedIp.id from FloatingIp f where f.id <= 30", Long.class).list();
            List<FixedIp> baked = BAKERY.hql(FixedIp.class,
                            () -> "select distinct x from FixedIp x join fetch x.floatingIps where x.id in (select f.fixedIp.id from FloatingIp f where f.id <= 30)")
                    .on(session).list();
            assertThat(baked.stream().map(FixedIp::getId).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(plain);
            assertThat(baked).doesNotHaveDuplicates();
        }
    }

    @DatabaseTest
    void subselectFetchingInitializesTheCollectionsOfAllLoadedEntitiesAsForAPlainQuery(TestDatabase db) {
        NovaData.of(db);
        org.hibernate.SessionFactory sf = db.shared("subselect", d -> d.hibernate()
                .entities(dev.kiln.fixtures.nova.NovaModel.ENTITIES).schema(HibernateBootstrap.Schema.NONE)
                .setting(org.hibernate.cfg.AvailableSettings.USE_SUBSELECT_FETCH, true).build());
        for (boolean baked : new boolean[] {true, false, true}) {
            try (Session session = sf.openSession()) {
                List<FixedIp> fixed = baked
                        ? BAKERY.hql(FixedIp.class, () -> "from FixedIp x where x.id <= :max order by x.id")
                                .on(session).param("max", 5L).list()
                        : session.createSelectionQuery("from FixedIp x where x.id <= :max order by x.id", FixedIp.class)
                                .setParameter("max", 5L).list();
                assertThat(fixed).hasSize(5);
                db.sql().reset();
                int total = fixed.get(0).getFloatingIps().size();              // one query for all five
                for (FixedIp f : fixed) {
                    total += Hibernate.isInitialized(f.getFloatingIps()) ? 0 : 1000;
                }
                assertThat(db.sql().statements()).as("baked=%s", baked).isEqualTo(1);
                assertThat(total).isLessThan(1000);
            }
        }
    }
}

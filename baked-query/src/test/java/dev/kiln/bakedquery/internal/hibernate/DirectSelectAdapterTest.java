package dev.kiln.bakedquery.internal.hibernate;

import dev.kiln.bakedquery.internal.hibernate.DirectSelectAdapter.Direct;
import dev.kiln.bakedquery.internal.hibernate.SelectPlanAdapter.Prototype;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.stat.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins what {@link DirectSelectAdapter} relies on: Hibernate's protected helpers (translation, row transformer,
 * execution context), that it is used only where equivalent, and that its results are the plan's (managed entities,
 * statistics, auto-flush).
 */
class DirectSelectAdapterTest {
    private static Prototype prototype(org.hibernate.Session session, String hql, Class<?> type) {
        return SelectPlanAdapter.prototype(session.createSelectionQuery(hql, type));
    }

    private static QueryParameterBindings bound(Prototype p, SharedSessionContractImplementor s, String name, Object value) {
        QueryParameterBindings b = SelectPlanAdapter.bindings(p, s);
        SelectPlanAdapter.bind(b, name, value);
        return b;
    }

    @DatabaseTest
    void aSimpleLookupRunsDirectlyWithTheSameResultsAsThePlan(TestDatabase db) {
        SessionFactory sf = SelectPlanAdapterTest.withStatistics(db);
        Statistics stats = sf.getStatistics();
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            Prototype p = prototype(session, "from FloatingIp where address = :address", FloatingIp.class);
            String address = session.find(FloatingIp.class, 3L).getAddress();
            Direct d = DirectSelectAdapter.build(p, s, bound(p, s, "address", address));
            assertThat(d).isNotNull();
            assertThat(d.names()).containsExactly("address");
            long executions = stats.getQueryExecutionCount();
            for (long id = 1; id <= 4; id++) {
                String a = session.find(FloatingIp.class, id).getAddress();
                Object[] values = d.newValues();
                values[d.indexOf("address")] = a;
                assertThat(d.accepts(values)).isTrue();
                List<FloatingIp> rows = DirectSelectAdapter.list(d, s, values);
                assertThat(rows).containsExactly(session.find(FloatingIp.class, id));   // the managed instance
            }
            assertThat(stats.getQueryExecutionCount()).isEqualTo(executions + 4);
            Object[] wrongType = d.newValues();
            wrongType[0] = 42;
            assertThat(d.accepts(wrongType)).as("a value of another Java type goes through Hibernate's coercion").isFalse();
            assertThat(d.accepts(d.newValues())).as("unbound").isFalse();
        }
    }

    @DatabaseTest
    void aCriteriaQueryIsCountedUnderTheIdentifierHibernateGivesIt(TestDatabase db) {
        SessionFactory sf = SelectPlanAdapterTest.withStatistics(db);
        Statistics stats = sf.getStatistics();
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            var cb = session.getCriteriaBuilder();
            var query = cb.createQuery(FloatingIp.class);
            var f = query.from(FloatingIp.class);
            query.where(cb.equal(f.get("address"), cb.parameter(String.class, "address")));
            String address = session.find(FloatingIp.class, 2L).getAddress();
            stats.clear();
            session.createSelectionQuery(query).setParameter("address", address).list();    // Hibernate's own run
            assertThat(stats.getQueries()).hasSize(1);
            String identifier = stats.getQueries()[0];
            assertThat(identifier).startsWith("[CRITERIA] ");
            long executions = stats.getQueryStatistics(identifier).getExecutionCount();

            Prototype p = SelectPlanAdapter.prototype(session.createSelectionQuery(query));
            Direct d = DirectSelectAdapter.build(p, s, bound(p, s, "address", address));
            assertThat(d).isNotNull();
            for (int i = 0; i < 3; i++) {
                Object[] values = d.newValues();
                values[d.indexOf("address")] = address;
                assertThat(DirectSelectAdapter.<FloatingIp>list(d, s, values)).containsExactly(session.find(FloatingIp.class, 2L));
            }
            assertThat(stats.getQueries()).as("the direct runs count under the same query").containsExactly(identifier);
            assertThat(stats.getQueryStatistics(identifier).getExecutionCount()).isEqualTo(executions + 3);
        }
    }

    @DatabaseTest
    void notUsedWhereItWouldNotBeEquivalent(TestDatabase db) {
        SessionFactory sf = SelectPlanAdapterTest.withStatistics(db);
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            // an entity parameter compared by key binds one JDBC value, but the value is an entity: Hibernate's
            // disassembly (entity -> id) is needed, so the direct path refuses the call
            Prototype entityParam = prototype(session, "from FloatingIp where fixedIp = :fixed", FloatingIp.class);
            FixedIp fixed = session.getReference(FixedIp.class, 1L);
            Direct d = DirectSelectAdapter.build(entityParam, s, bound(entityParam, s, "fixed", fixed));
            if (d != null) {
                Object[] values = d.newValues();
                values[d.indexOf("fixed")] = fixed;
                assertThat(d.accepts(values)).isFalse();
            }
            Prototype list = prototype(session, "from FloatingIp where id in :ids", FloatingIp.class);
            assertThat(DirectSelectAdapter.build(list, s, bound(list, s, "ids", List.of(1L, 2L)))).isNull();
        }
    }

    @DatabaseTest
    void pendingChangesAreFlushedFirst(TestDatabase db) {
        SessionFactory sf = SelectPlanAdapterTest.withStatistics(db);
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            session.getTransaction().begin();
            Prototype p = prototype(session, "select f.id from FloatingIp f where f.host = :host", Long.class);
            Direct d = DirectSelectAdapter.build(p, s, bound(p, s, "host", "none"));
            assertThat(d).isNotNull();
            session.find(FloatingIp.class, 9L).setHost("direct-flush-test");
            Object[] values = d.newValues();
            values[0] = "direct-flush-test";
            assertThat(DirectSelectAdapter.<Long>list(d, s, values)).containsExactly(9L);
            session.getTransaction().rollback();
        }
    }

    @DatabaseTest
    void rowsAreDeDuplicatedExactlyAsHibernateDoes(TestDatabase db) {
        SessionFactory sf = SelectPlanAdapterTest.withStatistics(db);
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            String pool = session.find(FloatingIp.class, 1L).getPool();
            // entity rows repeated by a join: Hibernate keeps each entity once (first occurrence); more distinct
            // entities than the consumer scans, so that both of its de-duplication modes run
            assertSameAsHibernate(session, "select f from FloatingIp f join f.fixedIp x join x.floatingIps g "
                    + "where g.pool = :pool order by f.id", FloatingIp.class, pool, DirectSelectAdapter.DirectResultsConsumer.SCAN_LIMIT + 1);
            assertSameAsHibernate(session, "select x from FixedIp x join x.floatingIps f where f.pool = :pool "
                    + "order by x.id", FixedIp.class, pool, 2);
            // scalar rows are not de-duplicated
            assertSameAsHibernate(session, "select f.pool from FloatingIp f where f.pool = :pool", String.class, pool, 2);
            // no row
            assertSameAsHibernate(session, "from FloatingIp where pool = :pool", FloatingIp.class, "no-such-pool", 0);
        }
    }

    private static <T> void assertSameAsHibernate(org.hibernate.Session session, String hql, Class<T> type,
                                                  String pool, int atLeast) {
        SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
        List<T> expected = session.createSelectionQuery(hql, type).setParameter("pool", pool).list();
        assertThat(expected).as("test data for %s", hql).hasSizeGreaterThanOrEqualTo(atLeast);
        Prototype p = prototype(session, hql, type);
        Direct d = DirectSelectAdapter.build(p, s, bound(p, s, "pool", pool));
        assertThat(d).as(hql).isNotNull();
        assertThat(d.consumer()).isInstanceOf(DirectSelectAdapter.DirectResultsConsumer.class);
        for (int i = 0; i < 2; i++) {                       // the first call resolves the result type, later ones reuse it
            Object[] values = d.newValues();
            values[d.indexOf("pool")] = pool;
            List<T> rows = DirectSelectAdapter.list(d, s, values);
            assertThat(rows).as(hql).hasSameSizeAs(expected);
            for (int k = 0; k < rows.size(); k++) {
                if (type == String.class) {
                    assertThat(rows.get(k)).isEqualTo(expected.get(k));
                } else {
                    assertThat(rows.get(k)).as("the managed instance").isSameAs(expected.get(k));
                }
            }
        }
    }

    @DatabaseTest
    void oneOrSeveralJdbcParametersAreBoundAsHibernateBindsThem(TestDatabase db) {
        SessionFactory sf = SelectPlanAdapterTest.withStatistics(db);
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            FloatingIp ip = session.find(FloatingIp.class, 5L);
            String hql1 = "from FloatingIp where address = :address";
            String hql2 = "from FloatingIp where pool = :pool and address = :address";
            String hql3 = "from FloatingIp where address = :address or host = :address order by id";  // one, twice
            for (String hql : List.of(hql1, hql2, hql3)) {
                Prototype p = prototype(session, hql, FloatingIp.class);
                QueryParameterBindings first = bound(p, s, "address", ip.getAddress());
                if (hql == hql2) {
                    SelectPlanAdapter.bind(first, "pool", ip.getPool());
                }
                Direct d = DirectSelectAdapter.build(p, s, first);
                assertThat(d).as(hql).isNotNull();
                assertThat(d.jdbcParameters()).hasSize(hql == hql1 ? 1 : 2);
                Object[] values = d.newValues();
                values[d.indexOf("address")] = ip.getAddress();
                if (hql == hql2) {
                    values[d.indexOf("pool")] = ip.getPool();
                }
                assertThat(DirectSelectAdapter.<FloatingIp>list(d, s, values)).as(hql).containsExactly(ip);
                values[d.indexOf("address")] = "no-such-address";
                assertThat(DirectSelectAdapter.<FloatingIp>list(d, s, values)).as(hql).isEmpty();
            }
        }
    }

    @DatabaseTest
    void theBindingsOfOneJdbcParameterAnswerAsHibernatesDo(TestDatabase db) {
        SessionFactory sf = SelectPlanAdapterTest.withStatistics(db);
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            Prototype p = prototype(session, "from FloatingIp where address = :address", FloatingIp.class);
            Direct d = DirectSelectAdapter.build(p, s, bound(p, s, "address", "x"));
            var parameter = d.jdbcParameters()[0];
            var single = new DirectSelectAdapter.SingleBinding(parameter, d.mappings()[0], "203.0.113.7");
            assertThat(single.getBinding(parameter).getBindValue()).isEqualTo("203.0.113.7");
            assertThat(single.getBinding(parameter).getBindType()).isSameAs(d.mappings()[0]);
            assertThat(single.getBinding(new org.hibernate.sql.exec.internal.JdbcParameterImpl(d.mappings()[0])))
                    .isNull();
            assertThat(single.getBindings()).containsExactly(single);
            List<Object> visited = new java.util.ArrayList<>();
            single.visitBindings((jp, b) -> visited.add(List.of(jp, b.getBindValue())));
            assertThat(visited).containsExactly(List.of(parameter, "203.0.113.7"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> single.addBinding(parameter, single))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}

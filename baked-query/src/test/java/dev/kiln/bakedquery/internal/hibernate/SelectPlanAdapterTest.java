package dev.kiln.bakedquery.internal.hibernate;

import dev.kiln.bakedquery.internal.hibernate.SelectPlanAdapter.Prototype;
import dev.kiln.bakedquery.testing.NovaData;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.spi.SelectQueryPlan;
import org.hibernate.stat.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins what {@link SelectPlanAdapter} relies on in hibernate-core: the query classes it takes apart, that a plan built
 * over the prototype executes with the semantics of {@code list()} (rows, statistics, managed entities), and that it
 * does not consult Hibernate's query plan cache per call. A Hibernate upgrade that changes any of this fails here.
 */
class SelectPlanAdapterTest {
    static SessionFactory withStatistics(TestDatabase db) {
        NovaData.of(db);   // schema and data
        return db.shared("stats-sf", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .schema(dev.kiln.fixtures.HibernateBootstrap.Schema.NONE)
                .setting(AvailableSettings.GENERATE_STATISTICS, true).build());
    }

    @DatabaseTest
    void takesApartHqlAndCriteriaQueries(TestDatabase db) {
        SessionFactory sf = withStatistics(db);
        try (var session = sf.openSession()) {
            Prototype hql = SelectPlanAdapter.prototype(session.createSelectionQuery(
                    "from FloatingIp where address = :address and pool = :pool", FloatingIp.class));
            assertThat(hql.parameterNames()).containsExactlyInAnyOrder("address", "pool");
            assertThat(hql.resultType()).isEqualTo(FloatingIp.class);
            assertThat(hql.queryString()).contains("from FloatingIp");
            assertThat(hql.valueBindings()).isEmpty();

            HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
            JpaCriteriaQuery<FloatingIp> q = cb.createQuery(FloatingIp.class);
            JpaRoot<FloatingIp> f = q.from(FloatingIp.class);
            q.where(cb.equal(f.get("pool"), "fake_pool"), cb.equal(f.get("id"), cb.parameter(Long.class, "id")));
            Prototype criteria = SelectPlanAdapter.prototype(session.createSelectionQuery(q));
            assertThat(criteria.parameterNames()).contains("id");
            assertThat(criteria.valueBindings()).hasSize(1);
            assertThat(criteria.valueBindings().values().iterator().next().getValue()).isEqualTo("fake_pool");
        }
    }

    @DatabaseTest
    void refusesQueriesItDoesNotKnow(TestDatabase db) {
        SessionFactory sf = withStatistics(db);
        try (var session = sf.openSession()) {
            assertThatThrownBy(() -> SelectPlanAdapter.prototype(
                    session.createNativeQuery("select id from floating_ips", Long.class)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("SelectPlanAdapter");
        }
    }

    @DatabaseTest
    void aPlanExecutesLikeListWithoutThePlanCache(TestDatabase db) {
        SessionFactory sf = withStatistics(db);
        Statistics stats = sf.getStatistics();
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            Prototype p = SelectPlanAdapter.prototype(session.createSelectionQuery(
                    "from FloatingIp where id = :id", FloatingIp.class));
            SelectQueryPlan<?> plan = SelectPlanAdapter.plan(p, false);
            long hits = stats.getQueryPlanCacheHitCount();
            long misses = stats.getQueryPlanCacheMissCount();
            long executions = stats.getQueryExecutionCount();
            for (long id = 1; id <= 5; id++) {
                QueryParameterBindings bindings = SelectPlanAdapter.bindings(p, s);
                SelectPlanAdapter.bind(bindings, "id", id);
                List<FloatingIp> rows = SelectPlanAdapter.list(plan, p, s, bindings, p.options());
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).getId()).isEqualTo(id);
                assertThat(session.contains(rows.get(0))).isTrue();
            }
            assertThat(stats.getQueryPlanCacheHitCount()).isEqualTo(hits);
            assertThat(stats.getQueryPlanCacheMissCount()).isEqualTo(misses);
            assertThat(stats.getQueryExecutionCount()).isEqualTo(executions + 5);

            // the contrast: the same HQL through createSelectionQuery consults the plan cache on every call
            for (long id = 1; id <= 3; id++) {
                session.createSelectionQuery("from FloatingIp where id = :id", FloatingIp.class).setParameter("id", id).list();
            }
            assertThat(stats.getQueryPlanCacheHitCount() + stats.getQueryPlanCacheMissCount())
                    .isGreaterThanOrEqualTo(hits + misses + 3);
        }
    }

    @DatabaseTest
    void listParametersExpandOnAPlanWithItsOwnCrossReference(TestDatabase db) {
        SessionFactory sf = withStatistics(db);
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            Prototype p = SelectPlanAdapter.prototype(session.createSelectionQuery(
                    "select f.id from FloatingIp f where f.id in :ids order by f.id", Long.class));
            for (List<Long> ids : List.of(List.of(3L, 1L), List.of(7L, 8L, 9L))) {
                QueryParameterBindings bindings = SelectPlanAdapter.bindings(p, s);
                SelectPlanAdapter.bind(bindings, "ids", ids);
                assertThat(SelectPlanAdapter.hasMultiValuedBindings(bindings)).isTrue();
                List<Long> rows = SelectPlanAdapter.list(SelectPlanAdapter.plan(p, true), p, s, bindings, p.options());
                assertThat(rows).isEqualTo(ids.stream().sorted().toList());
            }
        }
    }

    @DatabaseTest({dev.kiln.fixtures.Backend.H2})
    void theExecutionContextIsItsOwnCallbackAndRunsRegisteredAfterLoadActions(TestDatabase db) {
        SessionFactory sf = withStatistics(db);
        try (var session = sf.openSession()) {
            SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
            Prototype p = SelectPlanAdapter.prototype(session.createSelectionQuery("from FloatingIp", FloatingIp.class));
            var context = new SelectPlanAdapter.Context(s, p.options(), QueryParameterBindings.NO_PARAM_BINDINGS,
                    FloatingIp.class);
            assertThat(context.getCallback()).isSameAs(context);
            assertThat(context.hasCallbackActions()).isFalse();
            FloatingIp entity = session.find(FloatingIp.class, 1L);
            var type = s.getFactory().getMappingMetamodel().getEntityDescriptor(FloatingIp.class);
            context.invokeAfterLoadActions(entity, type, s);                  // nothing registered: nothing to run
            List<Object> seen = new java.util.ArrayList<>();
            context.getCallback().registerAfterLoadAction((e, t, ss) -> seen.add(e));
            context.getCallback().registerAfterLoadAction((e, t, ss) -> seen.add(t));
            assertThat(context.hasCallbackActions()).isTrue();
            context.getCallback().invokeAfterLoadActions(entity, type, s);
            assertThat(seen).containsExactly(entity, type);
        }
    }
}

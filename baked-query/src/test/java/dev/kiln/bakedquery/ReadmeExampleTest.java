package dev.kiln.bakedquery;

import dev.kiln.bakedquery.testing.NovaData;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of the module README, verbatim in {@link #byAddress} and {@link #inPool}. */
class ReadmeExampleTest {
    static final Bakery BAKERY = Bakery.create();                 // bounded (1,000 chains), thread-safe, with stats

    static FloatingIp byAddress(Session session, String address) {
        return BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
                .on(session).param("address", address).single();
    }

    static List<FloatingIp> inPool(Session session, String pool, String projectOrNull) {
        BakedQuery<FloatingIp> q = BAKERY.criteria(cb -> {                       // criteria style
            JpaCriteriaQuery<FloatingIp> query = cb.createQuery(FloatingIp.class);
            JpaRoot<FloatingIp> f = query.from(FloatingIp.class);
            return query.where(cb.equal(f.get("pool"), cb.parameter(String.class, "pool")))
                    .orderBy(cb.asc(f.get("id")));
        });
        if (projectOrNull != null) {                                             // composition: SQLAlchemy's +=
            q = q.and((cb, f) -> cb.equal(f.get("projectId"), cb.parameter(String.class, "project")));
        }
        BakedCall<FloatingIp> call = q.on(session).param("pool", pool);
        if (projectOrNull != null) {
            call.param("project", projectOrNull);
        }
        return call.list();                       // two cached chains: with and without the project restriction
    }

    @DatabaseTest
    void theReadmeExampleRuns(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        String project = nova.data().projectIds().get(1);
        long bakes = BAKERY.bakes();
        try (Session session = nova.sessionFactory().openSession()) {
            assertThat(byAddress(session, nova.address(42)).getId()).isEqualTo(42L);
            assertThat(inPool(session, "fake_pool", null)).hasSize(NovaData.FLOATING_IPS);
            assertThat(inPool(session, "fake_pool", project)).extracting(FloatingIp::getId).isEqualTo(
                    LongStream.rangeClosed(1, NovaData.FLOATING_IPS)
                            .filter(id -> nova.data().floatingProjects().get((int) id - 1).equals(project))
                            .boxed().toList());
            assertThat(inPool(session, "no_such_pool", project)).isEmpty();
        }
        assertThat(BAKERY.bakes() - bakes).as("three chains on this SessionFactory").isEqualTo(3);
    }
}

package dev.kiln.bakedquery;

import dev.kiln.bakedquery.testing.NovaData;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A lambda that captures variables (values or {@code this}) can never produce a stale cached query: it is refused,
 * every time, with a message naming the call site, the captured variables and the parameter form; after
 * {@code spoil()} capturing parts are allowed and run per call.
 */
class CapturedStateTest {
    private static final Bakery BAKERY = Bakery.create();

    private final String poolOfThisDao = "fake_pool";

    /** The tempting mistake: the address concatenated into the HQL inside the lambda. */
    static List<FloatingIp> concatenated(Session session, String address) {
        return BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = '" + address + "'").on(session).list();
    }

    /** The same mistake in criteria style. */
    static List<FloatingIp> capturedInCriteria(Session session, String address) {
        return BAKERY.criteria(cb -> {
            JpaCriteriaQuery<FloatingIp> q = cb.createQuery(FloatingIp.class);
            JpaRoot<FloatingIp> f = q.from(FloatingIp.class);
            return q.where(cb.equal(f.get("address"), address));
        }).on(session).list();
    }

    @DatabaseTest
    void twoCallsWithDifferentCapturedValuesNeverReturnTheFirstCallsRows(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            long bakes = BAKERY.bakes();
            for (long id : new long[] {1, 2}) {
                String address = nova.address(id);
                assertThatThrownBy(() -> concatenated(session, address))
                        .isInstanceOf(CapturedStateException.class)
                        .hasMessageContaining("address (String)")
                        .hasMessageContaining("CapturedStateTest.concatenated(CapturedStateTest.java:")
                        .hasMessageContaining(":name")
                        .hasMessageContaining(".param(\"name\", value)");
                assertThatThrownBy(() -> capturedInCriteria(session, address))
                        .isInstanceOf(CapturedStateException.class)
                        .hasMessageContaining("address (String)")
                        .hasMessageContaining("criteria lambda");
            }
            assertThat(BAKERY.bakes()).as("nothing was built from a capturing lambda").isEqualTo(bakes);
            // the parameter form: each call gets its own row
            for (long id : new long[] {1, 2, 1}) {
                assertThat(BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
                        .on(session).param("address", nova.address(id)).single().getId()).isEqualTo(id);
            }
        }
    }

    @Test
    void capturingThisIsRefusedAndNamed() {
        assertThatThrownBy(() -> BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where pool = '" + poolOfThisDao + "'"))
                .isInstanceOf(CapturedStateException.class)
                .hasMessageContaining("this (CapturedStateTest)");
        assertThatThrownBy(() -> BAKERY.hql(FloatingIp.class, this::hqlOfThisDao))
                .isInstanceOf(CapturedStateException.class)
                .hasMessageContaining("this");
    }

    private String hqlOfThisDao() {
        return "from FloatingIp where pool = '" + poolOfThisDao + "'";
    }

    @Test
    void capturingOptionalPartsAreRefusedToo() {
        String project = "p-1";
        BakedQuery<FloatingIp> q = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp");
        assertThatThrownBy(() -> q.and((cb, f) -> cb.equal(f.get("projectId"), project)))
                .isInstanceOf(CapturedStateException.class)
                .hasMessageContaining("restriction (and)")
                .hasMessageContaining("project (String)");
        assertThatThrownBy(() -> q.then((cb, query) -> query.where(cb.equal(cb.literal(1), project.length()))))
                .isInstanceOf(CapturedStateException.class)
                .hasMessageContaining("step (then)");
    }

    @Test
    void anonymousClassesWithStateAreRefused() {
        String address = "x";
        assertThatThrownBy(() -> BAKERY.hql(FloatingIp.class, new HqlSource() {
            @Override
            public String hql() {
                return "from FloatingIp where address = '" + address + "'";
            }
        })).isInstanceOf(CapturedStateException.class).hasMessageContaining("address");
    }

    @DatabaseTest
    void afterSpoilCapturingPartsRunOnEveryCall(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        try (Session session = nova.sessionFactory().openSession()) {
            long bakes = BAKERY.bakes();
            for (long id : new long[] {3, 4, 3, 5}) {
                String address = nova.address(id);
                List<FloatingIp> rows = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp f where f.pool = :pool")
                        .spoil()
                        .and((cb, f) -> cb.equal(f.get("address"), address))
                        .on(session).param("pool", "fake_pool").list();
                assertThat(rows).extracting(FloatingIp::getId).containsExactly(id);
            }
            assertThat(BAKERY.bakes() - bakes).as("the cached prefix is built once").isLessThanOrEqualTo(1);
        }
    }
}

package dev.kiln.retry.internal.hibernate;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RollbackOnlyAdapter}: the internal it relies on still holds Hibernate's rollback-only mark. */
class RollbackOnlyAdapterTest {

    @Test
    void theStatusFieldIsWhereHibernateKeepsTheMark() throws Exception {
        assertThat(org.hibernate.resource.jdbc.internal.AbstractLogicalConnectionImplementor.class
                .getDeclaredField("status").getType())
                .isEqualTo(org.hibernate.resource.transaction.spi.TransactionStatus.class);
    }

    @DatabaseTest(Backend.H2)
    void clearsTheMarkSoThatTheTransactionCommits(TestDatabase db) {
        SessionFactory sf = db.hibernate().entities(NovaModel.ENTITIES).build();
        db.execute("CREATE TABLE t_mark (id INT PRIMARY KEY)");
        try (Session s = sf.openSession()) {
            s.getTransaction().begin();
            s.createNativeMutationQuery("INSERT INTO t_mark VALUES (1)").executeUpdate();
            assertThat(RollbackOnlyAdapter.clearRollbackOnly(s)).as("not marked yet").isFalse();
            s.getTransaction().markRollbackOnly();
            assertThat(s.getTransaction().getRollbackOnly()).isTrue();
            assertThat(RollbackOnlyAdapter.clearRollbackOnly(s)).isTrue();
            assertThat(s.getTransaction().getRollbackOnly()).isFalse();
            s.getTransaction().commit();
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM t_mark")).isEqualTo(1);
    }
}

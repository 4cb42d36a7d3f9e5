package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TcpProxy;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbConnectionException;
import dev.kiln.retry.DbDeadlockException;
import dev.kiln.retry.DbError;
import dev.kiln.retry.DbErrors;
import dev.kiln.retry.DbTransactionException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.RollbackException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.TransactionException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures of COMMIT itself, which Hibernate wraps in a {@link TransactionException} without passing them through
 * its SqlExceptionHelper: PostgreSQL serialization failures of SERIALIZABLE transactions (the same path as Galera
 * certification failures) and connections lost while committing.
 */
class CommitErrorsTest extends ErrorTestBase {

    @DatabaseTest(Backend.POSTGRESQL)
    void serializationFailureAtCommit(TestDatabase db) throws Exception {
        Probe p = Probe.of(db);
        RuntimeException kiln = writeSkewCommit(db, p.kiln);
        p.reset(false);
        RuntimeException plain = writeSkewCommit(db, p.plain);

        assertThat(plain).isExactlyInstanceOf(TransactionException.class);
        assertThat(plain.getCause()).isInstanceOf(SQLException.class);
        assertThat(kiln).as("still a TransactionException with the SQLException as cause, for catch blocks and Spring")
                .isExactlyInstanceOf(DbTransactionException.class).hasMessage(plain.getMessage())
                .cause().isInstanceOf(SQLException.class).isSameAs(((DbTransactionException) kiln).getDbError().getSQLException());
        DbDeadlockException e = (DbDeadlockException) ((DbTransactionException) kiln).getDbError();
        assertThat(e.getReason()).isEqualTo(DbDeadlockException.Reason.SERIALIZATION_FAILURE);
        assertThat(e.getSQLState()).isEqualTo("40001");
        assertThat(e.getMessage()).startsWith("Unable to commit against JDBC Connection");
        assertThat(DbErrors.isDeadlock(kiln)).isTrue();
        assertThat(DbErrors.isDeadlock(plain)).isFalse();
        ErrorTable.recordCommit("serialization failure at COMMIT (SERIALIZABLE)", db.backend(), kiln, plain);
    }

    @DatabaseTest({Backend.MARIADB, Backend.POSTGRESQL})
    void connectionLostWhileCommitting(TestDatabase db) throws Exception {
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            String url = proxy.rewrite(db.jdbcUrl());
            RuntimeException kiln = cutAtCommit(db, proxy, url, true);
            RuntimeException plain = cutAtCommit(db, proxy, url, false);

            assertThat(plain).isExactlyInstanceOf(TransactionException.class);
            assertThat(plain.getCause()).isInstanceOf(SQLException.class).isNotInstanceOf(DbError.class);
            assertThat(kiln).isExactlyInstanceOf(DbTransactionException.class).cause().isInstanceOf(SQLException.class);
            DbConnectionException e = (DbConnectionException) ((DbTransactionException) kiln).getDbError();
            assertThat(e.isDisconnect()).isTrue();
            assertThat(e.isRefused()).isFalse();
            assertThat(DbErrors.isDisconnect(kiln)).isTrue();
            ErrorTable.recordCommit("connection lost during COMMIT", db.backend(), kiln, plain);
        }
    }

    @DatabaseTest(Backend.H2)
    void sessionAbortedBeforeCommitOnH2(TestDatabase db) throws Exception {
        Probe p = Probe.of(db);
        RuntimeException kiln = abortThenCommit(db, p.kiln);
        RuntimeException plain = abortThenCommit(db, p.plain);
        assertThat(plain).isExactlyInstanceOf(TransactionException.class);
        assertThat(kiln).isExactlyInstanceOf(DbTransactionException.class);
        assertThat(((DbTransactionException) kiln).getDbError()).isInstanceOf(DbConnectionException.class);
        ErrorTable.recordCommit("connection lost during COMMIT", db.backend(), kiln, plain);
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void jakartaPersistenceRollbackExceptionCarriesTheKilnException(TestDatabase db) throws Exception {
        Probe.of(db).reset(false);
        try (EntityManagerFactory emf = db.hibernate().entities(Parent.class, Child.class)
                .schema(HibernateBootstrap.Schema.NONE).mode(HibernateBootstrap.Mode.JPA).build()) {
            EntityManager em = emf.createEntityManager();
            RuntimeException failure = writeSkew(db, () -> em.getTransaction().begin(),
                    sql -> em.createNativeQuery(sql).getResultList(),
                    sql -> em.createNativeQuery(sql).executeUpdate(),
                    () -> em.getTransaction().commit());
            em.close();
            assertThat(failure).isInstanceOf(RollbackException.class);
            assertThat(DbErrors.find(failure)).get().isInstanceOf(DbDeadlockException.class);
        }
    }

    private static RuntimeException writeSkewCommit(TestDatabase db, SessionFactory sf) throws Exception {
        try (Session s = sf.openSession()) {
            Transaction[] tx = new Transaction[1];
            return writeSkew(db, () -> tx[0] = s.beginTransaction(),
                    sql -> s.createNativeQuery(sql, Object.class).list(),
                    sql -> s.createNativeMutationQuery(sql).executeUpdate(),
                    () -> tx[0].commit());
        }
    }

    /**
     * Classic write skew: two SERIALIZABLE transactions read both rows, each updates a different one. The other
     * transaction commits first; PostgreSQL then refuses our COMMIT with 40001.
     */
    private static RuntimeException writeSkew(TestDatabase db, Runnable begin, java.util.function.Consumer<String> query,
                                              java.util.function.Consumer<String> update, Runnable commit)
            throws SQLException {
        try (Connection other = db.openConnection(); Statement os = other.createStatement()) {
            other.setAutoCommit(false);
            other.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            begin.run();
            update.accept("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
            query.accept("SELECT SUM(qty) FROM parent");
            os.executeQuery("SELECT SUM(qty) FROM parent").close();
            update.accept("UPDATE parent SET qty = qty + 1 WHERE id = 1");
            os.executeUpdate("UPDATE parent SET qty = qty + 1 WHERE id = 2");
            other.commit();
            try {
                commit.run();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }
    }

    private static RuntimeException cutAtCommit(TestDatabase db, TcpProxy proxy, String url, boolean kiln) {
        try (SessionFactory sf = SchemaErrorsTest.unconnectedSessionFactory(db, url, kiln); Session s = sf.openSession()) {
            Transaction tx = s.beginTransaction();
            s.createNativeMutationQuery("UPDATE parent SET qty = qty + 1 WHERE id = 1").executeUpdate();
            proxy.setInterceptor((dir, conn, buf, off, len) -> dir == TcpProxy.Direction.TO_SERVER
                    && TcpProxy.contains(buf, off, len, "COMMIT") ? TcpProxy.Action.CUT_BEFORE : TcpProxy.Action.FORWARD);
            try {
                tx.commit();
                return null;
            } catch (RuntimeException e) {
                return e;
            } finally {
                proxy.setInterceptor(null);
            }
        }
    }

    private static RuntimeException abortThenCommit(TestDatabase db, SessionFactory sf) {
        Session s = sf.openSession();
        Transaction tx = s.beginTransaction();
        s.createNativeMutationQuery("UPDATE parent SET qty = qty + 1 WHERE id = 1").executeUpdate();
        s.doWork(c -> db.killConnection(TestDatabase.serverConnectionId(c, db.backend())));
        RuntimeException failure = null;
        try {
            tx.commit();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            s.close();
        } catch (RuntimeException releaseOfTheDeadConnection) {
            // H2 also refuses to give the aborted connection back; not what this test is about
        }
        return failure;
    }
}

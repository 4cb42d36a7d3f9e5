package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbConsistencyException;
import dev.kiln.retry.DbDeadlockException;
import dev.kiln.retry.DbDeadlockException.Reason;
import dev.kiln.retry.DbLockTimeoutException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlocks, lock wait timeouts, serialization failures and MariaDB's "record has changed", each provoked by real
 * concurrent transactions on real connections.
 */
class ConcurrencyErrorsTest extends ErrorTestBase {

    @DatabaseTest
    void deadlockBetweenTwoTransactionsLockingInOppositeOrder(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("deadlock", ConcurrencyErrorsTest::deadlock, () -> Probe.of(db).reset(false))
                .compatible();
        DbDeadlockException e = c.kilnAs(DbDeadlockException.class);
        assertThat(e.getReason()).isEqualTo(Reason.DEADLOCK);
        assertThat(e.isDeadlock()).isTrue();
        assertThat(e.isDisconnect()).isFalse();
        assertThat(e.getSQL()).containsIgnoringCase("update parent");
        assertThat(e.getSQLState()).isEqualTo(switch (db.backend()) {
            case H2, MARIADB -> "40001";
            case POSTGRESQL -> "40P01";
        });
        if (db.backend() == Backend.MARIADB) {
            assertThat(e.getErrorCode()).isEqualTo(1213);
        }
    }

    /** Two threads update parents 1 and 2 in opposite order; the one the server picks as victim fails. */
    private static RuntimeException deadlock(SessionFactory sf) throws Exception {
        CyclicBarrier bothHoldTheirFirstLock = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<RuntimeException>> outcomes = new ArrayList<>();
            for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                outcomes.add(threads.submit(() -> {
                    try {
                        sf.inTransaction(s -> {
                            bump(s, order[0]);
                            await(bothHoldTheirFirstLock);
                            bump(s, order[1]);
                        });
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            RuntimeException first = outcomes.get(0).get(60, TimeUnit.SECONDS);
            RuntimeException second = outcomes.get(1).get(60, TimeUnit.SECONDS);
            assertThat(first == null || second == null).as("exactly one victim: %s / %s", first, second).isTrue();
            return first != null ? first : second;
        } finally {
            threads.shutdownNow();
        }
    }

    @DatabaseTest
    void lockWaitTimeout(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("lock wait timeout", sf -> {
            try (Connection holder = db.openConnection(); Statement hold = holder.createStatement()) {
                holder.setAutoCommit(false);
                hold.executeUpdate("UPDATE parent SET qty = 7 WHERE id = 1");       // holds the row lock
                try {
                    return Probe.inTransaction(s -> s.doWork(c2 -> {
                        try (Statement st = c2.createStatement()) {
                            switch (db.backend()) {
                                case H2 -> {
                                    st.execute("SET LOCK_TIMEOUT 100");
                                    st.executeUpdate("UPDATE parent SET qty = 8 WHERE id = 1");
                                }
                                case MARIADB -> st.executeUpdate(
                                        "SET STATEMENT innodb_lock_wait_timeout = 1 FOR UPDATE parent SET qty = 8 WHERE id = 1");
                                case POSTGRESQL -> {
                                    st.execute("SET LOCAL lock_timeout = '100ms'");
                                    st.executeUpdate("UPDATE parent SET qty = 8 WHERE id = 1");
                                }
                            }
                        }
                    })).run(sf);
                } finally {
                    holder.rollback();
                }
            }
        }).compatible();
        DbLockTimeoutException e = c.kilnAs(DbLockTimeoutException.class);
        assertThat(e).isInstanceOf(org.hibernate.exception.LockTimeoutException.class);
        assertThat(e.isDeadlock()).as("oslo.db counts lock wait timeouts as deadlocks").isTrue();
        assertThat(e.getErrorCode()).isEqualTo(switch (db.backend()) {
            case H2 -> 50200;
            case MARIADB -> 1205;
            case POSTGRESQL -> 0;
        });
    }

    @DatabaseTest({Backend.H2, Backend.POSTGRESQL})
    void serializationFailureInRepeatableRead(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("serialization failure (REPEATABLE READ)", sf ->
                Probe.inTransaction(s -> {
                    s.createNativeMutationQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
                    s.createNativeQuery("SELECT qty FROM parent WHERE id = 1", Object.class).getSingleResult();
                    db.execute("UPDATE parent SET qty = qty + 1 WHERE id = 1");       // another transaction commits
                    s.createNativeMutationQuery("UPDATE parent SET qty = 5 WHERE id = 1").executeUpdate();
                }).run(sf), () -> Probe.of(db).reset(false));
        c.compatible();
        DbDeadlockException e = c.kilnAs(DbDeadlockException.class);
        // H2 (2.3 and 2.4) reports this write conflict as error 40001 "Deadlock detected"; Kiln says what H2 says
        assertThat(e.getReason()).isEqualTo(db.backend() == Backend.H2 ? Reason.DEADLOCK : Reason.SERIALIZATION_FAILURE);
        assertThat(e.getSQLState()).isEqualTo("40001");
        assertThat(e.isDeadlock()).isTrue();
    }

    @DatabaseTest(Backend.MARIADB)
    void recordChangedSinceLastReadOnMariaDb(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("record changed since last read (1020)", sf ->
                Probe.inTransaction(s -> {
                    s.createNativeQuery("SELECT qty FROM parent WHERE id = 1", Object.class).getSingleResult();
                    db.execute("UPDATE parent SET qty = qty + 1 WHERE id = 1");       // another transaction commits
                    s.doWork(connection -> {
                        try (Statement st = connection.createStatement()) {
                            // innodb_snapshot_isolation is ON by default from MariaDB 11.6.2; here per statement
                            st.execute("SET STATEMENT innodb_snapshot_isolation = 1 FOR "
                                    + "SELECT qty FROM parent WHERE id = 1 FOR UPDATE");
                        }
                    });
                }).run(sf), () -> Probe.of(db).reset(false));
        c.compatible();
        assertThat(c.plainJdbc()).isInstanceOf(org.hibernate.exception.SnapshotIsolationException.class);
        DbConsistencyException e = c.kilnAs(DbConsistencyException.class);
        assertThat(e.getErrorCode()).isEqualTo(1020);
        assertThat(e.getTable()).isEqualTo("parent");
        assertThat(e.isDeadlock()).isTrue();
    }

    private static void bump(Session s, int id) {
        s.createNativeMutationQuery("UPDATE parent SET qty = qty + 1 WHERE id = :id").setParameter("id", id)
                .executeUpdate();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction did not take its first lock", e);
        }
    }
}

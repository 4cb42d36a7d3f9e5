package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbConstraintViolationException;
import dev.kiln.retry.DbLockTimeoutException;
import dev.kiln.retry.DbQueryTimeoutException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** NOWAIT locks, a query killed on the server (not the connection), and PostgreSQL's exclusion constraints. */
class LockAndTimeoutRulesTest extends ErrorTestBase {

    @DatabaseTest
    void lockNotAvailableWithNowait(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("lock not available (NOWAIT)", sf -> {
            try (Connection holder = db.openConnection(); Statement hold = holder.createStatement()) {
                holder.setAutoCommit(false);
                hold.executeUpdate("UPDATE parent SET qty = 7 WHERE id = 1");
                try {
                    return Probe.inTransaction(s -> s.createNativeQuery(
                            "SELECT qty FROM parent WHERE id = 1 FOR UPDATE NOWAIT", Object.class).list()).run(sf);
                } finally {
                    holder.rollback();
                }
            }
        }).compatible();
        DbLockTimeoutException e = c.kilnAs(DbLockTimeoutException.class);
        assertThat(e.isDeadlock()).isTrue();
    }

    @DatabaseTest(Backend.MARIADB)
    void queryKilledOnTheServerIsATimeoutNotADisconnect(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("query killed on the server (KILL QUERY)", sf -> {
            AtomicLong serverId = new AtomicLong(-1);
            ExecutorService killer = Executors.newSingleThreadExecutor();
            try {
                Future<?> kill = killer.submit(() -> {
                    while (serverId.get() < 0) {
                        Thread.onSpinWait();
                    }
                    Thread.sleep(300);
                    db.execute("KILL QUERY " + serverId.get());
                    return null;
                });
                RuntimeException e = Probe.inTransaction(s -> {
                    s.doWork(connection -> serverId.set(TestDatabase.serverConnectionId(connection, db.backend())));
                    s.createNativeQuery("SELECT COUNT(*) FROM information_schema.columns a, information_schema.columns b, "
                            + "information_schema.columns c", Object.class).list();
                }).run(sf);
                kill.get(30, TimeUnit.SECONDS);
                return e;
            } finally {
                killer.shutdownNow();
            }
        });
        if (c.plainJdbc() instanceof org.hibernate.QueryTimeoutException) {
            c.compatible();
        } else {
            c.deviates("Hibernate: MariaDB 1317 (SQLState 70100) is generic");
        }
        DbQueryTimeoutException e = c.kilnAs(DbQueryTimeoutException.class);
        assertThat(e.getErrorCode()).isEqualTo(1317);
        assertThat(e.isDisconnect()).isFalse();
    }

    @DatabaseTest(Backend.POSTGRESQL)
    void exclusionConstraintIsAConstraintOfKindOther(TestDatabase db) throws Exception {
        db.execute("DROP TABLE IF EXISTS kiln_bookings",
                "CREATE TABLE kiln_bookings (id INT PRIMARY KEY, during int4range, "
                        + "CONSTRAINT kiln_no_overlap EXCLUDE USING gist (during WITH &&))",
                "INSERT INTO kiln_bookings VALUES (1, '[1,10)')");
        Comparison c = Probe.of(db).compare("exclusion constraint",
                Probe.sql("INSERT INTO kiln_bookings VALUES (2, '[5,15)')")).compatible();
        DbConstraintViolationException e = c.kilnAs(DbConstraintViolationException.class);
        assertThat(e.getClass()).isEqualTo(DbConstraintViolationException.class);
        assertThat(e.getKind()).isEqualTo(ConstraintKind.OTHER);
        assertThat(e.getConstraintName()).isEqualTo("kiln_no_overlap");
        assertThat(e.getTable()).isEqualTo("kiln_bookings");
        assertThat(e.getSQLState()).isEqualTo("23P01");
    }
}

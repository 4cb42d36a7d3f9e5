package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.Backends;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbBackend;
import dev.kiln.retry.DbCheckViolationException;
import dev.kiln.retry.DbConnectionException;
import dev.kiln.retry.DbDataException;
import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.DbLockTimeoutException;
import dev.kiln.retry.DbNonExistentTableException;
import dev.kiln.retry.DbNotNullViolationException;
import dev.kiln.retry.DbReferenceException;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same errors through MariaDB Connector/J, whose messages start with {@code (conn=N)} and whose exception types
 * differ from mysql-connector-j's: it reports a killed connection (1927, SQLState 70100) as a
 * {@link java.sql.SQLTimeoutException}, which plain Hibernate turns into a query timeout.
 */
@Backends(Backend.MARIADB)
class MariaDbConnectorJTest extends ErrorTestBase {

    @Override
    boolean withChild() {
        return true;
    }

    @DatabaseTest
    void duplicateEntry(TestDatabase db) throws Exception {
        DbDuplicateEntryException e = Probe.mariaDbConnectorJ(db).compare("duplicate entry (MariaDB Connector/J)",
                Probe.inTransaction(s -> s.persist(new Parent(3, "a", 1)))).compatible()
                .kilnAs(DbDuplicateEntryException.class);
        assertThat(e.getSQLException().getMessage()).startsWith("(conn=");
        // MariaDB Connector/J throws the JDK's SQLException subclasses; detect() reads the creating frames
        assertThat(e.getSQLException().getClass().getName()).startsWith("java.sql.");
        assertThat(DbBackend.detect(e.getSQLException())).isEqualTo(DbBackend.MARIADB);
        assertThat(e.getBackend()).isEqualTo(DbBackend.MARIADB);
        assertThat(e.getConstraintName()).isEqualTo("uk_parent_name");
        assertThat(e.getTable()).isEqualTo("parent");
        assertThat(e.getColumns()).containsExactly("name");
        assertThat(e.getValues()).containsExactly("a");
    }

    @DatabaseTest
    void foreignKeyParentMissing(TestDatabase db) throws Exception {
        DbReferenceException e = Probe.mariaDbConnectorJ(db).compare("foreign key: parent missing (MariaDB Connector/J)",
                Probe.sql("INSERT INTO child (id, parent_id) VALUES (2, 5)")).compatible()
                .kilnAs(DbReferenceException.class);
        assertThat(e.getViolation()).isEqualTo(DbReferenceException.Violation.PARENT_MISSING);
        assertThat(e.getConstraintName()).isEqualTo("fk_child_parent");
        assertThat(e.getTable()).isEqualTo("child");
        assertThat(e.getColumns()).containsExactly("parent_id");
        assertThat(e.getReferencedTable()).isEqualTo("parent");
        assertThat(e.getReferencedColumns()).containsExactly("id");
    }

    @DatabaseTest
    void checkAndNotNullAndData(TestDatabase db) throws Exception {
        Probe p = Probe.mariaDbConnectorJ(db);
        DbCheckViolationException check = p.compare("check constraint (MariaDB Connector/J)",
                Probe.inTransaction(s -> s.persist(new Parent(3, "c", -1)))).compatible()
                .kilnAs(DbCheckViolationException.class);
        assertThat(check.getConstraintName()).isEqualTo("chk_qty");
        assertThat(check.getTable()).isEqualTo("parent");

        DbNotNullViolationException notNull = p.compare("not null (MariaDB Connector/J)",
                Probe.sql("INSERT INTO parent (id, name, qty) VALUES (3, NULL, 1)")).compatible()
                .kilnAs(DbNotNullViolationException.class);
        assertThat(notNull.getColumn()).isEqualTo("name");

        Comparison incorrectValue = p.compare("data: incorrect value (MariaDB Connector/J)",
                Probe.sql("INSERT INTO parent (id, name, qty) VALUES (3, 'c', 'abc')"))
                .deviates("Hibernate: SQLGrammarException, because the driver throws SQLSyntaxErrorException for 1366 "
                        + "(SQLState 22007); mysql-connector-j gives a DataException");
        assertThat(incorrectValue.plainJdbc()).isInstanceOf(org.hibernate.exception.SQLGrammarException.class);
        DbDataException incorrect = incorrectValue.kilnAs(DbDataException.class);
        assertThat(incorrect.getProblem()).isEqualTo(DbDataException.Problem.INCORRECT_VALUE);
        assertThat(incorrect.getValue()).isEqualTo("abc");
        assertThat(incorrect.getTable()).isEqualTo("parent");
        assertThat(incorrect.getColumn()).isEqualTo("qty");

        DbNonExistentTableException missing = p.compare("non-existent table (MariaDB Connector/J)",
                Probe.inTransaction(s -> s.createNativeQuery("SELECT * FROM kiln_nope", Object.class).list()))
                .compatible().kilnAs(DbNonExistentTableException.class);
        assertThat(missing.getTable()).isEqualTo("kiln_nope");
    }

    @DatabaseTest
    void lockWaitTimeoutIsAPlainSqlExceptionInTheDriver(TestDatabase db) throws Exception {
        DbLockTimeoutException e = Probe.mariaDbConnectorJ(db).compare("lock wait timeout (MariaDB Connector/J)", sf -> {
            try (Connection holder = db.openConnection(); Statement hold = holder.createStatement()) {
                holder.setAutoCommit(false);
                hold.executeUpdate("UPDATE parent SET qty = 7 WHERE id = 1");
                try {
                    return Probe.inTransaction(s -> s.doWork(c -> {
                        try (Statement st = c.createStatement()) {
                            st.executeUpdate("SET STATEMENT innodb_lock_wait_timeout = 1 FOR UPDATE parent SET qty = 8 WHERE id = 1");
                        }
                    })).run(sf);
                } finally {
                    holder.rollback();
                }
            }
        }).compatible().kilnAs(DbLockTimeoutException.class);
        assertThat(e.getErrorCode()).isEqualTo(1205);
        assertThat(e.isDeadlock()).isTrue();
    }

    /**
     * A KILL CONNECTION during a statement reaches MariaDB Connector/J as a socket error (08000) on this server; the
     * 1927 "Connection was killed" (SQLState 70100) form that the driver reports as a timeout is covered from a
     * recorded exception in {@code RecordedMessagesTest}.
     */
    @DatabaseTest
    void killedConnectionIsADisconnect(TestDatabase db) throws Exception {
        Comparison c = Probe.mariaDbConnectorJ(db).compare("connection killed during a statement (MariaDB Connector/J)",
                sf -> killDuringStatement(db, sf)).compatible();
        DbConnectionException e = c.kilnAs(DbConnectionException.class);
        assertThat(e.getSQLState()).startsWith("08");
        assertThat(e.isDisconnect()).isTrue();
        assertThat(e.isRefused()).isFalse();
    }

    static RuntimeException killDuringStatement(TestDatabase db, SessionFactory sf) throws Exception {
        AtomicLong serverId = new AtomicLong(-1);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> kill = killer.submit(() -> {
                while (serverId.get() < 0) {
                    Thread.onSpinWait();
                }
                Thread.sleep(300);
                return db.killConnection(serverId.get());
            });
            RuntimeException e = Probe.inTransaction(s -> {
                s.doWork(connection -> serverId.set(TestDatabase.serverConnectionId(connection, db.backend())));
                s.createNativeQuery("SELECT COUNT(*) FROM information_schema.columns a, information_schema.columns b, "
                        + "information_schema.columns c", Object.class).list();
            }).run(sf);
            assertThat(kill.get(30, TimeUnit.SECONDS)).isTrue();
            return e;
        } finally {
            killer.shutdownNow();
        }
    }
}

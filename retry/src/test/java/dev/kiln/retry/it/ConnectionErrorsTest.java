package dev.kiln.retry.it;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TcpProxy;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbAccessDeniedException;
import dev.kiln.retry.DbConnectionException;
import org.hibernate.SessionFactory;

import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lost and refused connections: the server kills the session (idle or in the middle of a statement), a proxy cuts
 * the TCP connection, nothing listens on the port, or the credentials are refused.
 */
class ConnectionErrorsTest extends ErrorTestBase {

    @DatabaseTest
    void connectionKilledBetweenStatements(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("connection killed by the server (idle)", sf ->
                Probe.inTransaction(s -> {
                    s.doWork(connection -> db.killConnection(TestDatabase.serverConnectionId(connection, db.backend())));
                    s.createNativeQuery("SELECT 1", Object.class).list();
                }).run(sf));
        expectLost(c, db);
    }

    /*
     * Servers only: on embedded H2, ABORT_SESSION against a session that is inside a statement races with the
     * statement's own cancellation check. Depending on timing the statement fails with 57014 (cancelled, which
     * Hibernate calls a query timeout) or ABORT_SESSION blocks until the statement ends, so "killed mid-statement"
     * is not a reproducible fault there. The between-statements test above covers H2's session abort.
     */
    @DatabaseTest({Backend.MARIADB, Backend.POSTGRESQL})
    void connectionKilledDuringAStatement(TestDatabase db) throws Exception {
        String slow = db.backend() == Backend.MARIADB ? "SELECT SLEEP(20)" : "SELECT pg_sleep(20)";
        Comparison c = Probe.of(db).compare("connection killed by the server (during a statement)", sf -> {
            AtomicLong serverId = new AtomicLong(-1);
            ExecutorService killer = Executors.newSingleThreadExecutor();
            try {
                Future<?> kill = killer.submit(() -> {
                    while (serverId.get() < 0) {
                        Thread.onSpinWait();
                    }
                    Thread.sleep(300);                          // let the statement start
                    return db.killConnection(serverId.get());
                });
                RuntimeException e = Probe.inTransaction(s -> {
                    s.doWork(connection -> serverId.set(TestDatabase.serverConnectionId(connection, db.backend())));
                    s.createNativeQuery(slow, Object.class).list();
                }).run(sf);
                kill.get(30, TimeUnit.SECONDS);
                return e;
            } finally {
                killer.shutdownNow();
            }
        });
        expectLost(c, db);
    }

    @DatabaseTest({Backend.MARIADB, Backend.POSTGRESQL})
    void connectionCutByTheNetwork(TestDatabase db) throws Exception {
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            String url = proxy.rewrite(db.jdbcUrl());
            Comparison c = Probe.of(db).compare("connection cut by the network", onUrl(db, url,
                    Probe.inTransaction(s -> {
                        s.createNativeQuery("SELECT 1", Object.class).list();
                        proxy.cutAll();
                        s.createNativeQuery("SELECT 1", Object.class).list();
                    })));
            c.compatible();
            DbConnectionException e = c.kilnAs(DbConnectionException.class);
            assertThat(e.isDisconnect()).isTrue();
            assertThat(e.isRefused()).isFalse();
        }
    }

    @DatabaseTest
    void connectionRefused(TestDatabase db) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = switch (db.backend()) {
            case H2 -> "jdbc:h2:tcp://127.0.0.1:" + closedPort + "/mem:kiln_refused";
            case MARIADB, POSTGRESQL -> db.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + closedPort + "/");
        };
        Comparison c = Probe.of(db).compare("connection refused", onUrl(db, url,
                Probe.inTransaction(s -> s.createNativeQuery("SELECT 1", Object.class).list())));
        c.compatible();
        DbConnectionException e = c.kilnAs(DbConnectionException.class);
        assertThat(e.isDisconnect()).isTrue();
        assertThat(e.isRefused()).isTrue();
        assertThat(e.getMessage()).contains("Unable to acquire JDBC Connection");
    }

    @DatabaseTest
    void credentialsRefused(TestDatabase db) throws Exception {
        Comparison c = Probe.of(db).compare("credentials refused", sf -> {
            String user = db.backend() == Backend.H2 ? db.user() : "kiln_no_such_user";
            try (SessionFactory bad = SchemaErrorsTest.unconnectedSessionFactory(db, db.jdbcUrl(), user, "kiln-wrong",
                    sf == Probe.of(db).kiln)) {
                return Probe.inTransaction(s -> s.createNativeQuery("SELECT 1", Object.class).list()).run(bad);
            }
        });
        c.compatible();
        if (db.backend() != Backend.H2) {
            // pgjdbc and mysql-connector-j throw plain SQLExceptions with SQLState 28000: Hibernate's AuthException
            assertThat(c.kilnAs(DbAccessDeniedException.class).getSQLState()).startsWith("28");
        } else {
            // H2 throws SQLInvalidAuthorizationSpecException: a connection failure for Hibernate
            DbConnectionException e = c.kilnAs(DbConnectionException.class);
            assertThat(e.isRefused()).isTrue();
            assertThat(e.getSQLState()).startsWith("28");
        }
    }

    /**
     * PostgreSQL answers the next statement with 57P01 "terminating connection due to administrator command", which
     * Hibernate files as generic; mysql-connector-j reports a communications failure (08S01) and H2 a closed database.
     * (MariaDB Connector/J's 1927 is in {@link MariaDbConnectorJTest}.)
     */
    private static void expectLost(Comparison c, TestDatabase db) {
        if (db.backend() == Backend.POSTGRESQL) {
            assertThat(c.kilnAs(DbConnectionException.class).getSQLState()).isEqualTo("57P01");
            c.deviates("Hibernate: PostgreSQL 57P01 (terminated by administrator) is generic");
        } else {
            c.compatible();
        }
        DbConnectionException e = c.kilnAs(DbConnectionException.class);
        assertThat(e.isDisconnect()).isTrue();
        assertThat(e.isRefused()).isFalse();
    }

    /** Runs {@code scenario} on a SessionFactory of the same kind (Kiln or plain) reaching the database at {@code url}. */
    private static Probe.Scenario onUrl(TestDatabase db, String url, Probe.Scenario scenario) {
        return sf -> {
            try (SessionFactory other = SchemaErrorsTest.unconnectedSessionFactory(db, url, db.user(), db.password(),
                    sf == Probe.of(db).kiln)) {
                return scenario.run(other);
            }
        };
    }
}

package dev.kiln.retry.replay;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.Backends;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TcpProxy;
import dev.kiln.fixtures.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real TCP proxy cuts the connection exactly at COMMIT: after the server got it (only the answer is lost) or before
 * (the server never commits); also in the middle of a batch and of a server-side cursor. With the COMMIT guard Kiln learns which, and never commits twice; without it Kiln says
 * the outcome is unknown. H2 is embedded: there is no wire to cut at COMMIT.
 */
@Backends({Backend.MARIADB, Backend.POSTGRESQL})
class CommitOutcomeTest {
    static {
        Faults.quiet();
    }


    private static void table(TestDatabase db, String name) {
        db.execute("DROP TABLE IF EXISTS " + name,
                "CREATE TABLE " + name + " (id INT NOT NULL PRIMARY KEY, v INT NOT NULL)",
                "INSERT INTO " + name + " (id, v) VALUES (1, 10)");
    }

    /** Cuts the first COMMIT that passes, once: {@code forward} decides whether the server gets it. */
    private static void cutFirstCommit(TcpProxy proxy, boolean forward) {
        AtomicBoolean armed = new AtomicBoolean(true);
        proxy.setInterceptor((dir, conn, buf, off, len) ->
                dir == TcpProxy.Direction.TO_SERVER && ProxiedPool.isCommit(buf, off, len) && armed.getAndSet(false)
                        ? (forward ? TcpProxy.Action.FORWARD_THEN_CUT : TcpProxy.Action.CUT_BEFORE)
                        : TcpProxy.Action.FORWARD);
    }

    private static void transfer(Connection c, String table, int newId) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM " + table + " WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, v) VALUES (?, ?)")) {
            ps.setInt(1, newId);
            ps.setInt(2, 5);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE " + table + " SET v = v - 5 WHERE id = 1")).isEqualTo(1);
        }
    }

    @DatabaseTest
    void committedOnTheServerWhenOnlyTheAnswerWasLost(TestDatabase db) throws Exception {
        table(db, "co_answer");
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            ReplayingDataSource ds = ReplayingDataSource.wrap(ProxiedPool.through(proxy, db, ""),
                    ReplayConfig.builder().commitGuard(true).build());
            try (Connection c = ds.getConnection()) {
                transfer(c, "co_answer", 2);
                cutFirstCommit(proxy, true);
                c.commit();                                     // no exception: the guard found the marker
                c.setAutoCommit(true);
            }
            assertThat(ds.metrics().commitsFoundCommitted()).isEqualTo(1);
            assertThat(ds.metrics().commitsReplayed()).isZero();
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM co_answer WHERE id = 2")).isEqualTo(1);
        assertThat(db.queryLong("SELECT v FROM co_answer WHERE id = 1")).isEqualTo(5);   // once, not twice
    }

    @DatabaseTest
    void notCommittedOnTheServerIsReplayedAndCommittedOnce(TestDatabase db) throws Exception {
        table(db, "co_lost");
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            ReplayingDataSource ds = ReplayingDataSource.wrap(ProxiedPool.through(proxy, db, ""),
                    ReplayConfig.builder().commitGuard(true).build());
            try (Connection c = ds.getConnection()) {
                transfer(c, "co_lost", 2);
                cutFirstCommit(proxy, false);
                c.commit();                                     // replayed on a new connection, committed there
                c.setAutoCommit(true);
            }
            assertThat(ds.metrics().commitsReplayed()).isEqualTo(1);
            assertThat(ds.metrics().commitsFoundCommitted()).isZero();
            assertThat(ds.metrics().statementsReplayed()).isEqualTo(3);
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM co_lost WHERE id = 2")).isEqualTo(1);
        assertThat(db.queryLong("SELECT v FROM co_lost WHERE id = 1")).isEqualTo(5);
    }

    @DatabaseTest
    void withoutTheGuardTheOutcomeIsReportedUnknown(TestDatabase db) throws Exception {
        table(db, "co_unknown");
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            ReplayingDataSource ds = ReplayingDataSource.wrap(ProxiedPool.through(proxy, db, ""), ReplayConfig.defaults());
            try (Connection c = ds.getConnection()) {
                transfer(c, "co_unknown", 2);
                cutFirstCommit(proxy, true);
                assertThatThrownBy(c::commit).isInstanceOfSatisfying(DbCommitOutcomeUnknownException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08007");
                    assertThat(e.getMessage()).contains("no COMMIT guard is configured");
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                });
                c.rollback();
            }
            assertThat(ds.metrics().commitOutcomesUnknown()).isEqualTo(1);
        }
        // the server did get the COMMIT (it may still be finishing it): Kiln could not know, and said so instead of
        // repeating it; the transfer lands exactly once
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (db.queryLong("SELECT COUNT(*) FROM co_unknown WHERE id = 2") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM co_unknown WHERE id = 2")).isEqualTo(1);
        assertThat(db.queryLong("SELECT v FROM co_unknown WHERE id = 1")).isEqualTo(5);
    }

    @DatabaseTest
    void aReadOnlyTransactionNeedsNoOutcome(TestDatabase db) throws Exception {
        table(db, "co_read");
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            ReplayingDataSource ds = ReplayingDataSource.wrap(ProxiedPool.through(proxy, db, ""), ReplayConfig.defaults());
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM co_read")) {
                    assertThat(rs.next()).isTrue();
                }
                cutFirstCommit(proxy, false);
                c.commit();                                     // nothing was written: nothing to lose
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM co_read")) {
                    assertThat(rs.next()).isTrue();             // and the connection goes on on a new one
                    assertThat(rs.getInt(1)).isEqualTo(10);
                }
                c.commit();
            }
        }
    }

    @DatabaseTest
    void aResultSetCutHalfWayContinuesAfterTheRowsAlreadyRead(TestDatabase db) throws Exception {
        db.execute("DROP TABLE IF EXISTS co_cursor", "CREATE TABLE co_cursor (id INT NOT NULL PRIMARY KEY, v INT NOT NULL)");
        StringBuilder insert = new StringBuilder("INSERT INTO co_cursor (id, v) VALUES ");
        for (int i = 1; i <= 40; i++) {
            insert.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(i * 3).append(')');
        }
        db.execute(insert.toString());
        // a server-side cursor, fetched 5 rows at a time: the rest of the result still has to come over the wire
        String cursor = db.backend() == Backend.MARIADB ? "useCursorFetch=true" : "";
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            ReplayingDataSource ds = ReplayingDataSource.wrap(ProxiedPool.through(proxy, db, cursor), ReplayConfig.defaults());
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                int sum = 0;
                int rows = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, v FROM co_cursor ORDER BY id")) {
                    ps.setFetchSize(5);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            assertThat(rs.getInt(1)).isEqualTo(rows);
                            sum += rs.getInt(2);
                            if (rows == 7) {
                                assertThat(proxy.cutAll()).isPositive();
                            }
                        }
                    }
                }
                assertThat(rows).isEqualTo(40);
                assertThat(sum).isEqualTo(3 * 40 * 41 / 2);
                c.commit();
            }
            assertThat(ds.metrics().replaysSucceeded()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void aResultSetCutHalfWayIsRefusedWhenARowAlreadyReadChanged(TestDatabase db) throws Exception {
        db.execute("DROP TABLE IF EXISTS co_cursor2", "CREATE TABLE co_cursor2 (id INT NOT NULL PRIMARY KEY, v INT NOT NULL)");
        StringBuilder insert = new StringBuilder("INSERT INTO co_cursor2 (id, v) VALUES ");
        for (int i = 1; i <= 40; i++) {
            insert.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(i).append(')');
        }
        db.execute(insert.toString());
        String cursor = db.backend() == Backend.MARIADB ? "useCursorFetch=true" : "";
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            ReplayingDataSource ds = ReplayingDataSource.wrap(ProxiedPool.through(proxy, db, cursor), ReplayConfig.defaults());
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("SELECT id, v FROM co_cursor2 ORDER BY id")) {
                    ps.setFetchSize(5);
                    try (ResultSet rs = ps.executeQuery()) {
                        for (int i = 0; i < 7; i++) {
                            assertThat(rs.next()).isTrue();
                        }
                        proxy.cutAll();
                        db.execute("UPDATE co_cursor2 SET v = -3 WHERE id = 3");
                        assertThatThrownBy(() -> {
                            while (rs.next()) {
                                rs.getInt(1);
                            }
                        }).isInstanceOfSatisfying(DbReplayMismatchException.class, m ->
                                assertThat(m.getDifference()).contains("row 3 differs"));
                    }
                }
                c.rollback();
            }
        }
    }

    @DatabaseTest
    void aBatchCutAfterTheServerGotItIsReplayedAndAppliedOnce(TestDatabase db) throws Exception {
        db.execute("DROP TABLE IF EXISTS co_batch", "CREATE TABLE co_batch (id INT NOT NULL PRIMARY KEY, v INT NOT NULL)");
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(db.jdbcUrl())) {
            ReplayingDataSource ds = ReplayingDataSource.wrap(ProxiedPool.through(proxy, db, ""), ReplayConfig.defaults());
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO co_batch (id, v) VALUES (?, ?)")) {
                    ps.setInt(1, 1);
                    ps.setInt(2, 10);
                    ps.executeUpdate();
                }
                AtomicBoolean armed = new AtomicBoolean(true);
                proxy.setInterceptor((dir, conn, buf, off, len) ->
                        dir == TcpProxy.Direction.TO_SERVER && TcpProxy.contains(buf, off, len, "/*batch*/")
                                && armed.getAndSet(false) ? TcpProxy.Action.FORWARD_THEN_CUT : TcpProxy.Action.FORWARD);
                try (PreparedStatement ps = c.prepareStatement("INSERT /*batch*/ INTO co_batch (id, v) VALUES (?, ?)")) {
                    for (int i = 2; i <= 6; i++) {
                        ps.setInt(1, i);
                        ps.setInt(2, i * 10);
                        ps.addBatch();
                    }
                    assertThat(ps.executeBatch()).hasSize(5);   // the server ran (part of) it, then the wire was cut
                }
                c.commit();
            }
            assertThat(armed(proxy)).isTrue();
            assertThat(ds.metrics().replaysSucceeded()).isEqualTo(1);
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM co_batch")).isEqualTo(6);
        assertThat(db.queryLong("SELECT SUM(v) FROM co_batch")).isEqualTo(210);
    }

    private static boolean armed(TcpProxy proxy) {
        return proxy.acceptedConnections() >= 2;   // the cut connection and the one replay moved to
    }
}

package dev.kiln.retry.replay;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replay after the server killed the session in the middle of a transaction, on H2, MariaDB and PostgreSQL: the
 * transaction goes on on a new connection when nothing changed, and is refused when another transaction changed what
 * it read, wrote or generated.
 */
class ReplayTest {
    static {
        Faults.quiet();
    }


    private static void table(TestDatabase db, String name, int rows) {
        db.execute("DROP TABLE IF EXISTS " + name,
                "CREATE TABLE " + name + " (id INT NOT NULL PRIMARY KEY, v INT NOT NULL, note VARCHAR(40))");
        for (int i = 1; i <= rows; i++) {
            db.execute("INSERT INTO " + name + " (id, v, note) VALUES (" + i + ", " + (i * 10) + ", 'row " + i + "')");
        }
    }

    private static int read(Connection c, String table, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM " + table + " WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                int v = rs.getInt(1);
                assertThat(rs.next()).isFalse();
                return v;
            }
        }
    }

    private static int add(Connection c, String table, int id, int delta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET v = v + ? WHERE id = ?")) {
            ps.setInt(1, delta);
            ps.setInt(2, id);
            return ps.executeUpdate();
        }
    }

    @DatabaseTest
    void replaysTheTransactionOnANewConnectionWhenNothingChanged(TestDatabase db) throws Exception {
        table(db, "rp_same", 3);
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.defaults());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertThat(read(c, "rp_same", 1)).isEqualTo(10);
            assertThat(add(c, "rp_same", 1, 1)).isEqualTo(1);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("INSERT INTO rp_same (id, v, note) VALUES (4, 40, 'new')")).isEqualTo(1);
            }
            long before = Faults.kill(c, db);

            assertThat(add(c, "rp_same", 2, 1)).isEqualTo(1);         // the interrupted statement: transparent
            assertThat(Faults.serverId(c, db)).isNotEqualTo(before);
            assertThat(read(c, "rp_same", 1)).isEqualTo(11);          // the replayed update is there, once
            c.commit();
        }
        assertThat(db.queryLong("SELECT v FROM rp_same WHERE id = 1")).isEqualTo(11);
        assertThat(db.queryLong("SELECT v FROM rp_same WHERE id = 2")).isEqualTo(21);
        assertThat(db.queryLong("SELECT COUNT(*) FROM rp_same")).isEqualTo(4);
        ReplayMetrics m = ds.metrics();
        assertThat(m.replaysAttempted()).isEqualTo(1);
        assertThat(m.replaysSucceeded()).isEqualTo(1);
        assertThat(m.replaysMismatched()).isZero();
        assertThat(m.statementsReplayed()).isEqualTo(3);
    }

    @DatabaseTest
    void refusesWhenAnotherTransactionChangedARowRead(TestDatabase db) throws Exception {
        table(db, "rp_changed", 3);
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.defaults());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            int seen = read(c, "rp_changed", 1);
            add(c, "rp_changed", 2, seen);
            Faults.kill(c, db);
            db.execute("UPDATE rp_changed SET v = 99 WHERE id = 1");   // a concurrent writer, committed

            assertThatThrownBy(() -> add(c, "rp_changed", 3, 1))
                    .isInstanceOfSatisfying(DbReplayMismatchException.class, m -> {
                        assertThat(m.getStatementIndex()).isEqualTo(1);
                        assertThat(m.getSql()).contains("SELECT v FROM rp_changed");
                        assertThat(m.getDifference()).contains("row 1 differs");
                        assertThat(DbErrors.translate((SQLException) m.getCause()).isDisconnect()).isTrue();
                        assertThat(m.getSQLState()).isEqualTo("40001");
                    });
            // the transaction is lost: nothing more runs in it until it ends
            assertThatThrownBy(() -> read(c, "rp_changed", 1)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("could not be replayed");
            c.rollback();
            assertThat(read(c, "rp_changed", 1)).isEqualTo(99);        // the connection is usable again
            c.commit();
        }
        assertThat(db.queryLong("SELECT v FROM rp_changed WHERE id = 2")).isEqualTo(20);
        assertThat(db.queryLong("SELECT v FROM rp_changed WHERE id = 3")).isEqualTo(30);
        assertThat(ds.metrics().replaysMismatched()).isEqualTo(1);
    }

    @DatabaseTest
    void refusesWhenAnUpdateCountDiffers(TestDatabase db) throws Exception {
        table(db, "rp_count", 3);
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.defaults());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE rp_count SET note = 'seen' WHERE v > 15")).isEqualTo(2);
            }
            Faults.kill(c, db);
            db.execute("INSERT INTO rp_count (id, v, note) VALUES (4, 40, 'sneaked in')");
            assertThatThrownBy(() -> read(c, "rp_count", 1))
                    .isInstanceOfSatisfying(DbReplayMismatchException.class, m -> {
                        assertThat(m.getStatementIndex()).isEqualTo(1);
                        assertThat(m.getDifference()).contains("changed 3 rows on replay where the application saw 2");
                    });
            c.rollback();
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM rp_count WHERE note = 'seen'")).isZero();
    }

    @DatabaseTest
    void refusesWhenARowReadIsGoneOrAddedAfterTheEnd(TestDatabase db) throws Exception {
        table(db, "rp_rows", 3);
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.defaults());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<Integer> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM rp_rows ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            assertThat(ids).containsExactly(1, 2, 3);
            Faults.kill(c, db);
            db.execute("INSERT INTO rp_rows (id, v) VALUES (5, 50)");     // the application had read to the end
            assertThatThrownBy(() -> read(c, "rp_rows", 1))
                    .isInstanceOfSatisfying(DbReplayMismatchException.class, m ->
                            assertThat(m.getDifference()).contains("more rows on replay than the 3"));
            c.rollback();
        }
    }

    @DatabaseTest
    void restoresSessionStateOnTheNewConnection(TestDatabase db) throws Exception {
        table(db, "rp_state", 2);
        String set = switch (db.backend()) {
            case POSTGRESQL -> "SET application_name = 'kiln-replay-test'";
            case MARIADB -> "SET @kiln_var = 'kiln-replay-test'";
            case H2 -> "SET @KILN_VAR = 'kiln-replay-test'";
        };
        String get = switch (db.backend()) {
            case POSTGRESQL -> "SELECT current_setting('application_name')";
            case MARIADB -> "SELECT @kiln_var";
            case H2 -> "SELECT @KILN_VAR";
        };
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.defaults());
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute(set);
            }
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            c.setAutoCommit(false);
            add(c, "rp_state", 1, 5);
            Faults.kill(c, db);
            add(c, "rp_state", 2, 5);
            Connection physical = ReplayingDataSource.physicalConnection(c);
            assertThat(physical.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(physical.getAutoCommit()).isFalse();
            try (Statement s = physical.createStatement(); ResultSet rs = s.executeQuery(get)) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("kiln-replay-test");
            }
            c.commit();
        }
        assertThat(db.queryLong("SELECT SUM(v) FROM rp_state")).isEqualTo(10 + 20 + 10);
    }

    @DatabaseTest
    void aNonDeterministicStatementTurnsReplayOffAndTheDisconnectSurfaces(TestDatabase db) throws Exception {
        table(db, "rp_never", 2);
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.builder()
                .neverReplay(Pattern.compile("(?i)/\\*volatile\\*/")).build());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT /*volatile*/ v FROM rp_never")) {
                while (rs.next()) {
                    rs.getInt(1);
                }
            }
            add(c, "rp_never", 1, 1);
            Faults.kill(c, db);
            assertThatThrownBy(() -> add(c, "rp_never", 2, 1))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> {
                        assertThat(DbErrors.translate((SQLException) e).isDisconnect()).isTrue();
                        assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s).hasMessageContaining("never-replay rule"));
                    });
            c.rollback();
        }
        assertThat(ds.metrics().notReplayable()).isEqualTo(1);
        assertThat(ds.metrics().replaysAttempted()).isZero();
        assertThat(db.queryLong("SELECT SUM(v) FROM rp_never")).isEqualTo(30);
    }

    @DatabaseTest
    void pastTheStatementLimitTheDisconnectSurfaces(TestDatabase db) throws Exception {
        table(db, "rp_limit", 3);
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.builder().maxStatements(2).build());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            add(c, "rp_limit", 1, 1);
            add(c, "rp_limit", 2, 1);
            add(c, "rp_limit", 3, 1);
            Faults.kill(c, db);
            assertThatThrownBy(() -> read(c, "rp_limit", 1)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).anySatisfy(s ->
                            assertThat(s).hasMessageContaining("more than 2 statements")));
            c.rollback();
            // the next transaction is recorded again and replays
            add(c, "rp_limit", 1, 100);
            Faults.kill(c, db);
            add(c, "rp_limit", 2, 100);
            c.commit();
        }
        assertThat(db.queryLong("SELECT SUM(v) FROM rp_limit")).isEqualTo(10 + 20 + 30 + 200);
    }

    @DatabaseTest
    void batchesAreReplayedAndTheInterruptedBatchRunsOnce(TestDatabase db) throws Exception {
        table(db, "rp_batch", 0);
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.defaults());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rp_batch (id, v) VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, i * 10);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).hasSize(3);
                for (int i = 4; i <= 6; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, i * 10);
                    ps.addBatch();
                }
                Faults.kill(c, db);
                assertThat(ps.executeBatch()).hasSize(3);             // interrupted batch, replayed log, batch again
            }
            c.commit();
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM rp_batch")).isEqualTo(6);
        assertThat(db.queryLong("SELECT SUM(v) FROM rp_batch")).isEqualTo(210);
        assertThat(ds.metrics().replaysSucceeded()).isEqualTo(1);
    }

    @DatabaseTest({Backend.H2, Backend.MARIADB})      // an error aborts a PostgreSQL transaction: nothing follows it
    void aRecordedErrorMustRecurOnReplay(TestDatabase db) throws Exception {
        table(db, "rp_error", 2);
        ReplayingDataSource ds = Faults.replaying(db, ReplayConfig.defaults());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO rp_error (id, v) VALUES (1, 1)");   // duplicate key
                }
            }).isInstanceOf(SQLException.class);
            add(c, "rp_error", 2, 1);
            Faults.kill(c, db);
            add(c, "rp_error", 1, 1);
            c.commit();
        }
        assertThat(db.queryLong("SELECT SUM(v) FROM rp_error")).isEqualTo(32);
    }
}

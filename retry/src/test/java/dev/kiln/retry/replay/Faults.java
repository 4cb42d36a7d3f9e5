package dev.kiln.retry.replay;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;

/** Real faults for replay tests: the server kills the session behind a replaying connection. */
final class Faults {
    /**
     * HikariCP logs every connection these tests kill as a warning with a stack trace; keep its logger (a strong
     * reference, or the level is lost with it) at SEVERE.
     */
    private static final java.util.logging.Logger HIKARI = java.util.logging.Logger.getLogger("com.zaxxer.hikari");

    static {
        HIKARI.setLevel(java.util.logging.Level.SEVERE);
    }

    private Faults() {
    }

    /** Loads this class: quiet pool logs. */
    static void quiet() {
        // the static initializer did it
    }

    /** The server's id of the session currently behind {@code c} (read on the physical connection, not recorded). */
    static long serverId(Connection c, TestDatabase db) throws SQLException {
        return TestDatabase.serverConnectionId(ReplayingDataSource.physicalConnection(c), db.backend());
    }

    /** Kills the session behind {@code c} on the server and waits until the server has let it go. */
    static long kill(Connection c, TestDatabase db) throws SQLException {
        long id = serverId(c, db);
        killAndWait(db, id);
        return id;
    }

    static void killAndWait(TestDatabase db, long id) {
        db.killConnection(id);
        String gone = switch (db.backend()) {
            case MARIADB -> "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + id;
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + id;
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = " + id;
        };
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (db.queryLong(gone) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Session " + id + " still alive 10 s after it was killed on " + db);
            }
            Thread.onSpinWait();
        }
    }

    /** A replaying data source over a new pool of {@code db}. */
    static ReplayingDataSource replaying(TestDatabase db, ReplayConfig config) {
        return ReplayingDataSource.wrap(db.newPool("replay", 4), config);
    }

    static boolean isServer(TestDatabase db) {
        return db.backend() != Backend.H2;
    }
}

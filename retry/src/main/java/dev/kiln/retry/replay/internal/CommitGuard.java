package dev.kiln.retry.replay.internal;

import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.DbErrors;
import dev.kiln.retry.replay.ReplayConfig;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Knows whether an interrupted COMMIT happened, with a marker row: every writing transaction inserts a unique id into
 * the guard table just before COMMIT, so the row is durable exactly when the transaction is.
 *
 * <p>After a lost COMMIT, a new connection tries to insert <em>the same id</em> (in its own transaction, rolled back
 * afterwards). The primary key decides, and it also settles a COMMIT still in flight on the server: the insert waits
 * for the lost transaction's row lock until that transaction ends.
 * <ul>
 * <li>duplicate key: the lost transaction committed;</li>
 * <li>the insert succeeds: the lost transaction did not commit and, since the key was free, never will;</li>
 * <li>anything else (timeout waiting for the lock, no connection): unknown.</li>
 * </ul>
 * Markers of committed transactions are deleted in batches by later commits on the same data source
 * ({@value #CLEANUP_BATCH} at a time, by primary key), so the table stays small.
 */
final class CommitGuard {
    static final int CLEANUP_BATCH = 64;

    enum State { COMMITTED, NOT_COMMITTED, UNKNOWN }

    record Outcome(State state, String reason, SQLException error) {
    }

    private final ReplayRuntime rt;
    private final String createSql;
    private final String insertSql;
    private final String table;
    private final int probeTimeoutSeconds;
    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean created;

    CommitGuard(ReplayRuntime rt, ReplayConfig config) {
        this.rt = rt;
        this.table = config.guardTable();
        this.createSql = "CREATE TABLE IF NOT EXISTS " + table
                + " (txn_id VARCHAR(40) NOT NULL PRIMARY KEY, created_at BIGINT NOT NULL)";
        this.insertSql = "INSERT INTO " + table + " (txn_id, created_at) VALUES (?, ?)";
        this.probeTimeoutSeconds = (int) Math.max(1, config.commitProbeTimeout().toSeconds());
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        StringBuilder p = new StringBuilder(17);
        for (byte b : random) {
            p.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        this.prefix = p.append('-').toString();
    }

    void ensureTable(Connection c) throws SQLException {
        if (created) {
            return;
        }
        synchronized (this) {
            if (created) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute(createSql);
            } catch (SQLException e) {
                throw new SQLException("Kiln could not create the COMMIT guard table " + table
                        + " (ReplayConfig.commitGuard): " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            created = true;
        }
    }

    /** Inserts a fresh marker on {@code c}, inside its open transaction; returns its id. */
    String insertMarker(Connection c) throws SQLException {
        String id = prefix + Long.toHexString(sequence.incrementAndGet());
        try (PreparedStatement ps = c.prepareStatement(insertSql)) {
            ps.setString(1, id);
            ps.setLong(2, System.currentTimeMillis());
            ps.executeUpdate();
        }
        return id;
    }

    /** The marker's transaction committed; every {@value #CLEANUP_BATCH} such, delete them on {@code c}. */
    void committed(String id, Connection c) throws SQLException {
        forget(id);
        if (pending.get() >= CLEANUP_BATCH) {
            cleanup(c);
        }
    }

    /** Queues a committed marker for deletion. */
    void forget(String id) {
        committed.add(id);
        pending.incrementAndGet();
    }

    private void cleanup(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>(CLEANUP_BATCH);
        for (String id; ids.size() < CLEANUP_BATCH && (id = committed.poll()) != null; ) {
            ids.add(id);
        }
        pending.addAndGet(-ids.size());
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table).append(" WHERE txn_id IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the ids go back to the queue either way
            }
            ids.forEach(this::forget);
            throw e;
        }
    }

    /** Decides whether the transaction that inserted {@code id} committed, on a new connection from {@code source}. */
    Outcome probe(ConnectionSource source, String id) {
        Connection c;
        try {
            c = source.open();
        } catch (SQLException e) {
            return new Outcome(State.UNKNOWN, "no new connection for the check: " + e.getMessage(), e);
        }
        try {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                ps.setQueryTimeout(probeTimeoutSeconds);
                ps.setString(1, id);
                ps.setLong(2, System.currentTimeMillis());
                ps.executeUpdate();
                c.rollback();
                return new Outcome(State.NOT_COMMITTED, "the marker was absent", null);
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is released below
                }
                if (DbErrors.translate(e, rt.backend()) instanceof DbDuplicateEntryException) {
                    return new Outcome(State.COMMITTED, "the marker was present", null);
                }
                return new Outcome(State.UNKNOWN, "the marker check failed: " + e.getMessage(), e);
            } finally {
                if (autoCommit) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            return new Outcome(State.UNKNOWN, "the marker check failed: " + e.getMessage(), e);
        } finally {
            try {
                source.release(c);
            } catch (SQLException ignored) {
                // nothing more to learn from it
            }
        }
    }

    int purge(Connection c, long olderThanEpochMillis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE created_at < ?")) {
            ps.setLong(1, olderThanEpochMillis);
            return ps.executeUpdate();
        }
    }
}

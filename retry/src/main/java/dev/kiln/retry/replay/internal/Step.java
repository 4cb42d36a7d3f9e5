package dev.kiln.retry.replay.internal;

import dev.kiln.retry.replay.DbReplayMismatchException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;

/**
 * One execution in the transaction log: what ran (SQL, parameters, batch, key request) and what the application saw
 * (update count(s), the rows it read, the generated keys it read, or the error it got). {@link #replay} runs it again
 * on a new connection and compares.
 */
final class Step {
    static final byte QUERY = 0;
    static final byte UPDATE = 1;
    static final byte LARGE_UPDATE = 2;
    static final byte EXECUTE = 3;
    static final byte BATCH = 4;
    static final byte LARGE_BATCH = 5;

    final ReplayStatement owner;
    final byte kind;
    final String sql;
    final Params params;
    /** Key request of a plain Statement's execute/executeUpdate (prepared statements carry theirs in the owner). */
    final Keys keys;
    Params[] batch;
    String[] batchSql;

    long count = -1;
    long[] counts;
    boolean hasResultSet;
    ResultDigest rows;
    ResultDigest generatedKeys;
    boolean failed;
    String errorState;
    int errorCode;
    String errorMessage;

    Step(ReplayStatement owner, byte kind, String sql, Params params, Keys keys) {
        this.owner = owner;
        this.kind = kind;
        this.sql = sql;
        this.params = params;
        this.keys = keys;
    }

    boolean isRead() {
        return (kind == QUERY || kind == EXECUTE && hasResultSet) && Sql.isRead(sql);
    }

    void failedWith(SQLException e) {
        failed = true;
        errorState = e.getSQLState();
        errorCode = e.getErrorCode();
        errorMessage = e.getMessage();
    }

    long bytes() {
        long n = 64 + 2L * sql.length() + (params == null ? 0 : params.bytes());
        if (batch != null) {
            for (Params p : batch) {
                n += p.bytes();
            }
        }
        if (batchSql != null) {
            for (String s : batchSql) {
                n += 16 + 2L * s.length();
            }
        }
        return n;
    }

    /**
     * Runs this step on {@code physical} (a new connection) and compares with what the application saw.
     *
     * @param index 1-based position in the transaction, for the message
     * @throws DbReplayMismatchException on any difference
     * @throws SQLException a disconnect again (the caller may try another connection)
     */
    void replay(ReplayConnection conn, Connection physical, int index, SQLException disconnect) throws SQLException {
        Statement st = owner.newPhysical(physical);
        boolean keep = false;
        try {
            String difference;
            try {
                difference = run(st);
            } catch (SQLException e) {
                if (conn.isDisconnect(e)) {
                    throw e;
                }
                if (failed && Objects.equals(errorState, e.getSQLState()) && errorCode == e.getErrorCode()) {
                    return; // it fails again exactly as the application saw
                }
                DbReplayMismatchException m = new DbReplayMismatchException(index, sql, failed
                        ? "failed on replay with another error (SQLState " + e.getSQLState() + ", code " + e.getErrorCode()
                        + ": " + e.getMessage() + ") than the application got (SQLState " + errorState + ", code "
                        + errorCode + ")"
                        : "failed on replay (SQLState " + e.getSQLState() + ", code " + e.getErrorCode() + ": "
                        + e.getMessage() + ") where it had succeeded", disconnect);
                m.addSuppressed(e);
                throw m;
            }
            if (difference == null && failed) {
                difference = "succeeded on replay where it had failed (SQLState " + errorState + ", code " + errorCode
                        + ": " + errorMessage + ")";
            }
            if (difference != null) {
                throw new DbReplayMismatchException(index, sql, difference, disconnect);
            }
            keep = attachLive(st);
        } finally {
            if (!keep) {
                try {
                    st.close();
                } catch (SQLException ignored) {
                    // closing a replay helper; the connection stays usable
                }
            }
        }
    }

    private String run(Statement st) throws SQLException {
        PreparedStatement ps = st instanceof PreparedStatement p ? p : null;
        if (params != null && ps != null) {
            params.bind(ps);
        }
        switch (kind) {
            case QUERY -> {
                ResultSet rs = ps != null ? ps.executeQuery() : st.executeQuery(sql);
                return compareRows(rs);
            }
            case UPDATE, LARGE_UPDATE -> {
                long n = ps != null ? (kind == LARGE_UPDATE ? ps.executeLargeUpdate() : ps.executeUpdate())
                        : Keys.update(st, sql, keys, kind == LARGE_UPDATE);
                if (!failed && n != count) {
                    return "changed " + n + " rows on replay where the application saw " + count;
                }
                return compareKeys(st);
            }
            case EXECUTE -> {
                boolean r = ps != null ? ps.execute() : Keys.execute(st, sql, keys);
                if (failed) {
                    return null;
                }
                if (r != hasResultSet) {
                    return r ? "returned a result set on replay where it had returned an update count"
                            : "returned an update count on replay where it had returned a result set";
                }
                if (r) {
                    return rows == null ? null : compareRows(st.getResultSet());
                }
                long n = st.getUpdateCount();
                if (count >= 0 && n != count) {
                    return "changed " + n + " rows on replay where the application saw " + count;
                }
                return compareKeys(st);
            }
            default -> {
                if (ps != null) {
                    for (Params p : batch) {
                        p.bind(ps);
                        ps.addBatch();
                    }
                } else {
                    for (String s : batchSql) {
                        st.addBatch(s);
                    }
                }
                long[] n;
                if (kind == LARGE_BATCH) {
                    n = st.executeLargeBatch();
                } else {
                    n = Arrays.stream(st.executeBatch()).asLongStream().toArray();
                }
                if (!failed && !Arrays.equals(n, counts)) {
                    return "batch changed " + Arrays.toString(n) + " rows on replay where the application saw "
                            + Arrays.toString(counts);
                }
                return compareKeys(st);
            }
        }
    }

    private ResultSet replayedRows;
    private ResultSet replayedKeys;

    private String compareRows(ResultSet rs) throws SQLException {
        replayedRows = rs;
        return rows == null ? null : rows.compare(rs, "the result");
    }

    private String compareKeys(Statement st) throws SQLException {
        if (generatedKeys == null) {
            return null;
        }
        ResultSet rs = st.getGeneratedKeys();
        replayedKeys = rs;
        return generatedKeys.compare(rs, "the generated keys (the database generated other keys than before)");
    }

    /**
     * If the application still has this step's result open, hand it the replayed one (positioned where the
     * application was) and keep the statement that owns it.
     */
    private boolean attachLive(Statement st) throws SQLException {
        boolean keep = false;
        if (rows != null && rows.live != null && replayedRows != null) {
            rows.live.attach(replayedRows);
            keep = true;
        }
        if (generatedKeys != null && generatedKeys.live != null && replayedKeys != null) {
            generatedKeys.live.attach(replayedKeys);
            keep = true;
        }
        if (keep) {
            owner.adopt(st);
        } else if (replayedRows != null) {
            replayedRows.close();
        }
        replayedRows = null;
        replayedKeys = null;
        return keep;
    }
}

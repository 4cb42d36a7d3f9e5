package dev.kiln.retry.replay.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * What the application has seen of one result set (a query's rows or a statement's generated keys): the digest of
 * every row it advanced to, and whether it read to the end. Replay reads the same number of rows from the new result
 * and compares; a result the application still has open then continues from there.
 */
final class ResultDigest {
    private static final long[] NONE = new long[0];
    private final TxLog log;
    private final long txId;
    private long[] rows = NONE;
    private int count;
    private boolean exhausted;
    private int columns = -1;
    /** The application's result set while it is open, so that replay can give it the new driver result set. */
    ReplayResultSet live;

    ResultDigest(TxLog log) {
        this.log = log;
        this.txId = log.txId();
    }

    int rows() {
        return count;
    }

    /** Called after each {@code next()} of the application's result set. */
    void advance(boolean hasRow, ResultSet rs) throws SQLException {
        if (log.txId() != txId || log.poison() != null) {
            return;
        }
        if (!hasRow) {
            exhausted = true;
            return;
        }
        if (columns < 0) {
            columns = rs.getMetaData().getColumnCount();
        }
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, Math.max(4, count * 2));
        }
        rows[count++] = Digest.row(rs, columns);
        log.addBytes(8);
    }

    /**
     * Reads the replayed result as far as the application had read the original, comparing row by row.
     *
     * @return null if it matches, else what differs
     */
    String compare(ResultSet rs, String what) throws SQLException {
        int n = -1;
        for (int i = 0; i < count; i++) {
            if (!rs.next()) {
                return what + " has " + i + " rows on replay, but the application had read " + count;
            }
            if (n < 0) {
                n = rs.getMetaData().getColumnCount();
            }
            if (Digest.row(rs, n) != rows[i]) {
                return what + " row " + (i + 1) + " differs from what the application read";
            }
        }
        if (exhausted && rs.next()) {
            return what + " has more rows on replay than the " + count + " the application read to the end";
        }
        return null;
    }

    long bytes() {
        return 48 + 8L * rows.length;
    }
}

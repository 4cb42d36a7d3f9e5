package dev.kiln.retry.replay.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The application's result set: every row it advances to is digested (while a transaction is recorded), and when the
 * connection is lost while it is being read, replay gives it a new driver result set positioned after the rows already
 * delivered, so that {@link #next()} simply continues.
 */
final class ReplayResultSet extends ForwardingResultSet {
    private final ReplayStatement statement;
    private ResultDigest digest;
    private boolean closed;

    ReplayResultSet(ReplayStatement statement, ResultSet rs, ResultDigest digest) {
        this.statement = statement;
        this.rs = rs;
        this.digest = digest;
        if (digest != null) {
            digest.live = this;
        }
    }

    /** Replay hands over the new driver result set. */
    void attach(ResultSet replayed) {
        this.rs = replayed;
    }

    /** The statement ran again or closed: this result is over, as the driver's is. */
    void detach() {
        closed = true;
        if (digest != null) {
            digest.live = null;
            digest = null;
        }
    }

    @Override
    public boolean next() throws SQLException {
        for (;;) {
            try {
                boolean row = rs.next();
                if (digest != null) {
                    digest.advance(row, rs);
                }
                return row;
            } catch (SQLException e) {
                if (closed) {
                    throw e;
                }
                statement.conn.recover(e); // returns only if the log, this result included, was replayed
            }
        }
    }

    @Override
    public void close() throws SQLException {
        detach();
        rs.close();
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    private void scrolled(String how) {
        statement.conn.notReplayable("it moved a result set with " + how + " (only forward reading is replayed)");
    }

    @Override
    public boolean previous() throws SQLException {
        scrolled("previous()");
        return rs.previous();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        scrolled("absolute()");
        return rs.absolute(row);
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        scrolled("relative()");
        return rs.relative(rows);
    }

    @Override
    public boolean first() throws SQLException {
        scrolled("first()");
        return rs.first();
    }

    @Override
    public boolean last() throws SQLException {
        scrolled("last()");
        return rs.last();
    }

    @Override
    public void beforeFirst() throws SQLException {
        scrolled("beforeFirst()");
        rs.beforeFirst();
    }

    @Override
    public void afterLast() throws SQLException {
        scrolled("afterLast()");
        rs.afterLast();
    }

    @Override
    public void insertRow() throws SQLException {
        statement.conn.notReplayable("it changed rows through an updatable result set");
        rs.insertRow();
    }

    @Override
    public void updateRow() throws SQLException {
        statement.conn.notReplayable("it changed rows through an updatable result set");
        rs.updateRow();
    }

    @Override
    public void deleteRow() throws SQLException {
        statement.conn.notReplayable("it changed rows through an updatable result set");
        rs.deleteRow();
    }
}

package dev.kiln.retry.replay.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * The application's {@link Statement}: each execution inside a transaction becomes a {@link Step} of the log; a lost
 * connection during an execution is recovered by {@link ReplayConnection#recover} and the execution is then repeated
 * on the new connection's statement, returning its result as if nothing had happened.
 */
class ReplayStatement extends ForwardingStatement {
    static final int DEFAULT = Integer.MIN_VALUE;

    final ReplayConnection conn;
    final int type;
    final int concurrency;
    final int holdability;
    int generation;
    private Integer fetchSize;
    private Integer fetchDirection;
    private Integer maxRows;
    private Long largeMaxRows;
    private Integer maxFieldSize;
    private Integer queryTimeout;
    private Boolean escapeProcessing;
    private ArrayList<String> batchSql;
    /** The application's open result set from the last execution, if any. */
    ReplayResultSet current;
    /** The step of the last execution, while it is recorded (for its result set and generated keys). */
    Step last;
    boolean closed;

    ReplayStatement(ReplayConnection conn, Statement physical, int type, int concurrency, int holdability) {
        this.conn = conn;
        this.physical = physical;
        this.type = type;
        this.concurrency = concurrency;
        this.holdability = holdability;
        this.generation = conn.generation;
    }

    /** A driver statement like this one on {@code c}, with this statement's settings. */
    Statement newPhysical(Connection c) throws SQLException {
        Statement s = type == DEFAULT ? c.createStatement()
                : holdability == DEFAULT ? c.createStatement(type, concurrency)
                : c.createStatement(type, concurrency, holdability);
        return applySettings(s);
    }

    final Statement applySettings(Statement s) throws SQLException {
        if (fetchSize != null) {
            s.setFetchSize(fetchSize);
        }
        if (fetchDirection != null) {
            s.setFetchDirection(fetchDirection);
        }
        if (maxRows != null) {
            s.setMaxRows(maxRows);
        }
        if (largeMaxRows != null) {
            s.setLargeMaxRows(largeMaxRows);
        }
        if (maxFieldSize != null) {
            s.setMaxFieldSize(maxFieldSize);
        }
        if (queryTimeout != null) {
            s.setQueryTimeout(queryTimeout);
        }
        if (escapeProcessing != null) {
            s.setEscapeProcessing(escapeProcessing);
        }
        return s;
    }

    /** After a new connection: a new driver statement, unless replay already gave one (a result still being read). */
    void renew(Connection c, int newGeneration) throws SQLException {
        if (generation != newGeneration) {
            adoptPhysical(newPhysical(c));
            generation = newGeneration;
        }
    }

    /** Replay kept a statement whose result the application is still reading: it becomes this one's. */
    void adopt(Statement replayed) {
        adoptPhysical(replayed);
        generation = conn.generation;
    }

    void adoptPhysical(Statement s) {
        physical = s;
    }

    /** A new execution: the previous result set is closed by the driver, and so is ours. */
    final void startExecution() {
        if (current != null) {
            current.detach();
            current = null;
        }
        last = null;
    }

    final ResultSet wrapResult(ResultSet rs, Step s) {
        if (rs == null) {
            return null;
        }
        ResultDigest d = null;
        if (s != null && conn.recording()) {
            d = new ResultDigest(conn.log);
            s.rows = d;
        }
        ReplayResultSet w = new ReplayResultSet(this, rs, d);
        current = w;
        return w;
    }

    // ---- executions with SQL text

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        startExecution();
        Step s = conn.begin(this, Step.QUERY, sql, null, null);
        for (;;) {
            try {
                ResultSet rs = physical.executeQuery(sql);
                conn.succeeded(s);
                last = s;
                return wrapResult(rs, s);
            } catch (SQLException e) {
                conn.failed(s, e);
            }
        }
    }

    private long update(String sql, Keys keys, boolean large) throws SQLException {
        startExecution();
        if (Sql.isSessionStatement(sql)) {
            long n = Keys.update(physical, sql, keys, large);
            conn.rememberSessionStatement(sql);
            return n;
        }
        Step s = conn.begin(this, large ? Step.LARGE_UPDATE : Step.UPDATE, sql, null, keys);
        for (;;) {
            try {
                long n = Keys.update(physical, sql, keys, large);
                if (s != null) {
                    s.count = n;
                }
                conn.succeeded(s);
                last = s;
                return n;
            } catch (SQLException e) {
                conn.failed(s, e);
            }
        }
    }

    private boolean execute(String sql, Keys keys) throws SQLException {
        startExecution();
        if (Sql.isSessionStatement(sql)) {
            boolean r = Keys.execute(physical, sql, keys);
            conn.rememberSessionStatement(sql);
            return r;
        }
        Step s = conn.begin(this, Step.EXECUTE, sql, null, keys);
        for (;;) {
            try {
                boolean r = Keys.execute(physical, sql, keys);
                if (s != null) {
                    s.hasResultSet = r;
                    s.count = r ? -1 : physical.getUpdateCount();
                }
                conn.succeeded(s);
                last = s;
                return r;
            } catch (SQLException e) {
                conn.failed(s, e);
            }
        }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) update(sql, null, false);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return (int) update(sql, new Keys(autoGeneratedKeys, null, null), false);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return (int) update(sql, new Keys(0, columnIndexes, null), false);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return (int) update(sql, new Keys(0, null, columnNames), false);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return update(sql, null, true);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return update(sql, new Keys(autoGeneratedKeys, null, null), true);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return update(sql, new Keys(0, columnIndexes, null), true);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return update(sql, new Keys(0, null, columnNames), true);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return execute(sql, (Keys) null);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql, new Keys(autoGeneratedKeys, null, null));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return execute(sql, new Keys(0, columnIndexes, null));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return execute(sql, new Keys(0, null, columnNames));
    }

    // ---- batches of SQL text

    @Override
    public void addBatch(String sql) throws SQLException {
        if (batchSql == null) {
            batchSql = new ArrayList<>();
        }
        batchSql.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        batchSql = null;
        physical.clearBatch();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] n = batch(false);
        int[] r = new int[n.length];
        for (int i = 0; i < n.length; i++) {
            r[i] = (int) n[i];
        }
        return r;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return batch(true);
    }

    long[] batch(boolean large) throws SQLException {
        startExecution();
        String[] sqls = batchSql == null ? new String[0] : batchSql.toArray(new String[0]);
        batchSql = null;
        Step s = conn.begin(this, large ? Step.LARGE_BATCH : Step.BATCH, String.join(";\n", sqls), null, null);
        if (s != null) {
            s.batchSql = sqls;
        }
        for (;;) {
            try {
                for (String q : sqls) {
                    physical.addBatch(q);
                }
                long[] n = large ? physical.executeLargeBatch()
                        : Arrays.stream(physical.executeBatch()).asLongStream().toArray();
                if (s != null) {
                    s.counts = n;
                }
                conn.succeeded(s);
                last = s;
                return n;
            } catch (SQLException e) {
                conn.failed(s, e);
            }
        }
    }

    // ---- results

    @Override
    public ResultSet getResultSet() throws SQLException {
        if (current != null) {
            return current;
        }
        return wrapResult(physical.getResultSet(), last);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        ResultSet keys = physical.getGeneratedKeys();
        ResultDigest d = null;
        if (last != null && conn.recording()) {
            d = new ResultDigest(conn.log);
            last.generatedKeys = d;
        }
        return keys == null ? null : new ReplayResultSet(this, keys, d);
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        conn.notReplayable("it read several results of one statement (getMoreResults)");
        startExecution();
        return physical.getMoreResults();
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        conn.notReplayable("it read several results of one statement (getMoreResults)");
        startExecution();
        return physical.getMoreResults(current);
    }

    @Override
    public Connection getConnection() {
        return conn;
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            startExecution();
            conn.closed(this);
        }
        physical.close();
    }

    // ---- settings, kept to set them again on a new connection

    @Override
    public void setFetchSize(int rows) throws SQLException {
        physical.setFetchSize(rows);
        fetchSize = rows;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        physical.setFetchDirection(direction);
        fetchDirection = direction;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        physical.setMaxRows(max);
        maxRows = max;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        physical.setLargeMaxRows(max);
        largeMaxRows = max;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        physical.setMaxFieldSize(max);
        maxFieldSize = max;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        physical.setQueryTimeout(seconds);
        queryTimeout = seconds;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        physical.setEscapeProcessing(enable);
        escapeProcessing = enable;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        conn.notReplayable("it named a cursor (positioned updates are not replayed)");
        physical.setCursorName(name);
    }
}

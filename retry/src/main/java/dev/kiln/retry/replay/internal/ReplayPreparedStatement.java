package dev.kiln.retry.replay.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;

/**
 * The application's {@link PreparedStatement}. Parameters are kept in {@link Params} and bound when the statement
 * executes, so the same execution can be repeated on a new connection; batches are kept the same way and handed to the
 * driver at {@link #executeBatch()}. Streams, LOBs, arrays and other connection-bound values are passed straight to
 * the driver and make the transaction unreplayable.
 */
final class ReplayPreparedStatement extends ReplayStatement implements PreparedStatement {
    private final String sql;
    private final Keys keys;
    private PreparedStatement ps;
    private Params params = new Params();
    private ArrayList<Params> batch;
    private boolean direct;
    /** Null until first recorded: whether {@code ReplayConfig.neverReplay} matches this SQL. */
    private Boolean neverReplay;

    ReplayPreparedStatement(ReplayConnection conn, PreparedStatement physical, String sql, Keys keys, int type,
                            int concurrency, int holdability) {
        super(conn, physical, type, concurrency, holdability);
        this.ps = physical;
        this.sql = sql;
        this.keys = keys;
    }

    @Override
    Statement newPhysical(Connection c) throws SQLException {
        PreparedStatement p;
        if (keys != null) {
            p = keys.indexes() != null ? c.prepareStatement(sql, keys.indexes())
                    : keys.names() != null ? c.prepareStatement(sql, keys.names())
                    : c.prepareStatement(sql, keys.flag());
        } else if (type == DEFAULT) {
            p = c.prepareStatement(sql);
        } else if (holdability == DEFAULT) {
            p = c.prepareStatement(sql, type, concurrency);
        } else {
            p = c.prepareStatement(sql, type, concurrency, holdability);
        }
        applySettings(p);
        return p;
    }

    @Override
    void adoptPhysical(Statement s) {
        super.adoptPhysical(s);
        ps = (PreparedStatement) s;
    }

    String sql() {
        return sql;
    }

    boolean neverReplay() {
        Boolean n = neverReplay;
        if (n == null) {
            n = conn.neverReplay(sql);
            neverReplay = n;
        }
        return n;
    }

    private Params p() {
        return params = params.writable();
    }

    private void direct(int i) {
        p().obj(i, Params.DIRECT, null);
        direct = true;
        conn.notReplayable("it bound a stream, LOB, array or other connection-bound value to a parameter");
    }

    /** The step of an execution starting now, or null if the transaction is not recorded. */
    private Step begin(byte kind) throws SQLException {
        startExecution();
        if (direct) {
            conn.notReplayable("it bound a stream, LOB, array or other connection-bound value to a parameter");
        }
        return conn.begin(this, kind, sql, kind == Step.BATCH || kind == Step.LARGE_BATCH ? null : params, null);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        Step s = begin(Step.QUERY);
        for (;;) {
            try {
                params.bind(ps);
                ResultSet rs = ps.executeQuery();
                conn.succeeded(s);
                last = s;
                return wrapResult(rs, s);
            } catch (SQLException e) {
                conn.failed(s, e);
            }
        }
    }

    private long update(boolean large) throws SQLException {
        Step s = begin(large ? Step.LARGE_UPDATE : Step.UPDATE);
        for (;;) {
            try {
                params.bind(ps);
                long n = large ? ps.executeLargeUpdate() : ps.executeUpdate();
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

    @Override
    public int executeUpdate() throws SQLException {
        return (int) update(false);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return update(true);
    }

    @Override
    public boolean execute() throws SQLException {
        Step s = begin(Step.EXECUTE);
        for (;;) {
            try {
                params.bind(ps);
                boolean r = ps.execute();
                if (s != null) {
                    s.hasResultSet = r;
                    s.count = r ? -1 : ps.getUpdateCount();
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
    public void addBatch() throws SQLException {
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(params.copy());
    }

    @Override
    public void clearBatch() throws SQLException {
        batch = null;
        ps.clearBatch();
    }

    @Override
    long[] batch(boolean large) throws SQLException {
        Params[] rows = batch == null ? new Params[0] : batch.toArray(new Params[0]);
        batch = null;
        Step s = begin(large ? Step.LARGE_BATCH : Step.BATCH);
        if (s != null) {
            s.batch = rows;
        }
        for (;;) {
            try {
                for (Params row : rows) {
                    row.bind(ps);
                    ps.addBatch();
                }
                long[] n = large ? ps.executeLargeBatch() : Arrays.stream(ps.executeBatch()).asLongStream().toArray();
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

    @Override
    public void clearParameters() throws SQLException {
        params = new Params();
        direct = false;
        ps.clearParameters();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return ps.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return ps.getParameterMetaData();
    }

    @Override
    public void setNull(int i, int sqlType) {
        p().full(i, Params.NULL, null, sqlType, null);
    }

    @Override
    public void setNull(int i, int sqlType, String typeName) {
        p().full(i, Params.NULL_NAMED, null, sqlType, typeName);
    }

    @Override
    public void setBoolean(int i, boolean x) {
        p().prim(i, Params.BOOLEAN, x ? 1 : 0);
    }

    @Override
    public void setByte(int i, byte x) {
        p().prim(i, Params.BYTE, x);
    }

    @Override
    public void setShort(int i, short x) {
        p().prim(i, Params.SHORT, x);
    }

    @Override
    public void setInt(int i, int x) {
        p().prim(i, Params.INT, x);
    }

    @Override
    public void setLong(int i, long x) {
        p().prim(i, Params.LONG, x);
    }

    @Override
    public void setFloat(int i, float x) {
        p().prim(i, Params.FLOAT, Float.floatToRawIntBits(x));
    }

    @Override
    public void setDouble(int i, double x) {
        p().prim(i, Params.DOUBLE, Double.doubleToRawLongBits(x));
    }

    @Override
    public void setBigDecimal(int i, BigDecimal x) {
        p().obj(i, Params.BIG_DECIMAL, x);
    }

    @Override
    public void setString(int i, String x) {
        p().obj(i, Params.STRING, x);
    }

    @Override
    public void setNString(int i, String x) {
        p().obj(i, Params.NSTRING, x);
    }

    @Override
    public void setBytes(int i, byte[] x) {
        p().obj(i, Params.BYTES, x);
    }

    @Override
    public void setDate(int i, Date x) {
        p().obj(i, Params.DATE, x);
    }

    @Override
    public void setTime(int i, Time x) {
        p().obj(i, Params.TIME, x);
    }

    @Override
    public void setTimestamp(int i, Timestamp x) {
        p().obj(i, Params.TIMESTAMP, x);
    }

    @Override
    public void setDate(int i, Date x, Calendar cal) {
        p().full(i, Params.DATE_CAL, x, 0, cal);
    }

    @Override
    public void setTime(int i, Time x, Calendar cal) {
        p().full(i, Params.TIME_CAL, x, 0, cal);
    }

    @Override
    public void setTimestamp(int i, Timestamp x, Calendar cal) {
        p().full(i, Params.TIMESTAMP_CAL, x, 0, cal);
    }

    @Override
    public void setObject(int i, Object x) {
        p().obj(i, Params.OBJECT, x);
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType) {
        p().full(i, Params.OBJECT_TYPE, x, targetSqlType, null);
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType, int scale) {
        p().full(i, Params.OBJECT_TYPE_SCALE, x, targetSqlType, scale);
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType) {
        p().full(i, Params.OBJECT_SQLTYPE, x, 0, targetSqlType);
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType, int scale) {
        p().full(i, Params.OBJECT_SQLTYPE_SCALE, x, 0, new Object[] {targetSqlType, scale});
    }

    @Override
    public void setURL(int i, URL x) {
        p().obj(i, Params.URL, x);
    }

    @Override
    public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
        direct(i);
        ps.setAsciiStream(i, x, length);
    }

    @Override
    public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
        direct(i);
        ps.setUnicodeStream(i, x, length);
    }

    @Override
    public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
        direct(i);
        ps.setBinaryStream(i, x, length);
    }

    @Override
    public void setCharacterStream(int i, Reader x, int length) throws SQLException {
        direct(i);
        ps.setCharacterStream(i, x, length);
    }

    @Override
    public void setRef(int i, Ref x) throws SQLException {
        direct(i);
        ps.setRef(i, x);
    }

    @Override
    public void setBlob(int i, Blob x) throws SQLException {
        direct(i);
        ps.setBlob(i, x);
    }

    @Override
    public void setClob(int i, Clob x) throws SQLException {
        direct(i);
        ps.setClob(i, x);
    }

    @Override
    public void setArray(int i, Array x) throws SQLException {
        direct(i);
        ps.setArray(i, x);
    }

    @Override
    public void setRowId(int i, RowId x) throws SQLException {
        direct(i);
        ps.setRowId(i, x);
    }

    @Override
    public void setNCharacterStream(int i, Reader x, long length) throws SQLException {
        direct(i);
        ps.setNCharacterStream(i, x, length);
    }

    @Override
    public void setNClob(int i, NClob x) throws SQLException {
        direct(i);
        ps.setNClob(i, x);
    }

    @Override
    public void setClob(int i, Reader x, long length) throws SQLException {
        direct(i);
        ps.setClob(i, x, length);
    }

    @Override
    public void setBlob(int i, InputStream x, long length) throws SQLException {
        direct(i);
        ps.setBlob(i, x, length);
    }

    @Override
    public void setNClob(int i, Reader x, long length) throws SQLException {
        direct(i);
        ps.setNClob(i, x, length);
    }

    @Override
    public void setSQLXML(int i, SQLXML x) throws SQLException {
        direct(i);
        ps.setSQLXML(i, x);
    }

    @Override
    public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
        direct(i);
        ps.setAsciiStream(i, x, length);
    }

    @Override
    public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
        direct(i);
        ps.setBinaryStream(i, x, length);
    }

    @Override
    public void setCharacterStream(int i, Reader x, long length) throws SQLException {
        direct(i);
        ps.setCharacterStream(i, x, length);
    }

    @Override
    public void setAsciiStream(int i, InputStream x) throws SQLException {
        direct(i);
        ps.setAsciiStream(i, x);
    }

    @Override
    public void setBinaryStream(int i, InputStream x) throws SQLException {
        direct(i);
        ps.setBinaryStream(i, x);
    }

    @Override
    public void setCharacterStream(int i, Reader x) throws SQLException {
        direct(i);
        ps.setCharacterStream(i, x);
    }

    @Override
    public void setNCharacterStream(int i, Reader x) throws SQLException {
        direct(i);
        ps.setNCharacterStream(i, x);
    }

    @Override
    public void setClob(int i, Reader x) throws SQLException {
        direct(i);
        ps.setClob(i, x);
    }

    @Override
    public void setBlob(int i, InputStream x) throws SQLException {
        direct(i);
        ps.setBlob(i, x);
    }

    @Override
    public void setNClob(int i, Reader x) throws SQLException {
        direct(i);
        ps.setNClob(i, x);
    }
}

package dev.kiln.retry.replay.internal;

import java.sql.*;
import java.util.Calendar;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.Executor;

/**
 * A {@link Connection} that forwards every call to the current physical connection.
 * The methods below only forward to {@code physical}; they were written out mechanically from the {@code java.sql}
 * interface (no reflection, no per-call proxy), so the replaying subclass overrides only what it must watch.
 */
abstract class ForwardingConnection implements Connection {
    protected Connection physical;

    @Override
    public String nativeSQL(String p0) throws SQLException {
        return physical.nativeSQL(p0);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return physical.getMetaData();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return physical.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        physical.clearWarnings();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return physical.getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> p0) throws SQLException {
        physical.setTypeMap(p0);
    }

    @Override
    public void releaseSavepoint(Savepoint p0) throws SQLException {
        physical.releaseSavepoint(p0);
    }

    @Override
    public Clob createClob() throws SQLException {
        return physical.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return physical.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return physical.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return physical.createSQLXML();
    }

    @Override
    public boolean isValid(int p0) throws SQLException {
        return physical.isValid(p0);
    }

    @Override
    public void setClientInfo(String p0, String p1) throws SQLClientInfoException {
        physical.setClientInfo(p0, p1);
    }

    @Override
    public void setClientInfo(Properties p0) throws SQLClientInfoException {
        physical.setClientInfo(p0);
    }

    @Override
    public String getClientInfo(String p0) throws SQLException {
        return physical.getClientInfo(p0);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return physical.getClientInfo();
    }

    @Override
    public Array createArrayOf(String p0, Object[] p1) throws SQLException {
        return physical.createArrayOf(p0, p1);
    }

    @Override
    public Struct createStruct(String p0, Object[] p1) throws SQLException {
        return physical.createStruct(p0, p1);
    }

    @Override
    public void abort(Executor p0) throws SQLException {
        physical.abort(p0);
    }

    @Override
    public void setNetworkTimeout(Executor p0, int p1) throws SQLException {
        physical.setNetworkTimeout(p0, p1);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return physical.getNetworkTimeout();
    }

    @Override
    public void beginRequest() throws SQLException {
        physical.beginRequest();
    }

    @Override
    public void endRequest() throws SQLException {
        physical.endRequest();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : physical.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || physical.isWrapperFor(iface);
    }
}

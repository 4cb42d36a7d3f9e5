package dev.kiln.retry.replay.internal;

import java.sql.*;


/**
 * A {@link Statement} that forwards every call to the current driver statement.
 * The methods below only forward to {@code physical}; they were written out mechanically from the {@code java.sql}
 * interface (no reflection, no per-call proxy), so the replaying subclass overrides only what it must watch.
 */
abstract class ForwardingStatement implements Statement {
    protected Statement physical;

    @Override
    public int getMaxFieldSize() throws SQLException {
        return physical.getMaxFieldSize();
    }

    @Override
    public int getMaxRows() throws SQLException {
        return physical.getMaxRows();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return physical.getQueryTimeout();
    }

    @Override
    public void cancel() throws SQLException {
        physical.cancel();
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
    public int getUpdateCount() throws SQLException {
        return physical.getUpdateCount();
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return physical.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return physical.getFetchSize();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return physical.getResultSetConcurrency();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return physical.getResultSetType();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return physical.getResultSetHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return physical.isClosed();
    }

    @Override
    public void setPoolable(boolean p0) throws SQLException {
        physical.setPoolable(p0);
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return physical.isPoolable();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        physical.closeOnCompletion();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return physical.isCloseOnCompletion();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return physical.getLargeUpdateCount();
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return physical.getLargeMaxRows();
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

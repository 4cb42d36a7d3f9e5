package dev.kiln.retry;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;

/**
 * The connection is lost (reset, killed by the server or an operator, server shut down, network cut) or could not be
 * established (refused, unreachable, database starting up). oslo.db's {@code DBConnectionError}; always
 * {@link #isDisconnect() a disconnect}. Still a Hibernate {@link JDBCConnectionException}.
 *
 * <p>Also used where drivers report a killed connection as something else: MariaDB's 1927 "Connection was killed"
 * (SQLState 70100), which mysql-connector-j turns into a query timeout.
 * <pre>{@code
 * } catch (DbConnectionException e) {
 *     if (e.isRefused()) { waitForDatabase(); } else { retryOnNewConnection(); }
 * }
 * }</pre>
 */
public final class DbConnectionException extends JDBCConnectionException implements DbError {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;
    private final boolean refused;

    /**
     * Normally created by Kiln's translator; public for custom integrations and tests.
     *
     * @param refused true if no connection was established, false if an established one was lost
     */
    public DbConnectionException(String message, SQLException cause, String sql, DbBackend backend, boolean refused) {
        super(message, cause, sql);
        this.backend = backend;
        this.refused = refused;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }

    /** True if no connection could be established; false if an established connection was lost. */
    public boolean isRefused() {
        return refused;
    }

    @Override
    public boolean isDisconnect() {
        return true;
    }
}

package dev.kiln.retry;

import org.hibernate.QueryTimeoutException;

import java.sql.SQLException;

/**
 * The statement ran longer than its timeout, or was cancelled: PostgreSQL/H2 57014, MySQL 3024, MariaDB 1969, MySQL
 * 1317 "query execution was interrupted", or a driver's {@link java.sql.SQLTimeoutException}. The connection is still
 * usable. Still a Hibernate {@link QueryTimeoutException}.
 *
 * <pre>{@code
 * } catch (DbQueryTimeoutException e) {
 *     return Page.partial();
 * }
 * }</pre>
 */
public final class DbQueryTimeoutException extends QueryTimeoutException implements DbError {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbQueryTimeoutException(String message, SQLException cause, String sql, DbBackend backend) {
        super(message, cause, sql);
        this.backend = backend;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }
}

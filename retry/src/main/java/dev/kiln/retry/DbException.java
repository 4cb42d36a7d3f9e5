package dev.kiln.retry;

import org.hibernate.exception.GenericJDBCException;

import java.sql.SQLException;

/**
 * A database error that no Kiln rule recognises and that Hibernate calls generic: the driver's exception is kept as
 * the cause, with its SQLState, vendor code and the SQL.
 *
 * <p>Not the supertype of the other Kiln exceptions (see {@link DbError} for why). To catch any Kiln database
 * exception, catch {@link org.hibernate.JDBCException} and test {@code instanceof DbError}:
 * <pre>{@code
 * } catch (JDBCException e) {
 *     DbError error = (DbError) e;          // every JDBCException Kiln rewrote is a DbError
 *     log.warn("{} error {} / {}", error.getBackend(), error.getErrorCode(), error.getSQLState(), e);
 * }
 * }</pre>
 */
public non-sealed class DbException extends GenericJDBCException implements DbError {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbException(String message, SQLException cause, String sql, DbBackend backend) {
        super(message, cause, sql);
        this.backend = backend;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }
}

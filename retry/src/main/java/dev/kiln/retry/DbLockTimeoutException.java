package dev.kiln.retry;

import org.hibernate.exception.LockTimeoutException;

import java.sql.SQLException;

/**
 * Waiting for a lock timed out, or a NOWAIT lock was not available: MySQL/MariaDB 1205 and 3572, PostgreSQL 55P03,
 * H2 50200. oslo.db counts these as {@code DBDeadlock}, and so does {@link #isDeadlock()}.
 *
 * <p>It extends Hibernate's {@link LockTimeoutException}, not {@link DbDeadlockException}: Jakarta Persistence turns
 * exactly that Hibernate type into {@code jakarta.persistence.LockTimeoutException}, which (unlike a deadlock) does
 * not mark the transaction for rollback. Keeping that behaviour beats the oslo.db subclass relation; use
 * {@link DbError#isDeadlock()} to treat both alike.
 * <pre>{@code
 * } catch (JDBCException e) {
 *     if (e instanceof DbError error && error.isDeadlock()) { retry(); }   // deadlocks and lock timeouts
 * }
 * }</pre>
 */
public final class DbLockTimeoutException extends LockTimeoutException implements DbError {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbLockTimeoutException(String message, SQLException cause, String sql, DbBackend backend) {
        super(message, cause, sql);
        this.backend = backend;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }

    @Override
    public boolean isDeadlock() {
        return true;
    }
}

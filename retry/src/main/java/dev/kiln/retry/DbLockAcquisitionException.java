package dev.kiln.retry;

import org.hibernate.exception.LockAcquisitionException;

import java.sql.SQLException;

/**
 * A lock could not be acquired for a reason that is not a lost concurrency conflict, e.g. MySQL's 1206 "lock table
 * full" or 1207 "update locks cannot be acquired during a READ UNCOMMITTED transaction". Its subclass
 * {@link DbDeadlockException} is the one to retry. Still a Hibernate {@link LockAcquisitionException}.
 *
 * <pre>{@code
 * } catch (DbLockAcquisitionException e) {
 *     boolean retry = e.isDeadlock();                  // true only for DbDeadlockException
 * }
 * }</pre>
 */
public sealed class DbLockAcquisitionException extends LockAcquisitionException implements DbError
        permits DbDeadlockException {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbLockAcquisitionException(String message, SQLException cause, String sql, DbBackend backend) {
        super(message, cause, sql);
        this.backend = backend;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }
}

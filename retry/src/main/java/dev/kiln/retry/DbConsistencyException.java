package dev.kiln.retry;

import org.hibernate.exception.SnapshotIsolationException;

import java.sql.SQLException;

/**
 * MariaDB error 1020, "Record has changed since last read in table": with {@code innodb_snapshot_isolation} (the
 * default since MariaDB 11.6.2) a REPEATABLE READ transaction tried to lock a row that another transaction changed
 * after this one's snapshot. oslo.db's {@code DBConsistencyError}; like a deadlock, running the transaction again
 * may succeed, so {@link #isDeadlock()} is true.
 *
 * <p>It extends Hibernate's {@link SnapshotIsolationException} (incubating in Hibernate 7), the type Hibernate's
 * MariaDB dialect gives this error and that Jakarta Persistence turns into an {@code OptimisticLockException}.
 * <pre>{@code
 * } catch (DbConsistencyException e) {
 *     log.info("{} changed under us; retrying", e.getTable());
 * }
 * }</pre>
 */
public final class DbConsistencyException extends SnapshotIsolationException implements DbError {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;
    private final String table;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbConsistencyException(String message, SQLException cause, String sql, DbBackend backend, String table) {
        super(message, cause, sql);
        this.backend = backend;
        this.table = table;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }

    /** The table whose row changed, or null if the message did not say. */
    public String getTable() {
        return table;
    }

    @Override
    public boolean isDeadlock() {
        return true;
    }
}

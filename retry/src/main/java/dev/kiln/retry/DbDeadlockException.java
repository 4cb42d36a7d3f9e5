package dev.kiln.retry;

import java.sql.SQLException;

/**
 * The transaction lost a concurrency conflict and was rolled back: a deadlock (MySQL/MariaDB 1213, PostgreSQL 40P01,
 * H2 40001), a serialization failure (SQLState 40001, e.g. PostgreSQL REPEATABLE READ / SERIALIZABLE), or a Galera
 * certification failure ("Deadlock: wsrep aborted transaction", often raised at COMMIT). oslo.db's
 * {@code DBDeadlock}: run the whole transaction again. Still a Hibernate
 * {@link org.hibernate.exception.LockAcquisitionException}.
 *
 * <p>Lock wait timeouts are {@link DbLockTimeoutException} and MariaDB's "record has changed" is
 * {@link DbConsistencyException}: they cannot be subclasses of this class because Hibernate and Jakarta Persistence
 * give them other types (see {@link DbError}); all three answer {@link #isDeadlock()} with true.
 * <pre>{@code
 * for (int attempt = 1; ; attempt++) {
 *     try {
 *         sf.inTransaction(work);
 *         break;
 *     } catch (DbDeadlockException e) {
 *         if (attempt == 3) throw e;
 *     }
 * }
 * }</pre>
 */
public final class DbDeadlockException extends DbLockAcquisitionException {
    private static final long serialVersionUID = 1L;

    /** Which kind of conflict. */
    public enum Reason {
        /** A lock cycle that the server broke by rolling this transaction back. */
        DEADLOCK,
        /** The isolation level could not be honoured (SQLState 40001 without a deadlock, H2 90131). */
        SERIALIZATION_FAILURE,
        /** A Galera cluster aborted the transaction because a write set of another node conflicted. */
        CERTIFICATION_FAILURE
    }

    private final Reason reason;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbDeadlockException(String message, SQLException cause, String sql, DbBackend backend, Reason reason) {
        super(message, cause, sql, backend);
        this.reason = reason;
    }

    /** Which kind of conflict. */
    public Reason getReason() {
        return reason;
    }

    @Override
    public boolean isDeadlock() {
        return true;
    }
}

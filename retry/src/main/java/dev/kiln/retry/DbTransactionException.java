package dev.kiln.retry;

import org.hibernate.TransactionException;

import java.sql.SQLException;
import java.util.Objects;

/**
 * A JDBC BEGIN, COMMIT or ROLLBACK failed: Hibernate reports these as a {@link TransactionException} whose cause is
 * the driver's {@link SQLException}, and this subclass keeps exactly that (so code catching
 * {@code TransactionException} and Spring's transaction managers, which translate that cause, behave as before),
 * adding Kiln's translation of the error as {@link #getDbError()}. PostgreSQL serialization failures of SERIALIZABLE
 * transactions and Galera certification failures arrive here, as do connections lost while committing.
 *
 * <pre>{@code
 * try {
 *     tx.commit();
 * } catch (TransactionException e) {
 *     if (DbErrors.isDeadlock(e)) { retry(); }       // DbErrors.find looks inside DbTransactionException
 * }
 * }</pre>
 */
public final class DbTransactionException extends TransactionException {
    private static final long serialVersionUID = 1L;
    private final DbError dbError;

    /** Normally created by Kiln's Hibernate integration; public for custom integrations and tests. */
    public DbTransactionException(String message, SQLException cause, DbError dbError) {
        super(message, cause);
        this.dbError = Objects.requireNonNull(dbError, "dbError");
    }

    /** Kiln's translation of the driver's error (whose cause is that same SQLException). */
    public DbError getDbError() {
        return dbError;
    }
}

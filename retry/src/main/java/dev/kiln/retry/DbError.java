package dev.kiln.retry;

import org.hibernate.JDBCException;

import java.sql.SQLException;

/**
 * What every Kiln database exception is: the facts common to all of them, whatever Hibernate type it also is.
 *
 * <h2>Why an interface and not one root class</h2>
 * Every Kiln exception must stay an instance of the exception Hibernate itself would throw for the same error (a
 * duplicate entry is still an {@link org.hibernate.exception.ConstraintViolationException} of kind {@code UNIQUE}, a
 * deadlock still a {@link org.hibernate.exception.LockAcquisitionException}, ...), because existing {@code catch}
 * blocks, Jakarta Persistence's exception conversion and Spring's {@code HibernateExceptionTranslator} classify
 * errors purely by {@code instanceof} on those Hibernate classes. Java has single inheritance, so each Kiln class
 * extends its Hibernate class, and the common root can only be this interface. {@link DbException} is the class for
 * errors that no rule recognises; it is <em>not</em> the supertype of the others.
 *
 * <h2>The idiom to catch any Kiln database exception</h2>
 * A {@code catch} clause needs a class, and all Kiln exceptions are {@link JDBCException}s:
 * <pre>{@code
 * try {
 *     session.inTransaction(s -> s.persist(user));
 * } catch (DbDuplicateEntryException e) {              // the precise types can be caught directly
 *     throw new UserExists(e.getColumns(), e.getValues());
 * } catch (JDBCException e) {                          // any database error
 *     if (e instanceof DbError error && error.isDisconnect()) { ... }
 *     throw e;
 * }
 *
 * // Wherever the exception may be wrapped (JPA's PersistenceException/RollbackException, Spring's
 * // DataAccessException, a DbTransactionException when COMMIT itself failed), let DbErrors look:
 * DbErrors.find(throwable).filter(DbError::isDeadlock).ifPresent(e -> retry());
 * }</pre>
 *
 * <p>The interface is sealed: only Kiln's exception classes implement it, so {@link #asException()} is always safe.
 */
public sealed interface DbError permits DbException, DbConstraintViolationException, DbDataException,
        DbLockAcquisitionException, DbLockTimeoutException, DbConsistencyException, DbConnectionException,
        DbSqlGrammarException, DbQueryTimeoutException, DbAccessDeniedException {

    /** The driver's exception, unchanged (also the {@linkplain Throwable#getCause() cause}). */
    SQLException getSQLException();

    /** The SQLState of the driver's exception; may be null. */
    String getSQLState();

    /** The vendor error code of the driver's exception (0 if the driver gives none). */
    int getErrorCode();

    /** The SQL that failed, when known (Hibernate passes it; standalone callers may). */
    String getSQL();

    /** The message: Hibernate's context (e.g. {@code could not execute statement}) and the driver's message. */
    String getMessage();

    /** The backend whose rules read the error. */
    DbBackend getBackend();

    /**
     * True if the connection is gone (lost, killed by the server, or never established): the transaction on it is
     * lost, and only a new connection can go on. Retry and replay decisions start here.
     */
    default boolean isDisconnect() {
        return false;
    }

    /**
     * True if the unit of work lost a concurrency conflict and running the whole transaction again may succeed: a
     * deadlock, a serialization failure, a Galera certification failure, a lock wait timeout, or MariaDB's
     * "record has changed since last read". This is oslo.db's {@code DBDeadlock} classification.
     */
    default boolean isDeadlock() {
        return false;
    }

    /** This error as the exception it is, to throw it: {@code throw DbErrors.translate(e, backend).asException();} */
    default JDBCException asException() {
        return (JDBCException) this;
    }
}

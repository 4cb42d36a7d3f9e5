package dev.kiln.retry.internal.errors;

import dev.kiln.retry.DbAccessDeniedException;
import dev.kiln.retry.DbBackend;
import dev.kiln.retry.DbCheckViolationException;
import dev.kiln.retry.DbConnectionException;
import dev.kiln.retry.DbConsistencyException;
import dev.kiln.retry.DbConstraintViolationException;
import dev.kiln.retry.DbDataException;
import dev.kiln.retry.DbDeadlockException;
import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.DbError;
import dev.kiln.retry.DbException;
import dev.kiln.retry.DbLockAcquisitionException;
import dev.kiln.retry.DbLockTimeoutException;
import dev.kiln.retry.DbNonExistentConstraintException;
import dev.kiln.retry.DbNonExistentDatabaseException;
import dev.kiln.retry.DbNonExistentTableException;
import dev.kiln.retry.DbNotNullViolationException;
import dev.kiln.retry.DbNotSupportedException;
import dev.kiln.retry.DbQueryTimeoutException;
import dev.kiln.retry.DbReferenceException;
import dev.kiln.retry.DbSqlGrammarException;
import org.hibernate.JDBCException;
import org.hibernate.QueryTimeoutException;
import org.hibernate.exception.AuthException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.DataException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.exception.LockTimeoutException;
import org.hibernate.exception.SQLGrammarException;
import org.hibernate.exception.SnapshotIsolationException;

import java.sql.SQLException;

/** Turns {@link ErrorFacts} into the Kiln exception of that kind. Pure; never throws for any facts. */
public final class ExceptionFactory {
    private ExceptionFactory() {
    }

    /** The Kiln exception for {@code f}; {@link DbException} for {@link ErrorKind#UNKNOWN}. */
    public static DbError create(ErrorFacts f, String message, SQLException e, String sql, DbBackend backend) {
        return switch (f.kind) {
            case UNIQUE -> new DbDuplicateEntryException(message, e, sql, backend, f.constraint, f.reportedConstraint,
                    f.table, f.columns, f.values);
            case FOREIGN_KEY -> new DbReferenceException(message, e, sql, backend, f.constraint, f.reportedConstraint,
                    f.violation, f.table, f.columns, f.referencedTable, f.referencedColumns, f.values);
            case CHECK -> new DbCheckViolationException(message, e, sql, backend, f.constraint, f.reportedConstraint,
                    f.table);
            case NOT_NULL -> new DbNotNullViolationException(message, e, sql, backend, f.reportedColumn, f.table,
                    f.column);
            case CONSTRAINT_OTHER -> new DbConstraintViolationException(message, e, sql, backend, ConstraintKind.OTHER,
                    f.constraint, f.reportedConstraint, f.table);
            case DATA -> new DbDataException(message, e, sql, backend, f.dataProblem, f.table, f.column, f.value);
            case DEADLOCK -> new DbDeadlockException(message, e, sql, backend, f.deadlockReason);
            case LOCK_TIMEOUT -> new DbLockTimeoutException(message, e, sql, backend);
            case LOCK_OTHER -> new DbLockAcquisitionException(message, e, sql, backend);
            case CONSISTENCY -> new DbConsistencyException(message, e, sql, backend, f.table);
            case CONNECTION -> new DbConnectionException(message, e, sql, backend, f.refused);
            case NON_EXISTENT_TABLE -> new DbNonExistentTableException(message, e, sql, backend, f.table);
            case NON_EXISTENT_DATABASE -> new DbNonExistentDatabaseException(message, e, sql, backend, f.database);
            case NON_EXISTENT_CONSTRAINT -> new DbNonExistentConstraintException(message, e, sql, backend, f.table,
                    f.reportedConstraint);
            case NOT_SUPPORTED -> new DbNotSupportedException(message, e, sql, backend);
            case GRAMMAR -> new DbSqlGrammarException(message, e, sql, backend);
            case QUERY_TIMEOUT -> new DbQueryTimeoutException(message, e, sql, backend);
            case ACCESS_DENIED -> new DbAccessDeniedException(message, e, sql, backend);
            case UNKNOWN -> new DbException(message, e, sql, backend);
        };
    }

    /**
     * The kind matching the class Hibernate chose for an error no Kiln rule recognised, so that the Kiln exception is
     * still an instance of it; null for a class Kiln has no counterpart for (the Hibernate exception is then kept).
     * Subclasses are tested before their superclasses.
     */
    public static ErrorKind kindOf(JDBCException hibernate) {
        if (hibernate instanceof ConstraintViolationException cve) {
            return switch (cve.getKind()) {
                case UNIQUE -> ErrorKind.UNIQUE;
                case FOREIGN_KEY -> ErrorKind.FOREIGN_KEY;
                case CHECK -> ErrorKind.CHECK;
                case NOT_NULL -> ErrorKind.NOT_NULL;
                case OTHER -> ErrorKind.CONSTRAINT_OTHER;
            };
        }
        if (hibernate instanceof LockTimeoutException) {
            return ErrorKind.LOCK_TIMEOUT;
        }
        if (hibernate instanceof LockAcquisitionException) {
            return ErrorKind.LOCK_OTHER;
        }
        if (hibernate instanceof SnapshotIsolationException) {
            return ErrorKind.CONSISTENCY;
        }
        if (hibernate instanceof JDBCConnectionException) {
            return ErrorKind.CONNECTION;
        }
        if (hibernate instanceof DataException) {
            return ErrorKind.DATA;
        }
        if (hibernate instanceof SQLGrammarException) {
            return ErrorKind.GRAMMAR;
        }
        if (hibernate instanceof QueryTimeoutException) {
            return ErrorKind.QUERY_TIMEOUT;
        }
        if (hibernate instanceof AuthException) {
            return ErrorKind.ACCESS_DENIED;
        }
        if (hibernate.getClass() == GenericJDBCException.class || hibernate.getClass() == JDBCException.class) {
            return ErrorKind.UNKNOWN;
        }
        return null;
    }
}

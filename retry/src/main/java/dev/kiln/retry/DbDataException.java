package dev.kiln.retry;

import org.hibernate.exception.DataException;

import java.sql.SQLException;

/**
 * A value did not fit its column or type: too long, out of range, truncated, or not a valid value of the type.
 * oslo.db's {@code DBDataError}. Still a Hibernate {@link DataException}.
 *
 * <pre>{@code
 * } catch (DbDataException e) {
 *     if (e.getProblem() == DbDataException.Problem.TOO_LONG) {
 *         throw new FieldTooLong(e.getColumn());       // null on PostgreSQL, which does not name the column
 *     }
 *     throw e;
 * }
 * }</pre>
 */
public final class DbDataException extends DataException implements DbError {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the value. */
    public enum Problem {
        /** A string or binary value longer than the column (MySQL 1406, SQLState 22001). */
        TOO_LONG,
        /** A number outside the range of the column's type (MySQL 1264, SQLState 22003, H2 22004). */
        OUT_OF_RANGE,
        /** The value was cut to fit (MySQL 1265 "Data truncated"). */
        TRUNCATED,
        /** Not a valid value of the type: bad number, date or text representation (MySQL 1366/1292, 22007/22008/22018/22P02). */
        INCORRECT_VALUE,
        /** Division by zero (SQLState 22012, MySQL 1365). */
        DIVISION_BY_ZERO,
        /** Another data error (SQLState class 22 or a driver data exception). */
        OTHER
    }

    private final DbBackend backend;
    private final Problem problem;
    private final String table;
    private final String column;
    private final String value;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbDataException(String message, SQLException cause, String sql, DbBackend backend, Problem problem,
                           String table, String column, String value) {
        super(message, cause, sql);
        this.backend = backend;
        this.problem = problem;
        this.table = table;
        this.column = column;
        this.value = value;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }

    /** What was wrong. */
    public Problem getProblem() {
        return problem;
    }

    /** The table, when the backend names it (MariaDB's 1366/1292 messages do); otherwise null. */
    public String getTable() {
        return table;
    }

    /** The column, when the backend names it (MySQL, MariaDB, H2; not PostgreSQL); otherwise null. */
    public String getColumn() {
        return column;
    }

    /** The offending value as the backend printed it, when it does; otherwise null. */
    public String getValue() {
        return value;
    }
}

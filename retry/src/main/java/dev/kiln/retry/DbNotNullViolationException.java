package dev.kiln.retry;

import java.sql.SQLException;

/**
 * A NULL was written to a NOT NULL column (or, on MySQL, a column without a default was left out). Still an
 * {@link org.hibernate.exception.ConstraintViolationException} of kind {@code NOT_NULL}; as in Hibernate, the
 * constraint name is the column name.
 *
 * <pre>{@code
 * } catch (DbNotNullViolationException e) {
 *     throw new MissingField(e.getColumn());
 * }
 * }</pre>
 */
public final class DbNotNullViolationException extends DbConstraintViolationException {
    private static final long serialVersionUID = 1L;
    private final String column;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbNotNullViolationException(String message, SQLException cause, String sql, DbBackend backend,
                                       String reportedColumn, String table, String column) {
        super(message, cause, sql, backend, ConstraintKind.NOT_NULL, column, reportedColumn, table);
        this.column = column;
    }

    /** The column, as declared in the mapping when known, else as the backend reports it; null if unknown. */
    public String getColumn() {
        return column;
    }
}

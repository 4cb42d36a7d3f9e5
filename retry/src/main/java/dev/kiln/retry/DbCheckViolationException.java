package dev.kiln.retry;

import java.sql.SQLException;

/**
 * A check constraint was violated: oslo.db's {@code DBConstraintError(table, check_name)}. The check's name is
 * {@link #getConstraintName()}. Still an {@link org.hibernate.exception.ConstraintViolationException} of kind
 * {@code CHECK}.
 *
 * <pre>{@code
 * } catch (DbCheckViolationException e) {
 *     throw new InvalidQuantity(e.getTable(), e.getConstraintName());
 * }
 * }</pre>
 */
public final class DbCheckViolationException extends DbConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbCheckViolationException(String message, SQLException cause, String sql, DbBackend backend,
                                     String constraintName, String reportedConstraintName, String table) {
        super(message, cause, sql, backend, ConstraintKind.CHECK, constraintName, reportedConstraintName, table);
    }
}

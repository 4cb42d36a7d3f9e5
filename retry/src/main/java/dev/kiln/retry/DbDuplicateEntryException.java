package dev.kiln.retry;

import java.sql.SQLException;
import java.util.List;

/**
 * A unique or primary key constraint was violated: oslo.db's {@code DBDuplicateEntry}. Still an
 * {@link org.hibernate.exception.ConstraintViolationException} of kind {@code UNIQUE}.
 *
 * <pre>{@code
 * try {
 *     sf.inTransaction(s -> s.persist(new FloatingIp("10.0.0.1")));
 * } catch (DbDuplicateEntryException e) {
 *     if (e.getColumns().contains("address")) {
 *         throw new AddressInUse(e.getValues());
 *     }
 *     throw e;
 * }
 * }</pre>
 */
public final class DbDuplicateEntryException extends DbConstraintViolationException {
    private static final long serialVersionUID = 1L;
    private final List<String> columns;
    private final List<String> values;

    /**
     * Normally created by Kiln's translator; public for custom integrations and tests.
     *
     * @param columns the key columns in declared order (empty if unknown)
     * @param values the duplicate values in the order of {@code columns}, as text (empty if the backend does not say)
     */
    public DbDuplicateEntryException(String message, SQLException cause, String sql, DbBackend backend,
                                     String constraintName, String reportedConstraintName, String table,
                                     List<String> columns, List<String> values) {
        super(message, cause, sql, backend, ConstraintKind.UNIQUE, constraintName, reportedConstraintName, table);
        this.columns = List.copyOf(columns);
        this.values = List.copyOf(values);
    }

    /** The columns of the violated key in declared order; empty if neither the error nor the metadata tell. */
    public List<String> getColumns() {
        return columns;
    }

    /**
     * The duplicate value of each column, as the backend printed it, in the order of {@link #getColumns()}; empty
     * when the backend does not report them (H2 for a primary key, MySQL when a value contains the separator {@code -}
     * ambiguously).
     */
    public List<String> getValues() {
        return values;
    }
}

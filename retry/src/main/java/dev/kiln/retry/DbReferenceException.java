package dev.kiln.retry;

import java.sql.SQLException;
import java.util.List;

/**
 * A foreign key constraint was violated, in either direction: a child row names a parent that does not exist, or a
 * parent row that is still referenced is deleted or its key changed. oslo.db's {@code DBReferenceError}. Still an
 * {@link org.hibernate.exception.ConstraintViolationException} of kind {@code FOREIGN_KEY}.
 *
 * <pre>{@code
 * } catch (DbReferenceException e) {
 *     if (e.getViolation() == DbReferenceException.Violation.STILL_REFERENCED) {
 *         throw new InUse(e.getReferencedTable() + " is still used by " + e.getTable());
 *     }
 *     throw new NoSuchParent(e.getReferencedTable(), e.getValues());
 * }
 * }</pre>
 */
public final class DbReferenceException extends DbConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /** Which side of the reference broke. */
    public enum Violation {
        /** An insert or update of the referencing (child) row names a key that the referenced table does not have. */
        PARENT_MISSING,
        /** A delete or key update of the referenced (parent) row would leave referencing rows dangling. */
        STILL_REFERENCED,
        /** The backend did not say. */
        UNKNOWN
    }

    private final Violation violation;
    private final List<String> columns;
    private final String referencedTable;
    private final List<String> referencedColumns;
    private final List<String> values;

    /**
     * Normally created by Kiln's translator; public for custom integrations and tests.
     *
     * @param table the referencing (child) table
     * @param columns the referencing key columns
     * @param referencedTable the referenced (parent) table
     * @param referencedColumns the referenced key columns
     * @param values the key values, as text, when the backend reports them
     */
    public DbReferenceException(String message, SQLException cause, String sql, DbBackend backend,
                                String constraintName, String reportedConstraintName, Violation violation,
                                String table, List<String> columns, String referencedTable,
                                List<String> referencedColumns, List<String> values) {
        super(message, cause, sql, backend, ConstraintKind.FOREIGN_KEY, constraintName, reportedConstraintName, table);
        this.violation = violation;
        this.columns = List.copyOf(columns);
        this.referencedTable = referencedTable;
        this.referencedColumns = List.copyOf(referencedColumns);
        this.values = List.copyOf(values);
    }

    /** Whether the parent is missing or still referenced. */
    public Violation getViolation() {
        return violation;
    }

    /** The foreign key columns of the referencing table ({@link #getTable()}); empty if unknown. */
    public List<String> getColumns() {
        return columns;
    }

    /** The referenced (parent) table, or null if unknown. */
    public String getReferencedTable() {
        return referencedTable;
    }

    /** The referenced key columns of {@link #getReferencedTable()}; empty if unknown. */
    public List<String> getReferencedColumns() {
        return referencedColumns;
    }

    /** The key values that broke the reference, as text; empty when the backend does not report them (MySQL). */
    public List<String> getValues() {
        return values;
    }
}

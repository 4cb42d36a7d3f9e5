package dev.kiln.retry;

import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;

/**
 * An integrity constraint was violated. The subclasses say which kind; this class itself is used for the kinds
 * Hibernate calls {@link ConstraintKind#OTHER} (e.g. a PostgreSQL exclusion constraint).
 *
 * <p>{@link #getConstraintName()} is the name as declared in the mapping or DDL, not the backend's spelling of it (H2
 * reports {@code uk_x} as {@code PUBLIC.UK_X_INDEX_1}, MySQL 8 as {@code table.uk_x});
 * {@link #getReportedConstraintName()} keeps the backend's spelling.
 * <pre>{@code
 * } catch (DbConstraintViolationException e) {
 *     log.info("{} violated on {}", e.getConstraintName(), e.getTable());
 * }
 * }</pre>
 */
public sealed class DbConstraintViolationException extends ConstraintViolationException implements DbError
        permits DbDuplicateEntryException, DbReferenceException, DbCheckViolationException,
        DbNotNullViolationException {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;
    private final String reportedConstraintName;
    private final String table;

    /**
     * Normally created by Kiln's translator; public for custom integrations and tests.
     *
     * @param constraintName the declared (normalized) name, or null if unknown
     * @param reportedConstraintName the name as the backend reported it, or null
     * @param table the table that holds the constraint, or null if unknown
     */
    public DbConstraintViolationException(String message, SQLException cause, String sql, DbBackend backend,
                                          ConstraintKind kind, String constraintName, String reportedConstraintName,
                                          String table) {
        super(message, cause, sql, kind, constraintName);
        this.backend = backend;
        this.reportedConstraintName = reportedConstraintName;
        this.table = table;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }

    /** The constraint name exactly as the backend reported it (before normalization), or null. */
    public String getReportedConstraintName() {
        return reportedConstraintName;
    }

    /**
     * The table that holds the constraint (for a foreign key, the referencing table), as declared in the mapping when
     * known, else as the backend reports it; null if neither the error nor the metadata tell.
     */
    public String getTable() {
        return table;
    }
}

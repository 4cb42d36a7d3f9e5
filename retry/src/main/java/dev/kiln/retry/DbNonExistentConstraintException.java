package dev.kiln.retry;

import java.sql.SQLException;

/**
 * A DDL statement names a constraint or index that does not exist (MySQL/MariaDB 1091, PostgreSQL 42704 for a
 * constraint, H2 90057). oslo.db's {@code DBNonExistentConstraint}.
 *
 * <pre>{@code
 * try {
 *     session.doWork(c -> c.createStatement().execute("ALTER TABLE t DROP CONSTRAINT uk_old"));
 * } catch (DbNonExistentConstraintException e) {
 *     log.info("{} already gone", e.getConstraintName());
 * }
 * }</pre>
 */
public final class DbNonExistentConstraintException extends DbSqlGrammarException {
    private static final long serialVersionUID = 1L;
    private final String table;
    private final String constraintName;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbNonExistentConstraintException(String message, SQLException cause, String sql, DbBackend backend,
                                            String table, String constraintName) {
        super(message, cause, sql, backend);
        this.table = table;
        this.constraintName = constraintName;
    }

    /** The table, when the message names it (PostgreSQL does); otherwise null. */
    public String getTable() {
        return table;
    }

    /** The constraint or index name as the backend reports it; null if the message does not say. */
    public String getConstraintName() {
        return constraintName;
    }
}

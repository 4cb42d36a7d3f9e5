package dev.kiln.retry;

import java.sql.SQLException;

/**
 * The statement names a table (or view) that does not exist: MySQL/MariaDB 1146, PostgreSQL 42P01, H2 42102-42104.
 * oslo.db's {@code DBNonExistentTable}.
 *
 * <pre>{@code
 * } catch (DbNonExistentTableException e) {
 *     throw new IllegalStateException("Run the migrations: table " + e.getTable() + " is missing", e);
 * }
 * }</pre>
 */
public final class DbNonExistentTableException extends DbSqlGrammarException {
    private static final long serialVersionUID = 1L;
    private final String table;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbNonExistentTableException(String message, SQLException cause, String sql, DbBackend backend, String table) {
        super(message, cause, sql, backend);
        this.table = table;
    }

    /** The missing table as the backend names it (without the schema qualifier); null if the message does not say. */
    public String getTable() {
        return table;
    }
}

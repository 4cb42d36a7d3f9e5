package dev.kiln.retry;

import java.sql.SQLException;

/**
 * The database does not exist, usually when connecting: MySQL/MariaDB 1049, PostgreSQL 3D000, H2 90013/90146.
 * oslo.db's {@code DBNonExistentDatabase}.
 *
 * <pre>{@code
 * } catch (DbNonExistentDatabaseException e) {
 *     throw new IllegalStateException("Create database " + e.getDatabase() + " first", e);
 * }
 * }</pre>
 */
public final class DbNonExistentDatabaseException extends DbSqlGrammarException {
    private static final long serialVersionUID = 1L;
    private final String database;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbNonExistentDatabaseException(String message, SQLException cause, String sql, DbBackend backend,
                                          String database) {
        super(message, cause, sql, backend);
        this.database = database;
    }

    /** The missing database's name as the backend reports it; null if the message does not say. */
    public String getDatabase() {
        return database;
    }
}

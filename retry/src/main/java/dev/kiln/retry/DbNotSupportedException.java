package dev.kiln.retry;

import java.sql.SQLException;

/**
 * The backend does not support what the statement asks for: MySQL/MariaDB 1235 ("This version of ... doesn't yet
 * support"), SQLState 0A000 (PostgreSQL, H2) and H2 50100. oslo.db's {@code DBNotSupportedError}.
 *
 * <pre>{@code
 * } catch (DbNotSupportedException e) {
 *     return fallbackQueryWithoutLimitInSubquery();
 * }
 * }</pre>
 */
public final class DbNotSupportedException extends DbSqlGrammarException {
    private static final long serialVersionUID = 1L;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbNotSupportedException(String message, SQLException cause, String sql, DbBackend backend) {
        super(message, cause, sql, backend);
    }
}

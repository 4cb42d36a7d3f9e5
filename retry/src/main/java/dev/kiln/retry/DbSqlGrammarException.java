package dev.kiln.retry;

import org.hibernate.exception.SQLGrammarException;

import java.sql.SQLException;

/**
 * The SQL was not accepted: a syntax error, an unknown column or function, or another error Hibernate files as SQL
 * grammar (SQLState classes 42, 2A, 37, ...). The subclasses name the cases Kiln recognises: a table, database or
 * constraint that does not exist, or a feature the backend does not support. Still a Hibernate
 * {@link SQLGrammarException}.
 *
 * <pre>{@code
 * } catch (DbSqlGrammarException e) {
 *     log.error("bad SQL [{}]", e.getSQL(), e);
 * }
 * }</pre>
 */
public sealed class DbSqlGrammarException extends SQLGrammarException implements DbError
        permits DbNonExistentTableException, DbNonExistentDatabaseException, DbNonExistentConstraintException,
        DbNotSupportedException {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbSqlGrammarException(String message, SQLException cause, String sql, DbBackend backend) {
        super(message, cause, sql);
        this.backend = backend;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }
}

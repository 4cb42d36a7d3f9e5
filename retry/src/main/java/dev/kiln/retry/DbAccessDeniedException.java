package dev.kiln.retry;

import org.hibernate.exception.AuthException;

import java.sql.SQLException;

/**
 * Authentication failed or a privilege is missing: SQLState class 28 (MySQL/MariaDB 1045, PostgreSQL 28P01) and
 * 42501 (PostgreSQL "permission denied"). Still a Hibernate {@link AuthException}. MySQL reports missing grants
 * (1044, 1142) with SQLState 42000, which Hibernate files as SQL grammar; Kiln keeps that type for them.
 *
 * <pre>{@code
 * } catch (DbAccessDeniedException e) {
 *     throw new IllegalStateException("Check the database user's grants", e);
 * }
 * }</pre>
 */
public final class DbAccessDeniedException extends AuthException implements DbError {
    private static final long serialVersionUID = 1L;
    private final DbBackend backend;

    /** Normally created by Kiln's translator; public for custom integrations and tests. */
    public DbAccessDeniedException(String message, SQLException cause, String sql, DbBackend backend) {
        super(message, cause, sql);
        this.backend = backend;
    }

    @Override
    public DbBackend getBackend() {
        return backend;
    }
}

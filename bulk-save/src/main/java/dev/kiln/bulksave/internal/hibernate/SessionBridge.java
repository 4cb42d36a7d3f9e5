package dev.kiln.bulksave.internal.hibernate;

import dev.kiln.bulksave.internal.SqlFlavor;
import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.sql.SQLException;

/**
 * Adapter over Hibernate's session SPI ({@code SharedSessionContractImplementor}, {@code Dialect},
 * {@code SqlExceptionHelper}): unwraps a {@code Session} or {@code StatelessSession}, tells which SQL flavor the
 * dialect speaks, and converts JDBC errors through the SessionFactory's exception converter (so Kiln's exception
 * rewriting, when installed, applies to bulk errors exactly as to Hibernate's own).
 */
public final class SessionBridge {
    private SessionBridge() {
    }

    /** The implementor behind a {@code Session} or {@code StatelessSession} (also when proxied by Spring/JPA). */
    public static SharedSessionContractImplementor implementor(SharedSessionContract session) {
        if (session == null) {
            throw new IllegalArgumentException("session is null");
        }
        if (session instanceof SharedSessionContractImplementor implementor) {
            return implementor;
        }
        if (session instanceof Session s) {
            return s.unwrap(SharedSessionContractImplementor.class);
        }
        throw new IllegalArgumentException("Not a Hibernate session: " + session.getClass().getName());
    }

    /** True for a stateful {@code Session} (one with a persistence context). */
    public static boolean isStateful(SharedSessionContractImplementor session) {
        return !session.isStateless();
    }

    public static SqlFlavor flavor(SharedSessionContractImplementor session) {
        Dialect dialect = session.getJdbcServices().getDialect();
        if (dialect instanceof MySQLDialect) {      // MariaDBDialect extends MySQLDialect
            return SqlFlavor.MYSQL;
        }
        if (dialect instanceof PostgreSQLDialect) {
            return SqlFlavor.POSTGRESQL;
        }
        if (dialect instanceof H2Dialect) {
            return SqlFlavor.H2;
        }
        return SqlFlavor.OTHER;
    }

    /** Converts like Hibernate does for its own statements: the result is rewritten by any installed converter. */
    public static JDBCException convert(SharedSessionContractImplementor session, SQLException e, String message, String sql) {
        return session.getJdbcServices().getSqlExceptionHelper().convert(e, message, sql);
    }
}

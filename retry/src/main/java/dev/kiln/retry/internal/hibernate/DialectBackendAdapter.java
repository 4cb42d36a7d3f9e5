package dev.kiln.retry.internal.hibernate;

import dev.kiln.retry.DbBackend;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;

/** Maps Hibernate's dialect classes to Kiln's backends (subclasses included, e.g. the fixtures' MariaDB dialect). */
public final class DialectBackendAdapter {
    private DialectBackendAdapter() {
    }

    /** The backend of {@code dialect}; {@link DbBackend#OTHER} for dialects Kiln has no rule set for. */
    public static DbBackend backendOf(Dialect dialect) {
        if (dialect instanceof H2Dialect) {
            return DbBackend.H2;
        }
        if (dialect instanceof MariaDBDialect) {            // before MySQL: MariaDBDialect extends MySQLDialect
            return DbBackend.MARIADB;
        }
        if (dialect instanceof MySQLDialect) {
            return DbBackend.MYSQL;
        }
        if (dialect instanceof PostgreSQLDialect) {
            return DbBackend.POSTGRESQL;
        }
        return DbBackend.OTHER;
    }
}

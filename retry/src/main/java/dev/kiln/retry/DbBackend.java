package dev.kiln.retry;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The database a {@link DbError} came from. It selects the rule set that reads the driver's error: vendor codes,
 * SQLStates and message formats differ per backend, and MySQL and MariaDB differ from each other in a few codes.
 *
 * <pre>{@code
 * DbError error = DbErrors.translate(sqlException, DbBackend.POSTGRESQL);
 * DbBackend guessed = DbBackend.detect(sqlException);   // from the driver's exception class, OTHER if unknown
 * }</pre>
 *
 * <p>Kiln's own backend type: {@code kiln-retry} does not depend on the test fixtures, and Hibernate's dialects are
 * classes, not a closed set.
 */
public enum DbBackend {
    /** H2 2.3 and 2.4 (both message formats are understood). */
    H2,
    /** MySQL 8 and newer, through mysql-connector-j or MariaDB Connector/J. */
    MYSQL,
    /** MariaDB 10.11 and newer (Galera clusters included), through mysql-connector-j or MariaDB Connector/J. */
    MARIADB,
    /** PostgreSQL, through pgjdbc. */
    POSTGRESQL,
    /** Any other database: only the standard SQLState classes and JDBC exception types are used. */
    OTHER;

    /** True for MySQL and MariaDB, which share most error codes and messages. */
    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /**
     * Guesses the backend from the driver that created {@code e}: the exception's class or, since mysql-connector-j
     * and MariaDB Connector/J throw the JDK's own {@code java.sql} classes, the classes in the first frames of its
     * stack trace ({@code org.h2}, {@code org.postgresql}, {@code org.mariadb.jdbc}, {@code com.mysql}). Causes are
     * looked at too. mysql-connector-j talking to a MariaDB server is reported as {@link #MYSQL}: pass
     * {@link #MARIADB} explicitly where it matters (the MariaDB-only codes such as 1927 and 4025 are understood under
     * both). Meant for setting a translator up, not for every error: reading a stack trace is not free.
     *
     * @return the backend, or {@link #OTHER} if {@code e} is null or the driver is not recognised; never throws
     */
    public static DbBackend detect(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause() == t ? null : t.getCause()) {
            DbBackend b = fromClassName(t.getClass().getName());
            StackTraceElement[] frames = b == OTHER ? t.getStackTrace() : new StackTraceElement[0];
            for (int i = 0; b == OTHER && i < Math.min(frames.length, 12); i++) {
                b = fromClassName(frames[i].getClassName());
            }
            if (b != OTHER) {
                return b;
            }
        }
        return OTHER;
    }

    private static DbBackend fromClassName(String name) {
        if (name.startsWith("org.h2.")) {
            return H2;
        }
        if (name.startsWith("org.postgresql.")) {
            return POSTGRESQL;
        }
        if (name.startsWith("org.mariadb.jdbc.")) {
            return MARIADB;
        }
        if (name.startsWith("com.mysql.")) {
            return MYSQL;
        }
        return OTHER;
    }

    /**
     * Maps a JDBC URL prefix ({@code jdbc:h2:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:})
     * to a backend; {@link #OTHER} for anything else, including null.
     */
    public static DbBackend fromJdbcUrl(String jdbcUrl) {
        String u = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mariadb:")) {
            return MARIADB;
        }
        if (u.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        return OTHER;
    }
}

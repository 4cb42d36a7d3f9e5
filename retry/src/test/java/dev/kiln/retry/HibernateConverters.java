package dev.kiln.retry;

import org.hibernate.dialect.Dialect;
import org.hibernate.exception.internal.SQLExceptionTypeDelegate;
import org.hibernate.exception.internal.SQLStateConversionDelegate;
import org.hibernate.exception.internal.StandardSQLExceptionConverter;
import org.hibernate.exception.spi.SQLExceptionConverter;

/** Plain Hibernate's conversion for a dialect, assembled as {@code JdbcEnvironmentImpl} does (tests only). */
final class HibernateConverters {
    private HibernateConverters() {
    }

    static SQLExceptionConverter of(Dialect dialect) {
        return new StandardSQLExceptionConverter(dialect.buildSQLExceptionConversionDelegate(),
                new SQLExceptionTypeDelegate(dialect), new SQLStateConversionDelegate(dialect));
    }
}

package dev.kiln.retry.internal.hibernate;

import dev.kiln.retry.ConstraintCatalog;
import dev.kiln.retry.DbBackend;
import dev.kiln.retry.internal.errors.ErrorClassifier;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.exception.spi.SQLExceptionConverter;

/**
 * The one place that touches Hibernate's {@link SqlExceptionHelper}: every SQLException Hibernate converts (statements,
 * batches, connection acquisition and release, {@code Session#doWork}) goes through the helper of the service
 * registry's {@code JdbcEnvironment}, whose converter is replaceable through the public
 * {@link SqlExceptionHelper#setSqlExceptionConverter}.
 */
public final class SqlExceptionHelperAdapter {
    private SqlExceptionHelperAdapter() {
    }

    /**
     * Wraps the helper's converter with Kiln's. Idempotent: a helper that already has Kiln's converter (a second
     * SessionFactory on the same registry) keeps it, learning the new mapping's constraints.
     */
    public static void install(JdbcServices jdbcServices, DbBackend backend, ConstraintCatalog catalog) {
        SqlExceptionHelper helper = jdbcServices.getSqlExceptionHelper();
        SQLExceptionConverter current = helper.getSqlExceptionConverter();
        if (current instanceof KilnSqlExceptionConverter kiln) {
            helper.setSqlExceptionConverter(kiln.withMoreConstraints(catalog));
        } else {
            helper.setSqlExceptionConverter(new KilnSqlExceptionConverter(new ErrorClassifier(backend, catalog), current));
        }
    }

    /** Puts Hibernate's own converter back, if Kiln's is installed. */
    public static void uninstall(JdbcServices jdbcServices) {
        SqlExceptionHelper helper = jdbcServices.getSqlExceptionHelper();
        if (helper.getSqlExceptionConverter() instanceof KilnSqlExceptionConverter kiln) {
            helper.setSqlExceptionConverter(kiln.original());
        }
    }

    /** Kiln's converter if installed on this registry, else null. */
    public static KilnSqlExceptionConverter installed(JdbcServices jdbcServices) {
        return jdbcServices.getSqlExceptionHelper().getSqlExceptionConverter() instanceof KilnSqlExceptionConverter kiln
                ? kiln : null;
    }
}

package dev.kiln.retry.internal.hibernate;

import dev.kiln.retry.ConstraintCatalog;
import dev.kiln.retry.DbBackend;
import dev.kiln.retry.RetrySettings;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Installs Kiln's exception rewriting into every SessionFactory, found through {@code ServiceLoader} (Hibernate's
 * public {@link Integrator} SPI): it reads the mapping's constraints and wraps the converter of the registry's
 * {@code SqlExceptionHelper}. Turned off by {@link RetrySettings#EXCEPTION_REWRITING}{@code =false}. COMMIT and
 * ROLLBACK failures, which do not pass through that helper, are handled by {@link TransactionCoordinatorAdapter}.
 */
public final class KilnIntegrator implements Integrator {
    private static final Logger LOG = Logger.getLogger(KilnIntegrator.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Map<String, Object> settings = sessionFactory.getProperties();
        if (!KilnSettings.rewriting(settings)) {
            return;
        }
        JdbcServices jdbc = sessionFactory.getJdbcServices();
        DbBackend backend = DialectBackendAdapter.backendOf(jdbc.getDialect());
        ConstraintCatalog catalog = MappingConstraintsAdapter.catalogOf(metadata);
        if (KilnSettings.constraintsFromDatabase(settings)) {
            catalog = catalog.merge(fromDatabase(jdbc, backend));
        }
        SqlExceptionHelperAdapter.install(jdbc, backend, catalog);
    }

    /** One INFORMATION_SCHEMA read at startup; a failure only costs the columns of unmapped constraints. */
    private static ConstraintCatalog fromDatabase(JdbcServices jdbc, DbBackend backend) {
        JdbcConnectionAccess access = jdbc.getBootstrapJdbcConnectionAccess();
        try {
            Connection c = access.obtainConnection();
            try {
                return ConstraintCatalog.load(c, backend);
            } finally {
                access.releaseConnection(c);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Kiln could not read the schema's constraints (" + RetrySettings.CONSTRAINTS_FROM_DATABASE
                    + "=true); errors on constraints the mapping does not declare will lack their columns", e);
            return ConstraintCatalog.empty();
        }
    }
}

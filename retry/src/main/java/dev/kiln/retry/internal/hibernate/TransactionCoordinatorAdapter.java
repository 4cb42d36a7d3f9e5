package dev.kiln.retry.internal.hibernate;

import dev.kiln.retry.DbError;
import dev.kiln.retry.DbTransactionException;
import org.hibernate.JDBCException;
import org.hibernate.TransactionException;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.resource.transaction.spi.IsolationDelegate;
import org.hibernate.resource.transaction.spi.TransactionObserver;
import org.hibernate.jpa.spi.JpaCompliance;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.hibernate.resource.transaction.internal.TransactionCoordinatorBuilderInitiator;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.resource.transaction.spi.SynchronizationRegistry;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorOwner;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.tool.schema.internal.exec.JdbcContext;

import java.sql.SQLException;
import java.util.Map;

/**
 * Rewrites errors of JDBC COMMIT, ROLLBACK and BEGIN, which Hibernate wraps in a {@link TransactionException} without
 * passing them through the {@code SqlExceptionHelper}: PostgreSQL serialization failures of SERIALIZABLE transactions
 * and Galera certification failures surface exactly there.
 *
 * <p>It decorates the resource-local {@link TransactionCoordinatorBuilder} (a registry service whose standard initiator,
 * {@code TransactionCoordinatorBuilderInitiator}, is a Hibernate internal used here and only here). The exception
 * becomes a {@link DbTransactionException}: still a {@link TransactionException} with the driver's SQLException as
 * cause (what catch blocks and Spring's transaction managers rely on), plus Kiln's translation; {@code DbErrors.find}
 * sees it. JTA coordinators are left alone: their failures come from the transaction manager, not from JDBC.
 */
public final class TransactionCoordinatorAdapter {
    private TransactionCoordinatorAdapter() {
    }

    /** Registered through {@code META-INF/services/org.hibernate.service.spi.ServiceContributor}. */
    public static final class Contributor implements ServiceContributor {
        @Override
        public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
            serviceRegistryBuilder.addInitiator(new Initiator());
        }
    }

    /** Builds Hibernate's own coordinator builder, then wraps it unless rewriting is off or it is JTA. */
    static final class Initiator implements StandardServiceInitiator<TransactionCoordinatorBuilder> {
        @Override
        public TransactionCoordinatorBuilder initiateService(Map<String, Object> configurationValues,
                                                             ServiceRegistryImplementor registry) {
            TransactionCoordinatorBuilder standard =
                    TransactionCoordinatorBuilderInitiator.INSTANCE.initiateService(configurationValues, registry);
            if (!KilnSettings.rewriting(configurationValues) || standard.isJta()) {
                return standard;
            }
            return new RewritingBuilder(standard, registry);
        }

        @Override
        public Class<TransactionCoordinatorBuilder> getServiceInitiated() {
            return TransactionCoordinatorBuilder.class;
        }
    }

    /** The cause to give a failed COMMIT/ROLLBACK/BEGIN: Kiln's exception, if Kiln's converter is installed. */
    static RuntimeException rewrite(TransactionException e, ServiceRegistryImplementor registry) {
        if (!(e.getCause() instanceof SQLException sql)) {
            return e;
        }
        JdbcServices jdbc = registry.getService(JdbcServices.class);
        KilnSqlExceptionConverter kiln = jdbc == null ? null : SqlExceptionHelperAdapter.installed(jdbc);
        if (kiln == null) {
            return e;
        }
        JDBCException translated = kiln.convert(sql, e.getMessage() + " [" + sql.getMessage() + "]", null);
        if (!(translated instanceof DbError error)) {
            return e;
        }
        TransactionException rewritten = new DbTransactionException(e.getMessage(), sql, error);
        rewritten.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            rewritten.addSuppressed(s);
        }
        return rewritten;
    }

    private record RewritingBuilder(TransactionCoordinatorBuilder delegate, ServiceRegistryImplementor registry)
            implements TransactionCoordinatorBuilder {
        @Override
        public TransactionCoordinator buildTransactionCoordinator(TransactionCoordinatorOwner owner, Options options) {
            return new RewritingCoordinator(delegate.buildTransactionCoordinator(owner, options), this);
        }

        @Override
        public boolean isJta() {
            return delegate.isJta();
        }

        @Override
        public PhysicalConnectionHandlingMode getDefaultConnectionHandlingMode() {
            return delegate.getDefaultConnectionHandlingMode();
        }

        @Override
        public DdlTransactionIsolator buildDdlTransactionIsolator(JdbcContext jdbcContext) {
            return delegate.buildDdlTransactionIsolator(jdbcContext);
        }
    }

    private static final class RewritingCoordinator implements TransactionCoordinator {
        private final TransactionCoordinator delegate;
        private final RewritingBuilder builder;
        private TransactionDriver wrappedDriver;
        private TransactionDriver driver;

        RewritingCoordinator(TransactionCoordinator delegate, RewritingBuilder builder) {
            this.delegate = delegate;
            this.builder = builder;
        }

        @Override
        public TransactionCoordinatorBuilder getTransactionCoordinatorBuilder() {
            return builder;
        }

        @Override
        public TransactionDriver getTransactionDriverControl() {
            TransactionDriver current = delegate.getTransactionDriverControl();
            if (current != wrappedDriver) {
                wrappedDriver = current;
                driver = new RewritingDriver(current, builder.registry());
            }
            return driver;
        }

        @Override
        public SynchronizationRegistry getLocalSynchronizations() {
            return delegate.getLocalSynchronizations();
        }

        @Override
        public JpaCompliance getJpaCompliance() {
            return delegate.getJpaCompliance();
        }

        @Override
        public void explicitJoin() {
            delegate.explicitJoin();
        }

        @Override
        public boolean isJoined() {
            return delegate.isJoined();
        }

        @Override
        public void pulse() {
            delegate.pulse();
        }

        @Override
        public boolean isActive() {
            return delegate.isActive();
        }

        @Override
        public IsolationDelegate createIsolationDelegate() {
            return delegate.createIsolationDelegate();
        }

        @Override
        public void addObserver(TransactionObserver observer) {
            delegate.addObserver(observer);
        }

        @Override
        public void removeObserver(TransactionObserver observer) {
            delegate.removeObserver(observer);
        }

        @Override
        public void setTimeOut(int seconds) {
            delegate.setTimeOut(seconds);
        }

        @Override
        public int getTimeOut() {
            return delegate.getTimeOut();
        }

        @Override
        public boolean isTransactionActive() {
            return delegate.isTransactionActive();
        }

        @Override
        public void invalidate() {
            delegate.invalidate();
        }
    }

    private record RewritingDriver(TransactionCoordinator.TransactionDriver delegate, ServiceRegistryImplementor registry)
            implements TransactionCoordinator.TransactionDriver {
        @Override
        public void begin() {
            try {
                delegate.begin();
            } catch (TransactionException e) {
                throw rewrite(e, registry);
            }
        }

        @Override
        public void commit() {
            try {
                delegate.commit();
            } catch (TransactionException e) {
                throw rewrite(e, registry);
            }
        }

        @Override
        public void rollback() {
            try {
                delegate.rollback();
            } catch (TransactionException e) {
                throw rewrite(e, registry);
            }
        }

        @Override
        public TransactionStatus getStatus() {
            return delegate.getStatus();
        }

        @Override
        public void markRollbackOnly() {
            delegate.markRollbackOnly();
        }
    }
}

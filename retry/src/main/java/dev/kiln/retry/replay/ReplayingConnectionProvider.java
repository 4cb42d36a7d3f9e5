package dev.kiln.retry.replay;

import dev.kiln.retry.replay.internal.ConnectionSource;
import dev.kiln.retry.replay.internal.ReplayRuntime;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.spi.ExtractedDatabaseMetaData;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.Startable;
import org.hibernate.service.spi.Stoppable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * Hibernate's {@link ConnectionProvider} with replay: every connection of the wrapped provider is recorded and replayed
 * like {@link ReplayingDataSource}'s. Usually installed by {@code kiln.replay.enabled=true} (see {@link ReplaySettings}),
 * which wraps whatever provider Hibernate would have used; or set explicitly:
 * <pre>{@code
 * settings.put(AvailableSettings.CONNECTION_PROVIDER,
 *         new ReplayingConnectionProvider(dataSource, ReplayConfig.builder().commitGuard(true).build()));
 * SessionFactory sf = ...;
 * ((ReplayingConnectionProvider) sf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
 *         .getService(ConnectionProvider.class)).metrics();
 * }</pre>
 * Hibernate's lifecycle calls (configure, inject, start, stop) reach the wrapped provider.
 */
public final class ReplayingConnectionProvider implements ConnectionProvider, Configurable, ServiceRegistryAwareService,
        Startable, Stoppable {
    private static final long serialVersionUID = 1L;
    private final transient ConnectionProvider delegate;
    private final transient ReplayRuntime runtime;
    private final transient ConnectionSource source;

    /** Wraps a provider (Hibernate's own, HikariCP's, ...). */
    public ReplayingConnectionProvider(ConnectionProvider delegate, ReplayConfig config) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.runtime = new ReplayRuntime(Objects.requireNonNull(config, "config"));
        this.source = new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return ReplayingConnectionProvider.this.delegate.getConnection();
            }

            @Override
            public void release(Connection physical) throws SQLException {
                ReplayingConnectionProvider.this.delegate.closeConnection(physical);
            }
        };
    }

    /** Hands out connections of {@code dataSource}. */
    public ReplayingConnectionProvider(DataSource dataSource, ReplayConfig config) {
        this(new DataSourceProvider(Objects.requireNonNull(dataSource, "dataSource")), config);
    }

    public ReplayMetrics metrics() {
        return runtime.metrics();
    }

    public ReplayConfig config() {
        return runtime.config();
    }

    /** The wrapped provider. */
    public ConnectionProvider delegate() {
        return delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return runtime.wrap(delegate.getConnection(), source);
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close(); // releases the current physical connection to the wrapped provider
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return delegate.supportsAggressiveRelease();
    }

    @Override
    public boolean handlesConnectionSchema() {
        return delegate.handlesConnectionSchema();
    }

    @Override
    public boolean handlesConnectionReadOnly() {
        return delegate.handlesConnectionReadOnly();
    }

    @Override
    public DatabaseConnectionInfo getDatabaseConnectionInfo(Dialect dialect) {
        return delegate.getDatabaseConnectionInfo(dialect);
    }

    @Override
    public DatabaseConnectionInfo getDatabaseConnectionInfo(Dialect dialect, ExtractedDatabaseMetaData metaData) {
        return delegate.getDatabaseConnectionInfo(dialect, metaData);
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this) || delegate.isUnwrappableAs(type);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public void configure(Map<String, Object> configValues) {
        if (delegate instanceof Configurable c) {
            c.configure(configValues);
        }
    }

    @Override
    public void injectServices(ServiceRegistryImplementor serviceRegistry) {
        if (delegate instanceof ServiceRegistryAwareService s) {
            s.injectServices(serviceRegistry);
        }
    }

    @Override
    public void start() {
        if (delegate instanceof Startable s) {
            s.start();
        }
    }

    @Override
    public void stop() {
        if (delegate instanceof Stoppable s) {
            s.stop();
        }
    }

    @Override
    public String toString() {
        return "ReplayingConnectionProvider[" + delegate + ", " + runtime.config() + "]";
    }

    /** The smallest provider over a DataSource (Hibernate's own reads its DataSource from the settings). */
    private record DataSourceProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return true;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return type.isInstance(dataSource);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return type.cast(dataSource);
        }
    }
}

package dev.kiln.retry.replay;

import dev.kiln.retry.replay.internal.ConnectionSource;
import dev.kiln.retry.replay.internal.ReplayRuntime;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * A {@link DataSource} whose connections survive a lost database connection inside a transaction: they record each
 * statement of the open transaction and what the application saw of it, and when the connection drops they replay the
 * transaction on a new connection, compare every result, and continue, so that the application notices nothing.
 * Anything that would make the replay differ from what the application saw aborts it with
 * {@link DbReplayMismatchException}; an interrupted COMMIT is resolved, never blindly repeated (see
 * {@link ReplayConfig#commitGuard()}, {@link DbCommitOutcomeUnknownException}). Works with any JDBC driver and pool.
 *
 * <pre>{@code
 * DataSource pool = new HikariDataSource(hikariConfig);
 * ReplayingDataSource ds = ReplayingDataSource.wrap(pool, ReplayConfig.builder().commitGuard(true).build());
 * try (Connection c = ds.getConnection()) {
 *     c.setAutoCommit(false);
 *     try (PreparedStatement ps = c.prepareStatement("UPDATE floating_ips SET host = ? WHERE id = ?")) {
 *         ps.setString(1, "compute-7");
 *         ps.setLong(2, 42);
 *         ps.executeUpdate();          // if the connection is killed here, Kiln reconnects, replays, and goes on
 *     }
 *     c.commit();                      // an interrupted COMMIT is checked with the guard row, never repeated blindly
 * }
 * ds.metrics().replaysSucceeded();
 * }</pre>
 *
 * <p>With Hibernate, set {@code kiln.replay.enabled=true} instead (see {@link ReplaySettings}). Only transactions are
 * replayed: a statement run in autocommit mode that loses its connection reports the error (its outcome is unknown),
 * and the next call gets a new connection.
 */
public final class ReplayingDataSource implements DataSource {
    private final DataSource target;
    private final ReplayRuntime runtime;

    private ReplayingDataSource(DataSource target, ReplayConfig config) {
        this.target = Objects.requireNonNull(target, "dataSource");
        this.runtime = new ReplayRuntime(Objects.requireNonNull(config, "config"));
    }

    /** Wraps {@code dataSource} with {@link ReplayConfig#defaults()}. */
    public static ReplayingDataSource wrap(DataSource dataSource) {
        return wrap(dataSource, ReplayConfig.defaults());
    }

    /** Wraps {@code dataSource}; with {@code config.enabled() == false} its connections are handed out unchanged. */
    public static ReplayingDataSource wrap(DataSource dataSource, ReplayConfig config) {
        return new ReplayingDataSource(dataSource, config);
    }

    public ReplayConfig config() {
        return runtime.config();
    }

    public ReplayMetrics metrics() {
        return runtime.metrics();
    }

    /** The wrapped data source. */
    public DataSource target() {
        return target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!runtime.config().enabled()) {
            return target.getConnection();
        }
        return runtime.wrap(target.getConnection(), new Source(target, null, null));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (!runtime.config().enabled()) {
            return target.getConnection(username, password);
        }
        return runtime.wrap(target.getConnection(username, password), new Source(target, username, password));
    }

    /**
     * Deletes COMMIT guard rows older than {@code age}: rows of processes that stopped between a COMMIT and the batched
     * cleanup. Schedule it now and then (age: well above {@link ReplayConfig#timeLimit()}). 0 without a guard.
     */
    public int purgeGuardRows(Duration age) throws SQLException {
        try (Connection c = target.getConnection()) {
            if (!c.getAutoCommit()) {
                int n = runtime.purgeGuardRows(c, age);
                c.commit();
                return n;
            }
            return runtime.purgeGuardRows(c, age);
        }
    }

    /**
     * The driver-side connection currently behind {@code connection} (one of this data source's), e.g. to read the
     * server's session id in a test. Changes when replay moves to a new connection.
     */
    public static Connection physicalConnection(Connection connection) {
        return ReplayRuntime.physicalOf(connection);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "ReplayingDataSource[" + target + ", " + runtime.config() + "]";
    }

    /** New connections for recovery come from the same data source, with the same credentials. */
    private record Source(DataSource target, String user, String password) implements ConnectionSource {
        @Override
        public Connection open() throws SQLException {
            return user == null ? target.getConnection() : target.getConnection(user, password);
        }

        @Override
        public void release(Connection physical) throws SQLException {
            physical.close();
        }
    }
}

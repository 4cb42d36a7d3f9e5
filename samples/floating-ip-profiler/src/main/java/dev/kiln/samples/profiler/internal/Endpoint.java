package dev.kiln.samples.profiler.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.TcpProxy;
import org.h2.tools.Server;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Where the profiler's SQL goes: the database of {@code --db}, reached directly or, when latency is to be injected,
 * through a {@link TcpProxy} on loopback. Embedded H2 has no network path, so for latency it is served by an H2 TCP
 * server in this JVM (same in-memory database) and the proxy sits in front of that.
 *
 * <pre>{@code
 * try (Endpoint db = Endpoint.open("jdbc:mariadb://127.0.0.1:3306/test?user=root", true)) {
 *     db.proxy().setLatency(Duration.ofMillis(5));
 *     HikariDataSource pool = db.pool("study", 100, true);
 * }
 * }</pre>
 */
public final class Endpoint implements AutoCloseable {
    private final Backend backend;
    private final String url;
    private final String networkUrl;
    private final TcpProxy proxy;
    private final Server h2Server;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private Endpoint(Backend backend, String url, String networkUrl, TcpProxy proxy, Server h2Server) {
        this.backend = backend;
        this.url = url;
        this.networkUrl = networkUrl;
        this.proxy = proxy;
        this.h2Server = h2Server;
    }

    /**
     * @param dbUrl        the {@code --db} URL ({@code jdbc:mariadb:} is sent to mysql-connector-j as {@code jdbc:mysql:})
     * @param needsNetwork start the latency proxy (and, for embedded H2, the H2 TCP server)
     */
    public static Endpoint open(String dbUrl, boolean needsNetwork) throws SQLException {
        Backend backend = Backend.fromJdbcUrl(dbUrl);
        String url = dbUrl.regionMatches(true, 0, "jdbc:mariadb:", 0, 13) ? "jdbc:mysql:" + dbUrl.substring(13) : dbUrl;
        if (!needsNetwork) {
            return new Endpoint(backend, url, null, null, null);
        }
        Server server = null;
        String target = url;
        if (backend == Backend.H2 && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:tcp:")) {
            String database = url.substring("jdbc:h2:".length());
            if (!database.startsWith("mem:")) {
                throw new IllegalArgumentException("Latency on embedded H2 needs an in-memory database (jdbc:h2:mem:...), got " + dbUrl);
            }
            // The same in-memory database, reached over TCP; its settings (user, password, ...) travel along.
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifNotExists").start();
            target = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + database;
        }
        TcpProxy proxy = TcpProxy.forJdbcUrl(target);
        return new Endpoint(backend, url, proxy.rewrite(target), proxy, server);
    }

    public Backend backend() {
        return backend;
    }

    /** The proxy, or null when none was needed. */
    public TcpProxy proxy() {
        return proxy;
    }

    /** A SQL counter with this backend's round-trip model. */
    public SqlCounter newCounter() {
        return SqlCounter.forUrl(backend, url);
    }

    /**
     * A HikariCP pool of {@code size} connections, filled before returning; closed with this endpoint.
     *
     * @param viaProxy through the latency proxy (requires {@code needsNetwork})
     */
    public HikariDataSource pool(String purpose, int size, boolean viaProxy) {
        if (viaProxy && proxy == null) {
            throw new IllegalStateException("No proxy: the endpoint was opened without network");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(viaProxy ? networkUrl : url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("kiln-profiler-" + purpose);
        config.setConnectionTimeout(30_000);
        HikariDataSource pool = new HikariDataSource(config);
        synchronized (resources) {
            resources.push(pool);
        }
        return pool;
    }

    /** e.g. {@code MariaDB 11.8.3-MariaDB} or {@code H2 2.4.240 (2025-09-22)}. */
    public String describe(javax.sql.DataSource ds) {
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String product = md.getDatabaseProductName();
            String version = md.getDatabaseProductVersion();
            if (version.contains("MariaDB")) {
                // mysql-connector-j reports MariaDB as "MySQL 5.5.5-10.11.x-MariaDB"
                product = "MariaDB";
                version = version.startsWith("5.5.5-") ? version.substring(6) : version;
            }
            return product + " " + version
                    + (backend == Backend.H2 ? (proxy == null ? " (embedded)" : " (in this JVM, over TCP)") : "");
        } catch (SQLException e) {
            return backend.displayName();
        }
    }

    /** The {@code --db} URL with any password hidden. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The latency applied by the proxy from now on (zero for none). */
    public void setLatency(int ms) {
        if (proxy != null) {
            proxy.setLatency(Duration.ofMillis(ms));
        }
    }

    @Override
    public void close() {
        synchronized (resources) {
            while (!resources.isEmpty()) {
                try {
                    resources.pop().close();
                } catch (Exception ignored) {
                    // closing pools of a finished run
                }
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        if (h2Server != null) {
            h2Server.stop();
        }
    }
}

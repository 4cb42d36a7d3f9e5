package dev.kiln.retry.replay.internal;

import dev.kiln.retry.DbBackend;
import dev.kiln.retry.DbErrors;
import dev.kiln.retry.replay.ReplayConfig;
import dev.kiln.retry.replay.ReplayMetrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What the connections of one replaying data source (or Hibernate connection provider) share: the configuration, the
 * metrics, the backend whose rules classify disconnects, the COMMIT guard and a bounded cache of never-replay
 * decisions. Thread-safe.
 */
public final class ReplayRuntime {
    private static final int NEVER_REPLAY_CACHE = 4096;
    final ReplayConfig config;
    final Metrics metrics = new Metrics();
    final CommitGuard guard;
    private final Map<String, Boolean> neverReplay = new ConcurrentHashMap<>();
    private volatile DbBackend backend;

    public ReplayRuntime(ReplayConfig config) {
        this.config = config;
        this.backend = config.backend();
        this.guard = config.commitGuard() ? new CommitGuard(this, config) : null;
    }

    public ReplayConfig config() {
        return config;
    }

    public ReplayMetrics metrics() {
        return metrics.snapshot();
    }

    /** Wraps a physical connection just obtained from {@code source}; creates the guard table on first use. */
    public Connection wrap(Connection physical, ConnectionSource source) throws SQLException {
        Connection c = physical;
        for (int attempt = 1; ; attempt++) {
            try {
                if (backend == null) {
                    backend = DbBackend.fromJdbcUrl(c.getMetaData().getURL());
                }
                if (guard != null) {
                    guard.ensureTable(c);
                }
                return new ReplayConnection(this, source, c);
            } catch (SQLException | RuntimeException e) {
                // never leak it; a pool may hand out a connection the server killed while it was idle: take another
                try {
                    source.release(c);
                } catch (SQLException | RuntimeException ignored) {
                    // dead already
                }
                if (!(e instanceof SQLException sql) || !isDisconnect(sql) || attempt >= config.maxAttempts()) {
                    throw e;
                }
                c = source.open();
            }
        }
    }

    /** The physical connection behind a connection this runtime wrapped, else {@code c} itself. */
    public static Connection physicalOf(Connection c) {
        return c instanceof ReplayConnection r ? r.physical() : c;
    }

    /** Deletes guard rows older than {@code age} (left by processes that stopped between COMMIT and cleanup). */
    public int purgeGuardRows(Connection c, Duration age) throws SQLException {
        if (guard == null) {
            return 0;
        }
        return guard.purge(c, System.currentTimeMillis() - age.toMillis());
    }

    DbBackend backend() {
        DbBackend b = backend;
        return b == null ? DbBackend.OTHER : b;
    }

    boolean isDisconnect(SQLException e) {
        Predicate<SQLException> custom = config.disconnects();
        if (custom != null) {
            return custom.test(e);
        }
        return DbErrors.translate(e, backend()).isDisconnect() || causedByIo(e);
    }

    /**
     * Drivers sometimes report the first error after a lost connection as something else (mysql-connector-j: "No
     * operations allowed after statement closed" in a batch): an I/O failure in the causes is a lost connection too.
     */
    private static boolean causedByIo(Throwable e) {
        Throwable t = e.getCause();
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    boolean neverReplay(String sql) {
        Boolean cached = neverReplay.get(sql);
        if (cached == null) {
            cached = config.neverReplay(sql);
            if (neverReplay.size() < NEVER_REPLAY_CACHE) {
                neverReplay.put(sql, cached);
            }
        }
        return cached;
    }
}

package dev.kiln.retry.replay;

import dev.kiln.retry.DbBackend;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What {@link ReplayingDataSource} records and when it replays. Immutable and thread-safe; the defaults are safe for
 * any application ({@link #defaults()}).
 *
 * <pre>{@code
 * ReplayConfig config = ReplayConfig.builder()
 *         .maxStatements(500)                          // longer transactions are not recorded: a disconnect surfaces
 *         .maxBytes(512 * 1024)
 *         .neverReplay(Pattern.compile("(?i)\\bnextval\\s*\\("))   // in addition to NOW(), UUID(), RAND(), ...
 *         .maxAttempts(3)
 *         .timeLimit(Duration.ofSeconds(20))
 *         .commitGuard(true)                           // learn the outcome of an interrupted COMMIT (see README)
 *         .build();
 * DataSource ds = ReplayingDataSource.wrap(pool, config);
 * }</pre>
 */
public final class ReplayConfig {
    /**
     * Statements calling functions whose result differs from run to run: their transactions are not replayed (the
     * replayed result would differ, or, for writes, the stored values would). Word-bounded, case-insensitive.
     */
    public static final Pattern NON_DETERMINISTIC = Pattern.compile(
            "(?i)\\b(now|sysdate|uuid|uuid_short|rand|random|gen_random_uuid|random_uuid|newid|clock_timestamp"
                    + "|statement_timestamp|timeofday|current_timestamp|localtimestamp|utc_timestamp|unix_timestamp"
                    + "|connection_id|pg_backend_pid|session_id|last_insert_id|found_rows|row_count|sleep|pg_sleep)\\b");

    private static final ReplayConfig DEFAULTS = builder().build();

    private final boolean enabled;
    private final int maxStatements;
    private final long maxBytes;
    private final Predicate<String> neverReplay;
    private final int maxAttempts;
    private final Duration timeLimit;
    private final Predicate<SQLException> disconnects;
    private final DbBackend backend;
    private final boolean commitGuard;
    private final String guardTable;
    private final Duration commitProbeTimeout;

    private ReplayConfig(Builder b) {
        this.enabled = b.enabled;
        this.maxStatements = b.maxStatements;
        this.maxBytes = b.maxBytes;
        this.neverReplay = b.neverReplay;
        this.maxAttempts = b.maxAttempts;
        this.timeLimit = b.timeLimit;
        this.disconnects = b.disconnects;
        this.backend = b.backend;
        this.commitGuard = b.commitGuard;
        this.guardTable = b.guardTable;
        this.commitProbeTimeout = b.commitProbeTimeout;
    }

    /** Recording on, 1,000 statements / 1 MiB per transaction, {@link #NON_DETERMINISTIC} never replayed, 3 attempts within 30 s, Kiln's disconnect classification, no COMMIT guard. */
    public static ReplayConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.maxStatements = maxStatements;
        b.maxBytes = maxBytes;
        b.neverReplay = neverReplay;
        b.maxAttempts = maxAttempts;
        b.timeLimit = timeLimit;
        b.disconnects = disconnects;
        b.backend = backend;
        b.commitGuard = commitGuard;
        b.guardTable = guardTable;
        b.commitProbeTimeout = commitProbeTimeout;
        return b;
    }

    /** False: {@link ReplayingDataSource} hands out the wrapped data source's connections unchanged. */
    public boolean enabled() {
        return enabled;
    }

    /** The most statements recorded per transaction; past it, replay is off for that transaction. */
    public int maxStatements() {
        return maxStatements;
    }

    /** The most bytes (SQL text, parameters, row digests; an estimate) recorded per transaction. */
    public long maxBytes() {
        return maxBytes;
    }

    /** True for SQL whose transaction must not be replayed. */
    public boolean neverReplay(String sql) {
        return neverReplay.test(sql);
    }

    /** How many new connections one recovery may try. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** How long one recovery may take, all attempts included. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** The custom disconnect test, or null for Kiln's classification ({@code DbErrors.translate(e, backend).isDisconnect()}). */
    public Predicate<SQLException> disconnects() {
        return disconnects;
    }

    /** The backend whose error rules classify disconnects; null means detected from the connection's URL. */
    public DbBackend backend() {
        return backend;
    }

    /** True: every writing transaction inserts a marker row into {@link #guardTable()} so an interrupted COMMIT's outcome can be known. */
    public boolean commitGuard() {
        return commitGuard;
    }

    public String guardTable() {
        return guardTable;
    }

    /** How long the outcome check of an interrupted COMMIT may wait for the lost transaction's locks. */
    public Duration commitProbeTimeout() {
        return commitProbeTimeout;
    }

    @Override
    public String toString() {
        return "ReplayConfig[enabled=" + enabled + ", maxStatements=" + maxStatements + ", maxBytes=" + maxBytes
                + ", maxAttempts=" + maxAttempts + ", timeLimit=" + timeLimit + ", backend=" + backend
                + ", commitGuard=" + commitGuard + (commitGuard ? " (" + guardTable + ")" : "") + "]";
    }

    /** Builds a {@link ReplayConfig}; every setting has the default described on {@link ReplayConfig#defaults()}. */
    public static final class Builder {
        private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
        private boolean enabled = true;
        private int maxStatements = 1_000;
        private long maxBytes = 1024 * 1024;
        private Predicate<String> neverReplay = sql -> NON_DETERMINISTIC.matcher(sql).find();
        private int maxAttempts = 3;
        private Duration timeLimit = Duration.ofSeconds(30);
        private Predicate<SQLException> disconnects;
        private DbBackend backend;
        private boolean commitGuard;
        private String guardTable = "kiln_txn_guard";
        private Duration commitProbeTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        public Builder enabled(boolean on) {
            this.enabled = on;
            return this;
        }

        public Builder maxStatements(int statements) {
            if (statements < 1) {
                throw new IllegalArgumentException("maxStatements must be at least 1, not " + statements);
            }
            this.maxStatements = statements;
            return this;
        }

        public Builder maxBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1, not " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /** Replaces the never-replay rule (the default is {@link #NON_DETERMINISTIC}). */
        public Builder neverReplayWhen(Predicate<String> sqlPredicate) {
            this.neverReplay = Objects.requireNonNull(sqlPredicate, "sqlPredicate");
            return this;
        }

        /** Adds a pattern (searched with {@code find()}) to the never-replay rule. */
        public Builder neverReplay(Pattern pattern) {
            Objects.requireNonNull(pattern, "pattern");
            Predicate<String> before = neverReplay;
            this.neverReplay = sql -> before.test(sql) || pattern.matcher(sql).find();
            return this;
        }

        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, not " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        public Builder timeLimit(Duration limit) {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("timeLimit must be positive, not " + limit);
            }
            this.timeLimit = limit;
            return this;
        }

        /** Which driver errors count as a lost connection; default: Kiln's classification ({@code DbError.isDisconnect()}). */
        public Builder disconnectWhen(Predicate<SQLException> isDisconnect) {
            this.disconnects = Objects.requireNonNull(isDisconnect, "isDisconnect");
            return this;
        }

        /** The backend whose error rules apply; default: detected from the first connection's URL. */
        public Builder backend(DbBackend dbBackend) {
            this.backend = dbBackend;
            return this;
        }

        public Builder commitGuard(boolean on) {
            this.commitGuard = on;
            return this;
        }

        /** The guard table's name (created on demand with {@code CREATE TABLE IF NOT EXISTS}). */
        public Builder guardTable(String table) {
            if (table == null || !TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("guardTable must be a plain SQL identifier, not '" + table + "'");
            }
            this.guardTable = table;
            return this;
        }

        public Builder commitProbeTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("commitProbeTimeout must be positive, not " + timeout);
            }
            this.commitProbeTimeout = timeout;
            return this;
        }

        public ReplayConfig build() {
            return new ReplayConfig(this);
        }
    }
}

package dev.kiln.retry.replay;

/**
 * The {@code kiln.replay.*} Hibernate settings: with {@code kiln.replay.enabled=true}, every connection Hibernate's
 * configured {@code ConnectionProvider} (a DataSource, HikariCP, the built-in pool, ...) hands out is wrapped like
 * {@link ReplayingDataSource}'s.
 *
 * <pre>{@code
 * settings.put(ReplaySettings.ENABLED, true);
 * settings.put(ReplaySettings.COMMIT_GUARD, true);
 * settings.put(ReplaySettings.MAX_STATEMENTS, 500);
 * // or pass a whole ReplayConfig object:
 * settings.put(ReplaySettings.CONFIG, ReplayConfig.builder().maxAttempts(5).build());
 * }</pre>
 */
public final class ReplaySettings {
    /** {@code kiln.replay.enabled}: {@code true} to wrap Hibernate's connections; default {@code false}. */
    public static final String ENABLED = "kiln.replay.enabled";
    /** {@code kiln.replay.config}: a {@link ReplayConfig} instance; the other settings below then do not apply. */
    public static final String CONFIG = "kiln.replay.config";
    /** {@code kiln.replay.commit_guard}: {@link ReplayConfig#commitGuard()}; default {@code false}. */
    public static final String COMMIT_GUARD = "kiln.replay.commit_guard";
    /** {@code kiln.replay.max_statements}: {@link ReplayConfig#maxStatements()}. */
    public static final String MAX_STATEMENTS = "kiln.replay.max_statements";
    /** {@code kiln.replay.max_bytes}: {@link ReplayConfig#maxBytes()}. */
    public static final String MAX_BYTES = "kiln.replay.max_bytes";
    /** {@code kiln.replay.max_attempts}: {@link ReplayConfig#maxAttempts()}. */
    public static final String MAX_ATTEMPTS = "kiln.replay.max_attempts";
    /** {@code kiln.replay.time_limit_ms}: {@link ReplayConfig#timeLimit()} in milliseconds. */
    public static final String TIME_LIMIT_MS = "kiln.replay.time_limit_ms";
    /** {@code kiln.replay.never_replay}: a regular expression added to {@link ReplayConfig#NON_DETERMINISTIC}. */
    public static final String NEVER_REPLAY = "kiln.replay.never_replay";

    private ReplaySettings() {
    }
}

/**
 * Transparent transaction replay after a lost connection (issue 5): {@link dev.kiln.retry.replay.ReplayingDataSource}
 * (any JDBC driver and pool) or {@code kiln.replay.enabled=true} for Hibernate ({@link dev.kiln.retry.replay.ReplaySettings})
 * record each statement of the open transaction and a digest of what the application saw; on a disconnect the
 * transaction is replayed on a new connection and every result compared, a mismatch aborts with
 * {@link dev.kiln.retry.replay.DbReplayMismatchException}, and an interrupted COMMIT is resolved, not repeated
 * ({@link dev.kiln.retry.replay.ReplayConfig#commitGuard()}, {@link dev.kiln.retry.replay.DbCommitOutcomeUnknownException}).
 * <pre>{@code
 * ReplayingDataSource ds = ReplayingDataSource.wrap(pool, ReplayConfig.builder().commitGuard(true).build());
 * // or, with Hibernate:
 * settings.put(ReplaySettings.ENABLED, true);
 * }</pre>
 * Implementation in {@code dev.kiln.retry.replay.internal}; the one Hibernate internal used (its standard
 * {@code ConnectionProviderInitiator}) sits behind {@code internal.hibernate.ReplayConnectionProviderAdapter}.
 */
package dev.kiln.retry.replay;

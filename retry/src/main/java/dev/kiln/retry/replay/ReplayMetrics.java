package dev.kiln.retry.replay;

/**
 * A snapshot of what a {@link ReplayingDataSource} did since it was created. Immutable.
 *
 * <pre>{@code
 * ReplayMetrics m = replaying.metrics();
 * log.info("replays {} ok {} mismatched {} statements {}", m.replaysAttempted(), m.replaysSucceeded(),
 *         m.replaysMismatched(), m.statementsReplayed());
 * }</pre>
 *
 * @param replaysAttempted       disconnects inside a recorded transaction that Kiln tried to hide
 * @param replaysSucceeded       of those, the ones hidden from the application
 * @param replaysMismatched      of those, the ones refused with {@link DbReplayMismatchException}
 * @param statementsReplayed     recorded statements executed again on a new connection
 * @param notReplayable          disconnects surfaced because replay was off for the transaction (limits, never-replay rule, unsupported calls)
 * @param commitsFoundCommitted  interrupted COMMITs the guard found committed
 * @param commitsReplayed        interrupted COMMITs the guard found not committed, replayed and committed
 * @param commitOutcomesUnknown  interrupted COMMITs reported with {@link DbCommitOutcomeUnknownException}
 */
public record ReplayMetrics(long replaysAttempted, long replaysSucceeded, long replaysMismatched, long statementsReplayed,
                            long notReplayable, long commitsFoundCommitted, long commitsReplayed,
                            long commitOutcomesUnknown) {
}

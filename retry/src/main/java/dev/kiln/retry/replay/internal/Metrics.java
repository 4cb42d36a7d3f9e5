package dev.kiln.retry.replay.internal;

import dev.kiln.retry.replay.ReplayMetrics;

import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link ReplayMetrics}; updated only on the (rare) recovery paths. */
final class Metrics {
    final LongAdder attempted = new LongAdder();
    final LongAdder succeeded = new LongAdder();
    final LongAdder mismatched = new LongAdder();
    final LongAdder statements = new LongAdder();
    final LongAdder notReplayable = new LongAdder();
    final LongAdder foundCommitted = new LongAdder();
    final LongAdder commitsReplayed = new LongAdder();
    final LongAdder outcomeUnknown = new LongAdder();

    ReplayMetrics snapshot() {
        return new ReplayMetrics(attempted.sum(), succeeded.sum(), mismatched.sum(), statements.sum(),
                notReplayable.sum(), foundCommitted.sum(), commitsReplayed.sum(), outcomeUnknown.sum());
    }
}

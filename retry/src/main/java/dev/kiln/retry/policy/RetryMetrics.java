package dev.kiln.retry.policy;

import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one {@link RetryPolicy} (shared by every use of that policy, thread-safe, cheap to update).
 *
 * <pre>{@code
 * RetryMetrics m = policy.metrics();
 * log.info("calls {} attempts {} retries {} give-ups {}", m.calls(), m.attempts(), m.retries(), m.giveUps());
 * }</pre>
 */
public final class RetryMetrics {
    private final LongAdder calls = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder giveUps = new LongAdder();

    RetryMetrics() {
    }

    /** Units of work started through the policy. */
    public long calls() {
        return calls.sum();
    }

    /** Attempts made (first attempts included). */
    public long attempts() {
        return attempts.sum();
    }

    /** Attempts that failed with a retryable error and were followed by another attempt. */
    public long retries() {
        return retries.sum();
    }

    /** Calls that ended with a retryable error because attempts or the time budget ran out. */
    public long giveUps() {
        return giveUps.sum();
    }

    void call() {
        calls.increment();
    }

    void attempt() {
        attempts.increment();
    }

    void retry() {
        retries.increment();
    }

    void giveUp() {
        giveUps.increment();
    }

    @Override
    public String toString() {
        return "RetryMetrics[calls=" + calls() + ", attempts=" + attempts() + ", retries=" + retries()
                + ", giveUps=" + giveUps() + "]";
    }
}

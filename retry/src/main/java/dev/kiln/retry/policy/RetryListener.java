package dev.kiln.retry.policy;

import java.time.Duration;

/**
 * Told about each retry and give-up of a {@link RetryPolicy}, e.g. to feed metrics. Kiln already logs each retry
 * (category {@code dev.kiln.retry.policy.RetryPolicy}, through jboss-logging as Hibernate does) and counts them in
 * {@link RetryPolicy#metrics()}; a listener is for anything more.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().retryOnDeadlock(true)
 *         .listener(new RetryListener() {
 *             public void onRetry(int attempt, Duration delay, Throwable cause) { deadlocks.increment(); }
 *         })
 *         .build();
 * }</pre>
 */
public interface RetryListener {
    /** Attempt number {@code failedAttempt} (1 for the first) failed with {@code cause}; the next starts after {@code delay}. */
    default void onRetry(int failedAttempt, Duration delay, Throwable cause) {
    }

    /** The policy gives up after {@code attempts} attempts; {@code cause} is about to be thrown. */
    default void onGiveUp(int attempts, Throwable cause) {
    }
}

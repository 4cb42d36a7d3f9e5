package dev.kiln.retry.policy;

import dev.kiln.retry.DbErrors;
import dev.kiln.retry.facade.TransactionContext;
import dev.kiln.retry.replay.DbCommitOutcomeUnknownException;
import dev.kiln.retry.policy.internal.Backoff;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * When and how often to run a unit of work again: oslo.db's {@code wrap_db_retry} as a small, immutable,
 * composable policy in the style of Resilience4j and Failsafe.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .retryOnDeadlock(true)                 // deadlocks, serialization and certification failures, lock timeouts
 *         .retryOnDisconnect(true)               // the connection was lost or killed
 *         .maxAttempts(5)
 *         .build();
 * // the policy sits OUTSIDE the transaction: each attempt gets a fresh Session and transaction
 * Long id = facade.writer().retry(policy).call(ctx, session -> allocate(session));
 * }</pre>
 *
 * <h2>Defaults (oslo.db's)</h2>
 * 21 attempts (oslo.db's {@code max_retries = 20} retries after the first attempt), a first delay of 1 s that
 * doubles up to 10 s, no jitter except for deadlocks (where it is forced on, so that the transactions that
 * deadlocked do not meet again in lockstep), no time budget. Nothing is retried unless a predicate says so, except a
 * {@link RetryRequest}, which is always retried. Predicates see the exception as thrown, and find Kiln's
 * classification through wrappers (JPA, Spring, a failed COMMIT) with {@link DbErrors}.
 *
 * <h2>Where it may run</h2>
 * A retry inside an open transaction is a bug (the transaction was rolled back; Hibernate says the Session must be
 * discarded; PostgreSQL answers 25P02). {@link #call(Supplier)} and {@link #run(Runnable)} refuse to start while a
 * Kiln facade transaction is open on the current thread ({@link RetryInsideTransactionException}).
 *
 * <p>Each retry is logged at INFO (attempt, delay, cause) under this class's name through jboss-logging, the
 * logging Hibernate uses; {@link #metrics()} counts calls, attempts, retries and give-ups. Thread-safe.
 */
public final class RetryPolicy {
    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);

    private final int maxAttempts;
    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final boolean jitter;
    private final Duration maxDuration;
    private final boolean retryOnDeadlock;
    private final boolean retryOnDisconnect;
    private final Predicate<? super Throwable> retryIf;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final DoubleSupplier random;
    private final List<RetryListener> listeners;
    private final Backoff backoff;
    private final RetryMetrics metrics = new RetryMetrics();

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.multiplier = b.multiplier;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
        this.maxDuration = b.maxDuration;
        this.retryOnDeadlock = b.retryOnDeadlock;
        this.retryOnDisconnect = b.retryOnDisconnect;
        this.retryIf = b.retryIf;
        this.sleeper = b.sleeper;
        this.nanoClock = b.nanoClock;
        this.random = b.random;
        this.listeners = List.copyOf(b.listeners);
        this.backoff = new Backoff(initialDelay.toNanos(), multiplier, maxDelay.toNanos());
    }

    /** A builder with oslo.db's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's settings (with fresh {@linkplain #metrics() metrics} once built). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Runs {@code work}, and runs it again while it fails with a retryable error and attempts and time budget last.
     * {@code work} must be a whole unit of work that opens its own transaction.
     *
     * @throws RetryInsideTransactionException if a Kiln facade transaction is open on this thread
     */
    public <T> T call(Supplier<T> work) {
        refuseInsideTransaction();
        try {
            return callChecked(work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // unreachable: a Supplier throws no checked exception
        }
    }

    /** {@link #call(Supplier)} for work without a result. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The retry loop itself, for decorators that have already made sure that no transaction is open (Kiln's facade
     * and annotations, the Spring interceptor): checked exceptions of {@code work} pass through unchanged.
     */
    public <T> T callChecked(Callable<T> work) throws Exception {
        metrics.call();
        long start = maxDuration == null ? 0 : nanoClock.getAsLong();
        for (int attempt = 1; ; attempt++) {
            metrics.attempt();
            try {
                return work.call();
            } catch (Exception | Error failure) {
                if (!isRetryable(failure)) {
                    throw failure;
                }
                long delay = attempt >= maxAttempts ? 0 : delayBeforeRetry(attempt, failure);
                boolean budgetLeft = maxDuration == null
                        || nanoClock.getAsLong() - start + delay <= maxDuration.toNanos();
                if (attempt >= maxAttempts || !budgetLeft) {
                    metrics.giveUp();
                    Throwable thrown = failure instanceof RetryRequest && failure.getCause() != null
                            ? failure.getCause() : failure;
                    LOG.warnf("Giving up after %d attempt(s)%s: %s", attempt,
                            budgetLeft ? "" : " (time budget " + maxDuration + " spent)", thrown);
                    for (RetryListener l : listeners) {
                        l.onGiveUp(attempt, thrown);
                    }
                    throw sneaky(thrown);
                }
                metrics.retry();
                Duration d = Duration.ofNanos(delay);
                LOG.infof("Retrying after attempt %d failed (next in %d ms): %s", attempt, d.toMillis(), failure);
                for (RetryListener l : listeners) {
                    l.onRetry(attempt, d, failure);
                }
                sleep(delay);
            }
        }
    }

    /**
     * True if this policy retries {@code failure}: a {@link RetryRequest}, or one of its predicates matches. Never a
     * COMMIT whose outcome is unknown ({@link #isCommitOutcomeUnknown}: it may have committed) nor a
     * {@link RetryInsideTransactionException}.
     */
    public boolean isRetryable(Throwable failure) {
        if (failure instanceof RetryRequest) {
            return true;
        }
        if (failure instanceof RetryInsideTransactionException || failure instanceof Error
                || isCommitOutcomeUnknown(failure)) {
            return false;
        }
        return retryOnDeadlock && DbErrors.isDeadlock(failure)
                || retryOnDisconnect && DbErrors.isDisconnect(failure)
                || retryIf.test(failure);
    }

    /**
     * True if {@code failure} is or wraps a COMMIT whose outcome is unknown: the facade's
     * {@link CommitOutcomeUnknownException}, or replay's {@link DbCommitOutcomeUnknownException} (SQLState 08007),
     * which reaches a Spring interceptor inside its transaction manager's exceptions.
     */
    public static boolean isCommitOutcomeUnknown(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++) {
            if (t instanceof CommitOutcomeUnknownException || t instanceof DbCommitOutcomeUnknownException) {
                return true;
            }
            Throwable cause = t.getCause();
            t = cause == t ? null : cause;
        }
        return false;
    }

    /**
     * The delay before the attempt after {@code failedAttempt} (1 = the first attempt failed): {@code initialDelay *
     * multiplier^(failedAttempt-1)}, capped at {@code maxDelay}; with jitter (configured, or forced because
     * {@code failure} is a deadlock) a uniformly random value in [0, that).
     */
    public long delayBeforeRetry(int failedAttempt, Throwable failure) {
        long ceiling = backoff.ceilingNanos(failedAttempt);
        boolean jittered = jitter || DbErrors.isDeadlock(failure);
        return jittered ? Backoff.fullJitter(ceiling, random.getAsDouble()) : ceiling;
    }

    /** Counters of every call through this policy. */
    public RetryMetrics metrics() {
        return metrics;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public boolean jitter() {
        return jitter;
    }

    /** The time budget of a call (first attempt to last retry), or null for none. */
    public Duration maxDuration() {
        return maxDuration;
    }

    public boolean retryOnDeadlock() {
        return retryOnDeadlock;
    }

    public boolean retryOnDisconnect() {
        return retryOnDisconnect;
    }

    private void sleep(long nanos) {
        try {
            sleeper.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }

    private static void refuseInsideTransaction() {
        TransactionContext implicit = TransactionContext.implicit();
        if (implicit.transactionSlot().isActive()) {
            throw new RetryInsideTransactionException("RetryPolicy.call",
                    implicit.transactionSlot().describe());
        }
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
        throw (X) t;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", multiplier="
                + multiplier + ", maxDelay=" + maxDelay + ", jitter=" + jitter + ", maxDuration=" + maxDuration
                + ", retryOnDeadlock=" + retryOnDeadlock + ", retryOnDisconnect=" + retryOnDisconnect + "]";
    }

    /** Waits between attempts; replaceable in tests so that no test depends on timing. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Builds a {@link RetryPolicy}; starts from oslo.db's defaults. Not thread-safe; the policy is. */
    public static final class Builder {
        private int maxAttempts = 21;
        private Duration initialDelay = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofSeconds(10);
        private boolean jitter;
        private Duration maxDuration;
        private boolean retryOnDeadlock;
        private boolean retryOnDisconnect;
        private Predicate<? super Throwable> retryIf = t -> false;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        private LongSupplier nanoClock = System::nanoTime;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private final List<RetryListener> listeners = new ArrayList<>();

        private Builder() {
        }

        private Builder(RetryPolicy p) {
            maxAttempts = p.maxAttempts;
            initialDelay = p.initialDelay;
            multiplier = p.multiplier;
            maxDelay = p.maxDelay;
            jitter = p.jitter;
            maxDuration = p.maxDuration;
            retryOnDeadlock = p.retryOnDeadlock;
            retryOnDisconnect = p.retryOnDisconnect;
            retryIf = p.retryIf;
            sleeper = p.sleeper;
            nanoClock = p.nanoClock;
            random = p.random;
            listeners.addAll(p.listeners);
        }

        /** Attempts in all, the first included (default 21: oslo.db's 20 retries). At least 1. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 (the first attempt), was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** The delay after the first failed attempt (default 1 s). Zero is allowed. */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = nonNegative("initialDelay", delay);
            return this;
        }

        /** Factor between consecutive delays (default 2; 1 for a constant delay). */
        public Builder multiplier(double factor) {
            if (!(factor >= 1.0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + factor);
            }
            this.multiplier = factor;
            return this;
        }

        /** Upper bound of a delay (default 10 s). */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = nonNegative("maxDelay", delay);
            return this;
        }

        /** Full jitter for every retry: a uniformly random delay in [0, computed delay). Always on for deadlocks. */
        public Builder jitter(boolean on) {
            this.jitter = on;
            return this;
        }

        /** Gives up rather than start a retry that would end its wait after this budget (default: none). */
        public Builder maxDuration(Duration budget) {
            this.maxDuration = budget == null ? null : nonNegative("maxDuration", budget);
            return this;
        }

        /** Retry errors that {@linkplain DbErrors#isDeadlock are deadlocks} (oslo.db's retry_on_deadlock; default off). */
        public Builder retryOnDeadlock(boolean on) {
            this.retryOnDeadlock = on;
            return this;
        }

        /** Retry errors that {@linkplain DbErrors#isDisconnect are disconnects} (oslo.db's retry_on_disconnect; default off). */
        public Builder retryOnDisconnect(boolean on) {
            this.retryOnDisconnect = on;
            return this;
        }

        /** Also retry what {@code predicate} accepts (oslo.db's exception_checker); combined by OR with the others. */
        public Builder retryIf(Predicate<? super Throwable> predicate) {
            Predicate<? super Throwable> previous = this.retryIf;
            Objects.requireNonNull(predicate, "predicate");
            this.retryIf = t -> previous.test(t) || predicate.test(t);
            return this;
        }

        public Builder listener(RetryListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** How to wait between attempts (default {@link Thread#sleep}); for tests. */
        public Builder sleeper(Sleeper waiter) {
            this.sleeper = Objects.requireNonNull(waiter, "sleeper");
            return this;
        }

        /** The clock of the time budget, in nanoseconds (default {@link System#nanoTime}); for tests. */
        public Builder nanoClock(LongSupplier clock) {
            this.nanoClock = Objects.requireNonNull(clock, "nanoClock");
            return this;
        }

        /** Source of uniform random numbers in [0, 1) for jitter (default {@link ThreadLocalRandom}); for tests. */
        public Builder random(DoubleSupplier uniform) {
            this.random = Objects.requireNonNull(uniform, "random");
            return this;
        }

        public RetryPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, was " + d);
            }
            return d;
        }
    }
}

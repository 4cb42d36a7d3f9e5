package dev.kiln.retry.policy.internal;

/**
 * Exponential backoff arithmetic, in nanoseconds, without overflow: the ceiling of retry {@code n} is
 * {@code initial * multiplier^(n-1)} capped at {@code max}.
 */
public final class Backoff {
    private final long initialNanos;
    private final double multiplier;
    private final long maxNanos;

    public Backoff(long initialNanos, double multiplier, long maxNanos) {
        this.initialNanos = initialNanos;
        this.multiplier = multiplier;
        this.maxNanos = maxNanos;
    }

    /** The un-jittered delay after failed attempt {@code failedAttempt} (1-based). */
    public long ceilingNanos(int failedAttempt) {
        double d = initialNanos * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        return d >= maxNanos ? maxNanos : (long) d;
    }

    /** Full jitter: {@code uniform} in [0, 1) scaled to [0, ceiling). */
    public static long fullJitter(long ceilingNanos, double uniform) {
        if (uniform < 0 || uniform >= 1) {
            throw new IllegalArgumentException("random source must return values in [0, 1), returned " + uniform);
        }
        return (long) (ceilingNanos * uniform);
    }
}

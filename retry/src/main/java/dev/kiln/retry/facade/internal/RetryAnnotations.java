package dev.kiln.retry.facade.internal;

import dev.kiln.retry.facade.Retry;
import dev.kiln.retry.policy.RetryPolicy;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.function.Predicate;

/** Turns a {@link Retry} annotation into a {@link RetryPolicy}; one policy (and its metrics) per annotated method. */
public final class RetryAnnotations {
    private RetryAnnotations() {
    }

    /** The policy of {@code method}'s {@link Retry}, or null if it has none. */
    public static RetryPolicy policyOf(Method method) {
        Retry r = method.getAnnotation(Retry.class);
        return r == null ? null : policy(r, method.toGenericString());
    }

    public static RetryPolicy policy(Retry r, String where) {
        try {
            RetryPolicy.Builder b = RetryPolicy.builder()
                    .maxAttempts(r.maxAttempts())
                    .initialDelay(Duration.ofMillis(r.initialDelayMillis()))
                    .multiplier(r.multiplier())
                    .maxDelay(Duration.ofMillis(r.maxDelayMillis()))
                    .jitter(r.jitter())
                    .maxDuration(r.maxDurationMillis() > 0 ? Duration.ofMillis(r.maxDurationMillis()) : null)
                    .retryOnDeadlock(r.onDeadlock())
                    .retryOnDisconnect(r.onDisconnect());
            for (Class<? extends Predicate<Throwable>> p : r.retryIf()) {
                b.retryIf(p.getConstructor().newInstance());
            }
            return b.build();
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid @Retry on " + where + ": " + e, e);
        }
    }
}

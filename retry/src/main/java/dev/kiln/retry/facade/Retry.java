package dev.kiln.retry.facade;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

/**
 * Retry the annotated method as a whole, as {@link dev.kiln.retry.policy.RetryPolicy} with these settings (the
 * defaults are oslo.db's, nothing but {@link dev.kiln.retry.policy.RetryRequest} is retried unless asked).
 *
 * <ul>
 *   <li>With {@link Writer}, {@link Reader} or {@link AsyncReader} ({@link TransactionFacade#enhance}): the
 *   transaction's retry policy; it applies where the method starts its own transaction.</li>
 *   <li>Alone: the method must not be called inside an open transaction (refused with
 *   {@link dev.kiln.retry.policy.RetryInsideTransactionException}); it is retried as a whole.</li>
 *   <li>On a Spring bean with {@code dev.kiln.retry.spring.RetryAdvisor}: ordered outside {@code @Transactional}.</li>
 * </ul>
 *
 * <pre>{@code
 * @Writer
 * @Retry(onDeadlock = true, onDisconnect = true, maxAttempts = 10, initialDelayMillis = 50, maxDelayMillis = 2000)
 * public void associate(RequestContext ctx, String address, long fixedIpId) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Retry {
    /** Attempts in all, the first included. */
    int maxAttempts() default 21;

    long initialDelayMillis() default 1000;

    double multiplier() default 2.0;

    long maxDelayMillis() default 10_000;

    boolean jitter() default false;

    /** Time budget in milliseconds; 0 for none. */
    long maxDurationMillis() default 0;

    boolean onDeadlock() default false;

    boolean onDisconnect() default false;

    /** Further predicates (public classes with a public no-argument constructor) any of which makes an error retryable. */
    Class<? extends Predicate<Throwable>>[] retryIf() default {};
}

package dev.kiln.retry.facade;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method is a writer unit of work ({@link TransactionFacade#writer()}): woven by {@link TransactionFacade#enhance}.
 *
 * <pre>{@code
 * public class FloatingIps {
 *     @Writer
 *     @Retry(onDeadlock = true, maxAttempts = 5)
 *     public long allocate(RequestContext ctx, String pool) {       // the context is found by its type
 *         FloatingIp ip = new FloatingIp();
 *         ip.setPool(pool);
 *         ctx.session().persist(ip);
 *         return ip.getId();
 *     }
 *
 *     @Reader(allowAsync = true)
 *     public List<FloatingIp> list(RequestContext ctx) { ... }
 * }
 *
 * FloatingIps api = facade.enhance(FloatingIps.class);
 * long id = api.allocate(ctx, "public");
 * }</pre>
 *
 * <p>Annotated methods must be public or protected and not final; without a {@link TransactionContext} parameter
 * they use the {@linkplain TransactionContext#implicit() implicit context}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Writer {
    /** As {@link TransactionRunner#independent()}. */
    boolean independent() default false;

    /** As {@link TransactionRunner#savepoint()}. */
    boolean savepoint() default false;
}

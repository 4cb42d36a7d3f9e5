package dev.kiln.retry.facade;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method is a reader unit of work ({@link TransactionFacade#reader()}): woven by {@link TransactionFacade#enhance}.
 *
 * <pre>{@code
 * @Reader(allowAsync = true)          // may also join an async reader's transaction
 * public List<FloatingIp> byProject(RequestContext ctx, String project) {
 *     return ctx.session().createSelectionQuery("from FloatingIp where projectId = :p", FloatingIp.class)
 *             .setParameter("p", project).list();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Reader {
    /** As {@link TransactionRunner#allowAsync()}. */
    boolean allowAsync() default false;

    /** As {@link TransactionRunner#independent()}. */
    boolean independent() default false;

    /** As {@link TransactionRunner#savepoint()}. */
    boolean savepoint() default false;
}

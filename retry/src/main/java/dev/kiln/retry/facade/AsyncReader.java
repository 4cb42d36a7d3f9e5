package dev.kiln.retry.facade;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method is an async reader unit of work ({@link TransactionFacade#asyncReader()}): woven by
 * {@link TransactionFacade#enhance}.
 *
 * <pre>{@code
 * @AsyncReader
 * public long countAllocated(RequestContext ctx) {
 *     return ctx.session().createSelectionQuery("select count(*) from FloatingIp where projectId is not null",
 *             Long.class).getSingleResult();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AsyncReader {
    /** As {@link TransactionRunner#independent()}. */
    boolean independent() default false;
}

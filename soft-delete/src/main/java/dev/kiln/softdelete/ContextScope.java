package dev.kiln.softdelete;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scopes an entity (or every entity extending a mapped superclass) by a context value, e.g. its project:
 * {@code project_id = :project}, or with {@link #allowNone()} {@code (project_id = :project or project_id is null)}.
 * Admin contexts are not scoped. Equivalent to {@link CriteriaRule#scope(Class, String, String)}.
 *
 * <pre>{@code
 * @Entity
 * @SoftDeletable
 * @ContextScope(column = "project_id", allowNone = true)
 * public class Address { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ContextScope {
    /** The column compared with the context value. */
    String column();

    /** The context value's key. */
    String key() default CriteriaContext.PROJECT;

    /** Also match rows whose column is null (Nova's {@code allow_none}). */
    boolean allowNone() default false;
}

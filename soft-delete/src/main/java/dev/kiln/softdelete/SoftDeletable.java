package dev.kiln.softdelete;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts an entity, or every entity extending a mapped superclass, into Kiln's deleted-row criteria
 * ({@link CriteriaRule#readDeleted}). Put it on the hierarchy's root entity or a mapped superclass above it.
 *
 * <pre>{@code
 * @MappedSuperclass
 * @SoftDeletable                                   // Nova style: deleted (set to the id) + deleted_at
 * public abstract class Base { ... }
 *
 * @Entity
 * @SoftDeletable(style = SoftDeleteStyle.Kind.FLAG, column = "removed", timestampColumn = "")
 * public class Note { ... }
 * }</pre>
 *
 * Entities that cannot carry the annotation (shared models) are registered with
 * {@link SoftDeleteConfiguration.Builder#softDelete(Class, SoftDeleteStyle)} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SoftDeletable {
    SoftDeleteStyle.Kind style() default SoftDeleteStyle.Kind.NOVA;

    /** The integer (Nova) or boolean (flag) column; ignored by the timestamp style. */
    String column() default "deleted";

    /** The deletion timestamp column; empty for none (not allowed for the timestamp style). */
    String timestampColumn() default "deleted_at";
}

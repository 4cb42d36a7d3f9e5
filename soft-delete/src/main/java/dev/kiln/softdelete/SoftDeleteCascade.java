package dev.kiln.softdelete;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an association (a collection or a to-one) whose targets {@link SoftDelete#softDelete} deletes together with
 * the owner. Targets must be soft-deletable themselves. Programmatic equivalent:
 * {@link SoftDeleteConfiguration.Builder#cascade(Class, String)}.
 *
 * <pre>{@code
 * @OneToMany(mappedBy = "instance")
 * @SoftDeleteCascade
 * private List<FixedIp> fixedIps;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface SoftDeleteCascade {
}

package dev.kiln.bundles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The attribute path an accessor of an {@link EntityView} reads, when it is not the accessor's own name: an attribute
 * ({@code "projectId"}) or a path through to-one associations ({@code "fixedIp.instance.host"}). Associations on
 * the path are left-joined, so a null association reads as null rather than dropping the row.
 *
 * <pre>{@code
 * @EntityView(FloatingIp.class)
 * public interface FloatingIpSummary {
 *     @Mapping("fixedIp.instance.host") String getInstanceHost();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Mapping {
    String value();
}

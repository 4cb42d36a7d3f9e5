package dev.kiln.bundles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an interface or a record as a view of an entity: each accessor (interface getter or record component)
 * reads one attribute, by its name ({@code getAddress()} / {@code address}) or by a {@link Mapping} path through
 * to-one associations. A query reads exactly those columns (joining what the paths go through) and implements or
 * constructs the view with generated code.
 *
 * <pre>{@code
 * @EntityView(FloatingIp.class)
 * public interface FloatingIpSummary {
 *     String getAddress();
 *     @Mapping("fixedIp.instance.host") String getInstanceHost();
 * }
 *
 * @EntityView(FloatingIp.class)
 * public record FloatingIpRow(Long id, String address, @Mapping("fixedIp.address") String fixedAddress) {}
 *
 * List<FloatingIpSummary> views = Bundles.view(session, FloatingIpSummary.class).where("e.projectId = :p")
 *         .parameter("p", "p-42").list();
 * }</pre>
 *
 * Views are checked when first used, or when the SessionFactory starts if listed in the setting
 * {@link BundleSettings#VIEWS}: a misspelled attribute is then a startup error naming the view, accessor and path.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EntityView {
    /** The entity viewed. */
    Class<?> value();
}

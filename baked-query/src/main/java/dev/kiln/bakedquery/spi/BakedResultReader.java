package dev.kiln.bakedquery.spi;

import org.hibernate.SharedSessionContract;

import java.util.List;
import java.util.Map;

/**
 * The extension point through which another module reads a baked query's rows its own way, instead of as managed
 * entities: the bundles module (issue 9) makes baked queries return read-only bundles through it. The baked query
 * still supplies the cached part (its lambdas run once per call site); the reader decides how the query executes.
 *
 * <pre>{@code
 * List<FloatingIpView> views = bakery.hql(FloatingIp.class, () -> "from FloatingIp where host = :host")
 *         .on(session).param("host", host)
 *         .read(bundleReader);   // a BakedResultReader<FloatingIpView> from the bundles module
 * }</pre>
 *
 * A reader prepares its per-statement artifacts once with {@link BakedStatement#attachment} and keys anything
 * derived from translated SQL by {@link BakedStatement#planKey}.
 *
 * @param <T> what the reader returns per row
 */
@FunctionalInterface
public interface BakedResultReader<T> {
    /**
     * Reads the rows of one call.
     *
     * @param parameters the values bound for this call by name ({@code ?1} positional ones under {@code "?1"})
     */
    List<T> read(SharedSessionContract session, BakedStatement statement, Map<String, Object> parameters);
}

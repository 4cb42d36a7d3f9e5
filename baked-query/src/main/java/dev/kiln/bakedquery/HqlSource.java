package dev.kiln.bakedquery;

import java.io.Serializable;

/**
 * The HQL text of a baked query, written inline as a lambda. The lambda runs once per call site (and SessionFactory);
 * later calls reuse what it produced. Values go in as parameters, never into the text:
 *
 * <pre>{@code
 * FloatingIp ip = bakery.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
 *         .on(session).param("address", address).single();
 * }</pre>
 *
 * The lambda must not capture variables (nor {@code this}): a captured value would freeze into the cached query, so
 * such a lambda is refused with a {@link CapturedStateException}. It is {@link Serializable} only so that Kiln can
 * name captured variables in that error; baked queries are never serialized.
 */
@FunctionalInterface
public interface HqlSource extends Serializable {
    /** The query text; named ({@code :name}) or positional ({@code ?1}) parameters are bound per call. */
    String hql();
}

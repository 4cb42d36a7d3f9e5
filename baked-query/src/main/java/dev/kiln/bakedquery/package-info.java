/**
 * Kiln baked queries: queries written inline as non-capturing lambdas, built once per call site and cached in a
 * bounded {@link dev.kiln.bakedquery.Bakery}. Later calls only bind parameters and execute Hibernate's cached plan.
 *
 * <pre>{@code
 * static final Bakery BAKERY = Bakery.create();
 *
 * FloatingIp ip = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp where address = :address")
 *         .on(session).param("address", address).single();
 * }</pre>
 *
 * Entry points: {@link dev.kiln.bakedquery.Bakery#hql}, {@link dev.kiln.bakedquery.Bakery#criteria}; composition
 * with {@link dev.kiln.bakedquery.BakedQuery#and}, {@link dev.kiln.bakedquery.BakedQuery#then} and
 * {@link dev.kiln.bakedquery.BakedQuery#spoil}; execution with {@link dev.kiln.bakedquery.BakedCall}. Extension
 * points for other modules are in {@code dev.kiln.bakedquery.spi}.
 */
package dev.kiln.bakedquery;

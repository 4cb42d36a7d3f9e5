package dev.kiln.bakedquery;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;

import java.io.Serializable;

/**
 * A baked query built with the criteria API, written inline as a lambda. The lambda runs once per call site (and
 * SessionFactory); later calls only bind parameters and execute.
 *
 * <pre>{@code
 * FloatingIp ip = bakery.criteria(cb -> {
 *             JpaCriteriaQuery<FloatingIp> q = cb.createQuery(FloatingIp.class);
 *             JpaRoot<FloatingIp> f = q.from(FloatingIp.class);
 *             return q.where(cb.equal(f.get("address"), cb.parameter(String.class, "address")));
 *         })
 *         .on(session).param("address", address).single();
 * }</pre>
 *
 * Values must be parameters ({@code cb.parameter(type, name)}), bound per call; constants written into the query
 * ({@code cb.equal(f.get("deleted"), 0)}) are fine because they never change. Capturing lambdas are refused
 * ({@link CapturedStateException}).
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface CriteriaSource<R> extends Serializable {
    /** Builds the query; the result type of the returned query is the baked query's result type. */
    JpaCriteriaQuery<R> build(HibernateCriteriaBuilder cb);
}

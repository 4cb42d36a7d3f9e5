package dev.kiln.bundles;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * A type-safe where-clause of a bundle query, built with JPA criteria on the query's root.
 *
 * <pre>{@code
 * List<FixedIp> ips = Bundles.query(session, FixedIp.class)
 *         .where((cb, ip) -> cb.equal(ip.get(FixedIp_.host), "compute-1"))
 *         .list();
 * }</pre>
 *
 * @param <E> the entity type
 */
@FunctionalInterface
public interface CriteriaWhere<E> {
    Predicate toPredicate(HibernateCriteriaBuilder cb, Root<E> root);
}

package dev.kiln.bakedquery;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import java.io.Serializable;

/**
 * An optional restriction added to a baked query with {@link BakedQuery#and(Where)}, ANDed with the query's existing
 * restriction. Like every part of a baked query it is a non-capturing lambda, and its call site is part of the
 * cache key, so each combination of optional parts is built once:
 *
 * <pre>{@code
 * BakedQuery<FloatingIp> q = bakery.hql(FloatingIp.class, () -> "from FloatingIp where pool = :pool");
 * if (projectOnly) {
 *     q = q.and((cb, root) -> cb.equal(root.get("projectId"), cb.parameter(String.class, "project")));
 * }
 * BakedCall<FloatingIp> call = q.on(session).param("pool", pool);
 * if (projectOnly) {
 *     call.param("project", project);
 * }
 * List<FloatingIp> ips = call.list();
 * }</pre>
 */
@FunctionalInterface
public interface Where extends Serializable {
    /**
     * The predicate to add.
     *
     * @param root the query's first root (the entity after {@code from})
     */
    Predicate where(HibernateCriteriaBuilder cb, Root<?> root);
}

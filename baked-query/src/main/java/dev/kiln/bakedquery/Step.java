package dev.kiln.bakedquery;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;

import java.io.Serializable;

/**
 * A general change to a baked query, added with {@link BakedQuery#then(Step)}: ordering, joins, grouping, anything
 * the criteria API can do to the query. Non-capturing, built once per chain of call sites:
 *
 * <pre>{@code
 * q = q.then((cb, query) -> query.orderBy(cb.asc(query.getRoots().iterator().next().get("address"))));
 * }</pre>
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface Step<R> extends Serializable {
    void apply(HibernateCriteriaBuilder cb, JpaCriteriaQuery<R> query);
}

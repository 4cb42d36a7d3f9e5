package dev.kiln.bundles;

import dev.kiln.bundles.internal.BundleEngine;
import dev.kiln.bundles.internal.ViewModel;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query for {@link EntityView}s: reads exactly the view's columns (left-joining the to-one paths it maps) and
 * builds each view with generated code. The root alias in HQL clauses is {@code e}.
 *
 * <pre>{@code
 * List<FloatingIpSummary> views = Bundles.view(session, FloatingIpSummary.class)
 *         .where("e.projectId = :p").parameter("p", "p-42")
 *         .orderBy("e.address")
 *         .list();
 * }</pre>
 *
 * @param <V> the view type
 */
public final class ViewQuery<V> {
    private final SharedSessionContractImplementor session;
    private final BundleEngine engine;
    private final ViewModel view;
    private String where;
    private String orderBy;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int firstResult = -1;
    private int maxResults = -1;

    ViewQuery(SharedSessionContractImplementor session, BundleEngine engine, Class<V> viewType) {
        this.session = session;
        this.engine = engine;
        this.view = engine.view(viewType);
    }

    /** An HQL condition on the root alias {@code e}. */
    public ViewQuery<V> where(String hqlCondition) {
        this.where = hqlCondition;
        return this;
    }

    /** Binds a named parameter; a {@link Collection} binds a list. */
    public ViewQuery<V> parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** An HQL order-by list on the root alias {@code e}. */
    public ViewQuery<V> orderBy(String hqlOrder) {
        this.orderBy = hqlOrder;
        return this;
    }

    public ViewQuery<V> firstResult(int first) {
        this.firstResult = first;
        return this;
    }

    public ViewQuery<V> maxResults(int max) {
        this.maxResults = max;
        return this;
    }

    public List<V> list() {
        String hql = view.selectFrom();
        if (where != null && !where.isBlank()) {
            hql += " where " + where;
        }
        if (orderBy != null && !orderBy.isBlank()) {
            hql += " order by " + orderBy;
        }
        SelectionQuery<Object[]> query = session.createSelectionQuery(hql, Object[].class);
        parameters.forEach((k, v) -> {
            if (v instanceof Collection<?> c) {
                query.setParameterList(k, c);
            } else {
                query.setParameter(k, v);
            }
        });
        if (firstResult >= 0) {
            query.setFirstResult(firstResult);
        }
        if (maxResults >= 0) {
            query.setMaxResults(maxResults);
        }
        return engine.executeView(view, query);
    }

    /** The only result; {@link NoResultException} or {@link NonUniqueResultException} otherwise. */
    public V single() {
        List<V> r = list();
        if (r.size() != 1) {
            throw r.isEmpty() ? new NoResultException("No row matched the " + view.viewType().getSimpleName() + " query")
                    : new NonUniqueResultException(r.size() + " rows matched a " + view.viewType().getSimpleName()
                    + " query expecting one");
        }
        return r.get(0);
    }
}

package dev.kiln.bundles.internal;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;

import java.util.List;
import java.util.Set;

/**
 * Turns an entity query written by someone else (e.g. a baked query's {@code from FixedIp where host = :host}) into
 * the bundle query of a plan: same roots, joins, where, order and parameters, with the select list replaced by the
 * plan's columns. Hibernate parses the HQL into a criteria tree and renders the changed tree back to HQL, once per
 * statement; the result is executed like any bundle query.
 */
public final class EntityQueryRewriter {
    private EntityQueryRewriter() {
    }

    /**
     * @throws IllegalArgumentException if the query does not select exactly the entities of {@code plan}'s root type
     *                                  from one root
     */
    public static String rewrite(SessionFactoryImplementor factory, String hql, SelectPlan plan) {
        HibernateCriteriaBuilder cb = factory.getCriteriaBuilder();
        JpaCriteriaQuery<Object[]> query = cb.createQuery(hql, Object[].class);
        Set<Root<?>> roots = query.getRoots();
        Class<?> type = plan.root().javaType();
        if (roots.size() != 1) {
            throw new IllegalArgumentException("Cannot read '" + hql + "' as " + plan.root().name()
                    + " bundles: it has " + roots.size() + " roots; a bundle query selects one entity");
        }
        Root<?> root = roots.iterator().next();
        Selection<?> selection = query.getSelection();
        if (root.getJavaType() != type || (selection != null && selection.getJavaType() != type)) {
            throw new IllegalArgumentException("Cannot read '" + hql + "' as " + plan.root().name()
                    + " bundles: it must select the " + plan.root().name() + " entities of its only root");
        }
        List<Selection<?>> columns = plan.criteriaSelections(cb, root);
        query.multiselect(columns);
        return ((SqmSelectStatement<?>) query).toHqlString();
    }
}

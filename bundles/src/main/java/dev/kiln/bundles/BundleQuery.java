package dev.kiln.bundles;

import dev.kiln.bundles.internal.BundleEngine;
import dev.kiln.bundles.internal.BundleInspector;
import dev.kiln.bundles.internal.BundleSpec;
import dev.kiln.bundles.internal.EntityLayout;
import dev.kiln.bundles.internal.SelectPlan;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A query for bundles of one entity type. Configure it, then call {@link #list()}, {@link #single()} or
 * {@link #optional()}. Like a Hibernate {@code Query}, an instance belongs to one session and one thread; the view
 * classes and select plans behind it are built once per type and shared.
 *
 * <pre>{@code
 * // HQL where-clause on the root alias "e" (change it with alias("f"))
 * List<FixedIp> ips = Bundles.query(session, FixedIp.class)
 *         .where("e.host = :host and e.reserved = false").parameter("host", "compute-1")
 *         .orderBy("e.address")
 *         .list();
 *
 * // criteria where-clause, to-one fetched in the same query, a column bundle
 * List<FloatingIp> fips = Bundles.query(session, FloatingIp.class)
 *         .where((cb, f) -> cb.equal(f.get(FloatingIp_.projectId), "p-42"))
 *         .select(FloatingIp_.address, FloatingIp_.fixedIp)
 *         .fetch("fixedIp.instance")
 *         .list();
 * }</pre>
 *
 * @param <E> the entity type
 */
public final class BundleQuery<E> {
    private final SharedSessionContractImplementor session;
    private final BundleEngine engine;
    private final Class<E> type;
    private final EntityLayout layout;
    private String alias = "e";
    private String where;
    private String orderBy;
    private CriteriaWhere<E> criteriaWhere;
    private BiFunction<HibernateCriteriaBuilder, Root<E>, List<Order>> criteriaOrder;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<String> fetches = new ArrayList<>();
    private boolean[] selected;
    private boolean loadUnselected;
    private int firstResult = -1;
    private int maxResults = -1;

    BundleQuery(SharedSessionContractImplementor session, BundleEngine engine, Class<E> type) {
        this.session = session;
        this.engine = engine;
        this.type = type;
        this.layout = engine.layout(type);
    }

    /** The alias of the root entity in HQL where and order-by clauses (default {@code e}). */
    public BundleQuery<E> alias(String rootAlias) {
        if (rootAlias == null || !rootAlias.matches("[A-Za-z_][A-Za-z0-9_]*") || rootAlias.startsWith("kiln_")) {
            throw new IllegalArgumentException("Not a usable alias: '" + rootAlias + "' (an identifier not starting with kiln_)");
        }
        this.alias = rootAlias;
        return this;
    }

    /** An HQL condition on the root alias, e.g. {@code e.host = :host}; parameters set with {@link #parameter}. */
    public BundleQuery<E> where(String hqlCondition) {
        this.where = hqlCondition;
        return this;
    }

    /** A criteria condition on the root; cannot be combined with an HQL condition or order. */
    public BundleQuery<E> where(CriteriaWhere<E> condition) {
        this.criteriaWhere = condition;
        return this;
    }

    /** Binds a named parameter; a {@link Collection} value binds a parameter list ({@code e.id in :ids}). */
    public BundleQuery<E> parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** An HQL order-by list on the root alias, e.g. {@code e.address desc}. */
    public BundleQuery<E> orderBy(String hqlOrder) {
        this.orderBy = hqlOrder;
        return this;
    }

    /** A criteria order; for queries with a criteria condition. */
    public BundleQuery<E> orderBy(BiFunction<HibernateCriteriaBuilder, Root<E>, List<Order>> order) {
        this.criteriaOrder = order;
        return this;
    }

    /**
     * Fetches to-one associations in the same query (left joins), as whole bundles: {@code "instance"}, or a path
     * such as {@code "fixedIp.instance"}. Targets repeated in the result are one bundle.
     */
    public BundleQuery<E> fetch(String... paths) {
        for (String p : paths) {
            fetches.add(p);
        }
        return this;
    }

    /** {@link #fetch(String...)} with metamodel attributes of the root. */
    @SafeVarargs
    public final BundleQuery<E> fetch(Attribute<? super E, ?>... attributes) {
        for (Attribute<? super E, ?> a : attributes) {
            fetches.add(a.getName());
        }
        return this;
    }

    /**
     * Makes this a column bundle query: only the identifier and these attributes are read; the getters of other
     * attributes throw {@link AttributeNotLoadedException} (or load, see {@link #loadUnselectedLazily()}).
     * A to-one attribute reads its foreign key; collections are always available lazily.
     */
    @SafeVarargs
    public final BundleQuery<E> select(Attribute<? super E, ?>... attributes) {
        for (Attribute<? super E, ?> a : attributes) {
            selectIndex(layout.indexOf(a.getName()));
        }
        return this;
    }

    /**
     * {@link #select(Attribute[])} with getter method references, e.g. {@code select(FixedIp::getAddress,
     * FixedIp::getHost)}. Each function must call one getter of a mapped attribute.
     */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public final BundleQuery<E> select(Function<? super E, ?>... getters) {
        for (Function<? super E, ?> g : getters) {
            int i = BundleInspector.recordGetter(layout.bundle(), (Function<Object, ?>) g);
            if (i < 0) {
                throw new IllegalArgumentException("A function passed to select(...) of " + layout.name()
                        + " bundles did not call the getter of a mapped attribute (pass method references such as "
                        + type.getSimpleName() + "::getHost)");
            }
            selectIndex(i);
        }
        return this;
    }

    /** {@link #select(Attribute[])} with attribute names. */
    public BundleQuery<E> select(String... attributes) {
        for (String a : attributes) {
            selectIndex(layout.indexOf(a));
        }
        return this;
    }

    private void selectIndex(int i) {
        if (selected == null) {
            selected = new boolean[layout.size()];
            selected[0] = true;
        }
        BundleSpec.Kind kind = layout.kind(i);
        if (kind == BundleSpec.Kind.UNSUPPORTED) {
            throw new IllegalArgumentException(layout.name() + "." + layout.spec().attr(i).name()
                    + " is mapped in a way bundles do not support (embedded, many-to-many, element collection, inverse"
                    + " one-to-one or composite key)");
        }
        if (kind != BundleSpec.Kind.COLLECTION) {
            selected[i] = true;
        }
    }

    /** Unselected attributes of a column bundle load on first access, for all bundles of the result in one query. */
    public BundleQuery<E> loadUnselectedLazily() {
        this.loadUnselected = true;
        return this;
    }

    public BundleQuery<E> firstResult(int first) {
        this.firstResult = first;
        return this;
    }

    public BundleQuery<E> maxResults(int max) {
        this.maxResults = max;
        return this;
    }

    /** Runs the query. The list is mutable; the bundles in it are read-only. */
    public List<E> list() {
        boolean[] loaded = selected != null ? selected : layout.allLoaded();
        SelectPlan plan = engine.plan(layout, loaded, fetches);
        SelectionQuery<Object[]> query = criteriaWhere != null || criteriaOrder != null
                ? criteriaQuery(plan) : hqlQuery(plan);
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            if (p.getValue() instanceof Collection<?> c) {
                query.setParameterList(p.getKey(), c);
            } else {
                query.setParameter(p.getKey(), p.getValue());
            }
        }
        if (firstResult >= 0) {
            query.setFirstResult(firstResult);
        }
        if (maxResults >= 0) {
            query.setMaxResults(maxResults);
        }
        return engine.execute(session, plan, query, loadUnselected);
    }

    /** The only result; {@link NoResultException} or {@link NonUniqueResultException} otherwise. */
    public E single() {
        List<E> r = list();
        if (r.isEmpty()) {
            throw new NoResultException("No " + layout.name() + " matched the bundle query");
        }
        if (r.size() > 1) {
            throw new NonUniqueResultException(r.size() + " " + layout.name() + " rows matched a bundle query expecting one");
        }
        return r.get(0);
    }

    /** The result if there is one; {@link NonUniqueResultException} if there are several. */
    public Optional<E> optional() {
        List<E> r = list();
        if (r.size() > 1) {
            throw new NonUniqueResultException(r.size() + " " + layout.name() + " rows matched a bundle query expecting at most one");
        }
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private SelectionQuery<Object[]> hqlQuery(SelectPlan plan) {
        String hql = plan.selectFrom(alias);
        if (where != null && !where.isBlank()) {
            hql = hql + " where " + where;
        }
        if (orderBy != null && !orderBy.isBlank()) {
            hql = hql + " order by " + orderBy;
        }
        return session.createSelectionQuery(hql, Object[].class);
    }

    private SelectionQuery<Object[]> criteriaQuery(SelectPlan plan) {
        if (where != null || orderBy != null) {
            throw new IllegalStateException("A bundle query of " + layout.name()
                    + " has both HQL and criteria clauses; use one style");
        }
        HibernateCriteriaBuilder cb = session.getFactory().getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<E> root = q.from(type);
        q.multiselect(plan.criteriaSelections(cb, root));
        if (criteriaWhere != null) {
            q.where(criteriaWhere.toPredicate(cb, root));
        }
        if (criteriaOrder != null) {
            q.orderBy(criteriaOrder.apply(cb, root));
        }
        return session.createSelectionQuery(q);
    }
}

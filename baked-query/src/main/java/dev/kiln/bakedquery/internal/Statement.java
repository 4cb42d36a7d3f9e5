package dev.kiln.bakedquery.internal;

import dev.kiln.bakedquery.CriteriaSource;
import dev.kiln.bakedquery.HqlSource;
import dev.kiln.bakedquery.Step;
import dev.kiln.bakedquery.Where;
import dev.kiln.bakedquery.internal.hibernate.DirectSelectAdapter;
import dev.kiln.bakedquery.internal.hibernate.DirectSelectAdapter.Direct;
import dev.kiln.bakedquery.internal.hibernate.SelectPlanAdapter;
import dev.kiln.bakedquery.internal.hibernate.SelectPlanAdapter.Prototype;
import dev.kiln.bakedquery.spi.BakedStatement;
import dev.kiln.bakedquery.spi.PlanKeyContributor;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.spi.SelectQueryPlan;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What a chain of call sites built for one SessionFactory: Hibernate's query taken apart (built once, by running the
 * lambdas), and Hibernate plans over it, one per plan key (enabled fetch profiles + contributed parts such as the
 * soft-delete shape) and paging. A plan translates to SQL on its first execution and keeps the translation.
 */
public final class Statement implements BakedStatement {
    /** Marks a plan key whose query cannot take the direct path. */
    private static final Object NOT_DIRECT = new Object();

    /** More plan keys than this for one statement: further ones are built per call rather than cached. */
    static final int MAX_PLANS_PER_STATEMENT = 64;

    private final SessionFactoryImplementor factory;
    private final Prototype prototype;
    private final List<PlanKeyContributor> contributors;
    private final ConcurrentHashMap<Object, SelectQueryPlan<?>> plans = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, SelectQueryPlan<?>> pagedPlans = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, Object> attachments = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, Object> directs = new ConcurrentHashMap<>();
    private final LongAdder directCalls = new LongAdder();
    private volatile Object plainDirect;
    private volatile SelectQueryPlan<?> plainPlan;
    private volatile SelectQueryPlan<?> plainPagedPlan;
    private volatile String hql;

    private Statement(SessionFactoryImplementor factory, Prototype prototype, List<PlanKeyContributor> contributors) {
        this.factory = factory;
        this.prototype = prototype;
        this.contributors = contributors;
    }

    /** Runs the lambdas of {@code prefix} (source first) and has Hibernate build and validate the query. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Statement bake(Chain prefix, SharedSessionContractImplementor session) {
        List<Chain> path = prefix.path();
        Chain source = path.get(0);
        SelectionQuery<?> query;
        if (path.size() == 1 && source.kind() == Chain.Kind.HQL) {
            query = session.createSelectionQuery(((HqlSource) source.part()).hql(), source.resultType());
        } else {
            HibernateCriteriaBuilder cb = session.getFactory().getCriteriaBuilder();
            JpaCriteriaQuery criteria = source.kind() == Chain.Kind.HQL
                    ? cb.createQuery(((HqlSource) source.part()).hql(), source.resultType())
                    : ((CriteriaSource<?>) source.part()).build(cb);
            if (criteria == null) {
                throw new IllegalArgumentException("A baked criteria lambda returned null instead of a query");
            }
            for (Chain part : path.subList(1, path.size())) {
                apply(cb, criteria, part);
            }
            query = session.createSelectionQuery(criteria);
        }
        return new Statement(session.getFactory(), SelectPlanAdapter.prototype(query),
                PlanKeyContributors.applicableTo(session));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void apply(HibernateCriteriaBuilder cb, JpaCriteriaQuery criteria, Chain part) {
        switch (part.kind()) {
            case WHERE -> {
                Set<Root<?>> roots = criteria.getRoots();
                if (roots.isEmpty()) {
                    throw new IllegalStateException("and(...) needs a query with a root entity");
                }
                Predicate p = ((Where) part.part()).where(cb, roots.iterator().next());
                Predicate existing = criteria.getRestriction();
                criteria.where(existing == null ? p : cb.and(existing, p));
            }
            case STEP -> ((Step) part.part()).apply(cb, criteria);
            default -> throw new IllegalStateException("Not a composable part: " + part.kind());
        }
    }

    /** Executes one call. {@code keys} holds parameter names (String) or positions (Integer). */
    @SuppressWarnings("unchecked")
    <R> List<R> list(SharedSessionContractImplementor session, Chain chain, Object[] keys, Object[] values, int count,
                     Integer firstResult, Integer maxResults) {
        if (chain.isSpoiled()) {
            return listSpoiled(session, chain, keys, values, count, firstResult, maxResults);
        }
        boolean paged = firstResult != null || maxResults != null;
        boolean filtered = SelectPlanAdapter.hasEnabledFilters(session);
        Object key = paged || filtered ? null : planKey(session);
        Object direct = paged || filtered ? NOT_DIRECT : direct(key);
        if (direct instanceof Direct d) {
            Object[] table = d.newValues();
            boolean known = true;
            for (int i = 0; i < count && known; i++) {
                int index = d.indexOf(keys[i]);
                if (index < 0) {
                    known = false;
                } else {
                    table[index] = values[i];
                }
            }
            if (known && d.accepts(table)) {
                directCalls.increment();
                return DirectSelectAdapter.list(d, session, table);
            }
        }
        QueryParameterBindings bindings = SelectPlanAdapter.bindings(prototype, session);
        for (int i = 0; i < count; i++) {
            if (keys[i] instanceof String name) {
                SelectPlanAdapter.bind(bindings, name, values[i]);
            } else {
                SelectPlanAdapter.bind(bindings, (Integer) keys[i], values[i]);
            }
        }
        QueryOptions options = SelectPlanAdapter.options(prototype, firstResult, maxResults);
        SelectQueryPlan<?> plan;
        if (SelectPlanAdapter.hasMultiValuedBindings(bindings)) {
            plan = SelectPlanAdapter.plan(prototype, true);     // the expansion of a list parameter is per call
        } else if (filtered) {
            plan = SelectPlanAdapter.plan(prototype, false);    // filter values are baked into the translation
        } else {
            if (direct == null) {
                bindings.validate();
                Direct built = DirectSelectAdapter.build(prototype, session, bindings);
                rememberDirect(key, built == null ? NOT_DIRECT : built);
            }
            plan = plan(session, paged);
        }
        return SelectPlanAdapter.list(plan, prototype, session, bindings, options);
    }

    /** The direct artifact for a plan key: a {@link Direct}, {@link #NOT_DIRECT}, or null if not built yet. */
    private Object direct(Object key) {
        return key == null ? plainDirect : directs.get(key);
    }

    private void rememberDirect(Object key, Object direct) {
        if (key == null) {
            plainDirect = direct;
        } else if (directs.size() < MAX_PLANS_PER_STATEMENT) {
            directs.putIfAbsent(key, direct);
        }
    }

    private SelectQueryPlan<?> plan(SharedSessionContractImplementor session, boolean paged) {
        Object key = planKey(session);
        if (key == null) {
            SelectQueryPlan<?> plan = paged ? plainPagedPlan : plainPlan;
            if (plan == null) {
                synchronized (this) {
                    plan = paged ? plainPagedPlan : plainPlan;
                    if (plan == null) {
                        plan = SelectPlanAdapter.plan(prototype, false);
                        if (paged) {
                            plainPagedPlan = plan;
                        } else {
                            plainPlan = plan;
                        }
                    }
                }
            }
            return plan;
        }
        ConcurrentHashMap<Object, SelectQueryPlan<?>> map = paged ? pagedPlans : plans;
        SelectQueryPlan<?> plan = map.get(key);
        if (plan == null) {
            if (map.size() >= MAX_PLANS_PER_STATEMENT) {
                return SelectPlanAdapter.plan(prototype, false);
            }
            plan = map.computeIfAbsent(key, k -> SelectPlanAdapter.plan(prototype, false));
        }
        return plan;
    }

    /** Parts after spoil(): copy the cached tree, apply them, and run it as an ordinary Hibernate query. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> List<R> listSpoiled(SharedSessionContractImplementor session, Chain chain, Object[] keys,
                                    Object[] values, int count, Integer firstResult, Integer maxResults) {
        HibernateCriteriaBuilder cb = session.getFactory().getCriteriaBuilder();
        JpaCriteriaQuery criteria = SelectPlanAdapter.mutableCopy(prototype);
        for (Chain part : chain.dynamicParts()) {
            apply(cb, criteria, part);
        }
        SelectionQuery<R> query = session.createSelectionQuery(criteria);
        for (int i = 0; i < count; i++) {
            if (keys[i] instanceof String name) {
                query.setParameter(name, values[i]);
            } else {
                query.setParameter((Integer) keys[i], values[i]);
            }
        }
        if (firstResult != null) {
            query.setFirstResult(firstResult);
        }
        if (maxResults != null) {
            query.setMaxResults(maxResults);
        }
        return query.list();
    }

    @Override
    public Object planKey(SharedSessionContract session) {
        SharedSessionContractImplementor s = (SharedSessionContractImplementor) session;
        Set<String> profiles = SelectPlanAdapter.enabledFetchProfiles(s);
        int n = contributors.size();
        if (n == 0) {
            return profiles.isEmpty() ? null : profiles;
        }
        if (n == 1 && profiles.isEmpty()) {
            return new ContributedKey(contributors.get(0).keyPart(session));
        }
        Object[] parts = new Object[n + 1];
        parts[0] = profiles;
        for (int i = 0; i < n; i++) {
            parts[i + 1] = contributors.get(i).keyPart(session);
        }
        return Arrays.asList(parts);
    }

    /** A single contributed part, wrapped so that it never equals a fetch-profile set. */
    private record ContributedKey(Object part) {
    }

    @Override
    public SessionFactory sessionFactory() {
        return factory;
    }

    SessionFactoryImplementor factory() {
        return factory;
    }

    @Override
    public String hql() {
        String h = hql;
        if (h == null) {
            h = prototype.sqm().toHqlString();
            hql = h;
        }
        return h;
    }

    @Override
    public Class<?> resultType() {
        return prototype.resultType();
    }

    @Override
    public Set<String> parameterNames() {
        return prototype.parameterNames();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A attachment(Object key, Function<? super BakedStatement, ? extends A> create) {
        return (A) attachments.computeIfAbsent(key, k -> create.apply(this));
    }

    /** For tests: how many calls took the direct path ({@link DirectSelectAdapter}). */
    public long directCalls() {
        return directCalls.sum();
    }
}

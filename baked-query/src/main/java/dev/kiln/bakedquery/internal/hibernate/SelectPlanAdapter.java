package dev.kiln.bakedquery.internal.hibernate;

import org.hibernate.HibernateException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.spi.AfterLoadAction;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.query.IllegalQueryOperationException;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.hql.internal.QuerySplitter;
import org.hibernate.query.internal.QueryOptionsImpl;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.spi.ParameterMetadataImplementor;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBinding;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.query.spi.SelectQueryPlan;
import org.hibernate.query.sqm.internal.AggregatedSelectQueryPlanImpl;
import org.hibernate.query.sqm.internal.ConcreteSqmSelectQueryPlan;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.internal.SqmSelectionQueryImpl;
import org.hibernate.query.sqm.SqmQuerySource;
import org.hibernate.query.sqm.tree.SqmCopyContext;
import org.hibernate.query.sqm.tree.expression.SqmJpaCriteriaParameterWrapper;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.expression.ValueBindJpaCriteriaParameter;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.exec.internal.BaseExecutionContext;
import org.hibernate.sql.exec.spi.Callback;
import org.hibernate.sql.results.internal.TupleMetadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place baked queries touch Hibernate internals (hibernate-core 7.3): it takes apart a query Hibernate built
 * (the SQM tree, parameter cross-reference and metadata, tuple metadata), builds Hibernate's own
 * {@link ConcreteSqmSelectQueryPlan} over it once, and later executes that plan with a small execution context,
 * exactly as {@code SqmSelectionQueryImpl.list()} does, minus what a baked query already knows: no HQL lookup, no
 * query object, no plan-cache key built and hashed per call.
 *
 * <p>What is kept per execution, as in Hibernate: parameter validation, {@code prepareForQueryExecution}, pre-flush
 * and auto-flush of the affected tables (inside the plan), the session's persistence context and second-level cache
 * on load, exception conversion, and {@code afterOperation}. Covered by {@code SelectPlanAdapterTest}.
 */
public final class SelectPlanAdapter {
    private SelectPlanAdapter() {
    }

    /**
     * What a baked query keeps from the query Hibernate built for its lambdas.
     *
     * @param valueBindings parameters the criteria API created for constants ({@code cb.equal(x, 0)}), with the value
     */
    public record Prototype(SqmSelectStatement<?> sqm, String queryString, DomainParameterXref xref,
                            ParameterMetadataImplementor parameterMetadata, TupleMetadata tupleMetadata,
                            Class<?> expectedResultType, Class<?> resultType, QueryOptions options,
                            Map<QueryParameterImplementor<?>, ValueBindJpaCriteriaParameter<?>> valueBindings,
                            boolean distinctInMemory) {
        public Set<String> parameterNames() {
            return parameterMetadata.getNamedParameterNames();
        }
    }

    /** Takes apart a selection query created by the session ({@code createSelectionQuery} of HQL or criteria). */
    public static Prototype prototype(SelectionQuery<?> query) {
        if (!(query instanceof SqmSelectionQueryImpl<?> q)) {
            throw new IllegalStateException("Kiln baked queries expected Hibernate's SqmSelectionQueryImpl, got "
                    + query.getClass().getName() + ": hibernate-core changed; update SelectPlanAdapter");
        }
        SqmSelectStatement<?> sqm = q.getSqmStatement();
        DomainParameterXref xref = q.getDomainParameterXref();
        Map<QueryParameterImplementor<?>, ValueBindJpaCriteriaParameter<?>> valueBindings = new IdentityHashMap<>();
        for (Map.Entry<QueryParameterImplementor<?>, List<SqmParameter<?>>> e : xref.getQueryParameters().entrySet()) {
            if (e.getValue().get(0) instanceof SqmJpaCriteriaParameterWrapper<?> wrapper
                    && wrapper.getJpaCriteriaParameter() instanceof ValueBindJpaCriteriaParameter<?> value) {
                valueBindings.put(e.getKey(), value);
            }
        }
        // Hibernate de-duplicates in memory when a collection is fetch-joined and the query says distinct.
        boolean distinct = sqm.containsCollectionFetches() && sqm.usesDistinct();
        return new Prototype(sqm, q.getQueryString(), xref, q.getParameterMetadata(), q.getTupleMetadata(),
                q.getExpectedResultType(), q.getResultType(), q.getQueryOptions(), Map.copyOf(valueBindings),
                distinct);
    }

    /**
     * A mutable copy of the prototype's tree, for parts of a query that run on every call (after {@code spoil()}).
     */
    @SuppressWarnings("unchecked")
    public static <R> SqmSelectStatement<R> mutableCopy(Prototype prototype) {
        return (SqmSelectStatement<R>) prototype.sqm().copy(SqmCopyContext.simpleContext(SqmQuerySource.CRITERIA));
    }

    /**
     * Hibernate's plan for the prototype (one per polymorphic split, as Hibernate does). The plan caches its SQL
     * translation on first execution; share it only between sessions whose translation is the same (same enabled
     * fetch profiles, no enabled filters, same soft-delete shape).
     *
     * @param ownXref give the plan its own copy of the parameter cross-reference (needed when a multi-valued
     *                parameter expands it during execution)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SelectQueryPlan<?> plan(Prototype p, boolean ownXref) {
        DomainParameterXref xref = ownXref ? p.xref().copy() : p.xref();
        SqmSelectStatement<?>[] split = QuerySplitter.split(p.sqm());
        if (split.length == 1) {
            return new ConcreteSqmSelectQueryPlan(split[0], p.queryString(), xref, p.expectedResultType(),
                    p.tupleMetadata(), p.options());
        }
        SelectQueryPlan[] plans = new SelectQueryPlan[split.length];
        for (int i = 0; i < split.length; i++) {
            plans[i] = new ConcreteSqmSelectQueryPlan(split[i], p.queryString(), xref, p.expectedResultType(),
                    p.tupleMetadata(), p.options());
        }
        return new AggregatedSelectQueryPlanImpl(plans);
    }

    /** Fresh parameter bindings for one execution, with the criteria constants bound. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static QueryParameterBindings bindings(Prototype p, SharedSessionContractImplementor session) {
        QueryParameterBindings bindings = p.parameterMetadata().createBindings(session.getFactory());
        if (!p.valueBindings().isEmpty()) {
            for (Map.Entry<QueryParameterImplementor<?>, ValueBindJpaCriteriaParameter<?>> e : p.valueBindings().entrySet()) {
                ValueBindJpaCriteriaParameter value = e.getValue();
                bindings.getBinding((QueryParameterImplementor) e.getKey())
                        .setBindValue(value.getValue(), value.getAnticipatedType());
            }
        }
        return bindings;
    }

    /** Binds a named parameter as {@code setParameter(name, value)} does (a collection binds a multi-valued one). */
    public static void bind(QueryParameterBindings bindings, String name, Object value) {
        bind(bindings.getBinding(name), value);
    }

    /** Binds a positional parameter ({@code ?1}). */
    public static void bind(QueryParameterBindings bindings, int position, Object value) {
        bind(bindings.getBinding(position), value);
    }

    private static void bind(QueryParameterBinding<?> binding, Object value) {
        if (value instanceof Collection<?> values && binding.getQueryParameter().allowsMultiValuedBinding()) {
            binding.setBindValues(values);
        } else {
            binding.setBindValue(value, false);
        }
    }

    public static boolean hasMultiValuedBindings(QueryParameterBindings bindings) {
        return bindings.hasAnyMultiValuedBindings();
    }

    /** Query options for calls with a limit (paging); {@code null} bounds are left unset. */
    public static QueryOptions options(Prototype p, Integer firstResult, Integer maxResults) {
        if (firstResult == null && maxResults == null) {
            return p.options();
        }
        if (p.sqm().containsCollectionFetches()) {
            throw new IllegalStateException("A baked query that fetch-joins a collection cannot be paged (Hibernate "
                    + "would page in memory): '" + p.queryString() + "'. Page with a plain Hibernate query.");
        }
        QueryOptionsImpl options = new QueryOptionsImpl();
        options.setComment(p.options().getComment());
        options.getLimit().setFirstRow(firstResult);
        options.getLimit().setMaxRows(maxResults);
        return options;
    }

    /** Whether the session's influencers make a translated plan session-specific (enabled filters). */
    public static boolean hasEnabledFilters(SharedSessionContractImplementor session) {
        return session.getLoadQueryInfluencers().hasEnabledFilters();
    }

    /** The session's enabled fetch profiles, which Hibernate also puts in its plan-cache key; empty set if none. */
    public static Set<String> enabledFetchProfiles(SharedSessionContractImplementor session) {
        var influencers = session.getLoadQueryInfluencers();
        return influencers.hasEnabledFetchProfiles() ? Set.copyOf(influencers.getEnabledFetchProfileNames()) : Set.of();
    }

    /** Executes a plan as {@code SelectionQuery.list()} would. */
    @SuppressWarnings("unchecked")
    public static <R> List<R> list(SelectQueryPlan<?> plan, Prototype p, SharedSessionContractImplementor session,
                                   QueryParameterBindings bindings, QueryOptions options) {
        bindings.validate();
        session.prepareForQueryExecution(false);
        boolean success = false;
        try {
            List<R> rows = (List<R>) plan.performList(new Context(session, options, bindings, p.resultType()));
            success = true;
            return p.distinctInMemory() ? distinct(rows) : rows;
        } catch (IllegalQueryOperationException e) {
            throw new IllegalStateException(e);
        } catch (HibernateException e) {
            throw session.getExceptionConverter().convert(e, options.getLockOptions());
        } finally {
            if (!session.isTransactionInProgress()) {
                session.getJdbcCoordinator().getLogicalConnection().afterTransaction();
            }
            session.afterOperation(success);
        }
    }

    static <R> List<R> distinct(List<R> rows) {
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>(rows.size()));
        List<R> out = new ArrayList<>(rows.size());
        for (R r : rows) {
            if (seen.add(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The per-execution context Hibernate's plan reads: session, options, bindings, callback, result type. Also a JDBC
     * {@code ExecutionContext}, so that {@link DirectSelectAdapter} extends it rather than repeating it.
     */
    static class Context extends BaseExecutionContext implements DomainQueryExecutionContext, Callback {
        private final QueryOptions options;
        private final QueryParameterBindings bindings;
        private final Class<?> resultType;
        private List<AfterLoadAction> afterLoadActions;

        Context(SharedSessionContractImplementor session, QueryOptions options, QueryParameterBindings bindings,
                Class<?> resultType) {
            super(session);
            this.options = options;
            this.bindings = bindings;
            this.resultType = resultType;
        }

        @Override
        public QueryOptions getQueryOptions() {
            return options;
        }

        @Override
        public QueryParameterBindings getQueryParameterBindings() {
            return bindings;
        }

        /**
         * The context is its own callback (what {@code CallbackImpl} does, with the list of after-load actions made
         * only when an action is registered): Hibernate asks for the callback on every execution, and most register
         * nothing.
         */
        @Override
        public Callback getCallback() {
            return this;
        }

        @Override
        public boolean hasCallbackActions() {
            return hasAfterLoadActions();
        }

        @Override
        public void registerAfterLoadAction(AfterLoadAction action) {
            if (afterLoadActions == null) {
                afterLoadActions = new ArrayList<>(1);
            }
            afterLoadActions.add(action);
        }

        @Override
        public void invokeAfterLoadActions(Object entity, EntityMappingType type, SharedSessionContractImplementor s) {
            if (afterLoadActions != null) {
                for (int i = 0; i < afterLoadActions.size(); i++) {
                    afterLoadActions.get(i).afterLoad(entity, type, s);
                }
            }
        }

        @Override
        public boolean hasAfterLoadActions() {
            return afterLoadActions != null && !afterLoadActions.isEmpty();
        }

        @Override
        public Class<?> getResultType() {
            return resultType;
        }
    }
}

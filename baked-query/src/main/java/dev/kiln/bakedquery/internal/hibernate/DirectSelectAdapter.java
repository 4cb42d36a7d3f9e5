package dev.kiln.bakedquery.internal.hibernate;

import dev.kiln.bakedquery.internal.hibernate.SelectPlanAdapter.Prototype;
import org.hibernate.HibernateException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SubselectFetch;
import org.hibernate.internal.util.MutableObject;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.query.IllegalQueryOperationException;
import org.hibernate.query.hql.internal.QuerySplitter;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.SqlOmittingQueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.query.sqm.internal.CacheableSqmInterpretation;
import org.hibernate.query.sqm.internal.ConcreteSqmSelectQueryPlan;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.expression.ValueBindJpaCriteriaParameter;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.internal.JdbcParameterBindingImpl;
import org.hibernate.sql.exec.spi.JdbcParameterBinding;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcParametersList;
import org.hibernate.sql.exec.spi.JdbcSelect;
import org.hibernate.sql.results.internal.RowProcessingStateStandardImpl;
import org.hibernate.sql.results.jdbc.spi.JdbcValues;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingOptions;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingState;
import org.hibernate.sql.results.spi.ListResultsConsumer;
import org.hibernate.sql.results.spi.ResultsConsumer;
import org.hibernate.sql.results.spi.RowReader;
import org.hibernate.sql.results.spi.RowTransformer;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.java.spi.EntityJavaType;
import org.hibernate.type.spi.TypeConfiguration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.hibernate.query.sqm.internal.SqmQueryImpl.CRITERIA_HQL_STRING;

/**
 * The shortest path Hibernate 7.3 allows from a baked query to its rows as managed entities: the SQL translation
 * ({@code JdbcSelect}), the JDBC parameter slots, the row transformer and the unique-result semantic are built once;
 * a call then only fills a {@code JdbcParameterBindings} with its values and runs Hibernate's {@code JdbcSelectExecutor}
 * (which reads rows through the session: persistence context, entity instantiation, lazy proxies, second-level
 * cache puts). Compared to executing Hibernate's plan ({@link SelectPlanAdapter}), it skips domain parameter bindings,
 * their validation and their per-call translation into JDBC bindings.
 *
 * <p>Used only where it is exactly equivalent; {@link #build} returns null otherwise and the plan path runs: a
 * polymorphic (split) query, SQL that depends on bound values, any parameter that is not one basic JDBC value
 * without a converter (entities, embeddables, enums with converters, lists), paging.
 *
 * <p>It extends {@link ConcreteSqmSelectQueryPlan} only to reach the protected static helpers Hibernate keeps for
 * Hibernate Reactive ({@code buildInterpretation}, {@code determineRowTransformer}); it is never instantiated. Its
 * execution context does what {@code listInterpreterExecutionContext} builds, in one object per call. Covered by
 * {@code DirectSelectAdapterTest}.
 */
public final class DirectSelectAdapter extends ConcreteSqmSelectQueryPlan<Object> {
    private DirectSelectAdapter() {
        super(null, null, null, null, null, null);
        throw new AssertionError("never instantiated");
    }

    /** Marks a parameter a call did not bind. */
    public static final Object UNBOUND = new Object() {
        @Override
        public String toString() {
            return "<unbound>";
        }
    };

    /**
     * A translated query and how to bind it.
     *
     * @param names     per domain parameter: its name, or null (positional)
     * @param positions per domain parameter: its position, or null (named)
     * @param constants per domain parameter: the value of a criteria constant, or {@link #UNBOUND} (bound per call)
     * @param slots     per JDBC parameter: the domain parameter whose value it takes
     * @param criteriaIdentifier for a criteria query, its statistics identifier ({@code "[CRITERIA] " + sql}), built
     *                  once; null for HQL (the HQL text is the identifier)
     * @param consumer  how rows are read, with the query's unique-result semantic: a {@link DirectResultsConsumer}, or
     *                  Hibernate's own consumer where the query transforms its result list
     * @param acceptedClasses per JDBC parameter: the class of the last value its Java type accepted (see
     *                  {@link #accepts}); null until a call binds one
     */
    public record Direct(JdbcSelect jdbcSelect, SelectStatement statement, JdbcParameter[] jdbcParameters,
                         JdbcMapping[] mappings, int[] slots, String[] names, Integer[] positions, Object[] constants,
                         RowTransformer<?> rowTransformer,
                         Class<?> resultType, String queryString, QueryOptions options, boolean distinctInMemory,
                         QueryOptions executionOptions, String criteriaIdentifier,
                         ResultsConsumer<List<Object>, Object> consumer, Class<?>[] acceptedClasses) {

        /** A fresh value table for one call, with the constants filled in. */
        public Object[] newValues() {
            return constants.clone();
        }

        /** Index of a named or positional parameter, or -1. */
        public int indexOf(Object key) {
            for (int i = 0; i < names.length; i++) {
                if (key instanceof String name ? name.equals(names[i]) : key.equals(positions[i])) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Whether every parameter is bound with a value its JDBC type takes as is (else use the plan path). The class
         * of the last value a slot's Java type accepted is remembered ({@code JavaType.isInstance} depends on the
         * value's class only), so that a call binding the same types is a reference comparison per parameter.
         */
        public boolean accepts(Object[] values) {
            for (int k = 0; k < slots.length; k++) {
                Object v = values[slots[k]];
                if (v == UNBOUND) {
                    return false;
                }
                if (v != null && v.getClass() != acceptedClasses[k]) {
                    if (!mappings[k].getJavaTypeDescriptor().isInstance(v)) {
                        return false;
                    }
                    acceptedClasses[k] = v.getClass();      // a benign race: any accepted class is as good
                }
            }
            return true;
        }
    }

    /**
     * Translates the prototype for the session (its fetch profiles and influencers, as the plan would) with the
     * first call's bindings, or returns null when the direct path would not be exactly equivalent.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Direct build(Prototype p, SharedSessionContractImplementor session, QueryParameterBindings firstCall) {
        if (QuerySplitter.split(p.sqm()).length != 1) {
            return null;
        }
        QueryOptions options = p.options();
        SelectPlanAdapter.Context context = new SelectPlanAdapter.Context(session, options, firstCall, p.resultType());
        MutableObject<JdbcParameterBindings> firstJdbc = new MutableObject<>();
        CacheableSqmInterpretation<SelectStatement, JdbcSelect> interpretation =
                buildInterpretation(p.sqm(), p.xref(), context, firstJdbc);
        JdbcSelect jdbcSelect = interpretation.jdbcOperation();
        if (jdbcSelect.dependsOnParameterBindings()) {
            return null;
        }
        List<QueryParameterImplementor<?>> parameters = new ArrayList<>(p.xref().getQueryParameters().keySet());
        int n = parameters.size();
        String[] names = new String[n];
        Integer[] positions = new Integer[n];
        Object[] constants = new Object[n];
        for (int i = 0; i < n; i++) {
            QueryParameterImplementor<?> qp = parameters.get(i);
            names[i] = qp.getName();
            positions[i] = qp.getPosition();
            ValueBindJpaCriteriaParameter<?> constant = p.valueBindings().get(qp);
            constants[i] = constant == null ? UNBOUND : constant.getValue();
            if (qp.allowsMultiValuedBinding()) {
                return null;
            }
        }
        List<JdbcParameter> jdbcParameters = new ArrayList<>();
        List<JdbcMapping> mappings = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        JdbcParameterBindings first = firstJdbc.get();
        for (Map.Entry<QueryParameterImplementor<?>, Map<SqmParameter<?>, List<JdbcParametersList>>> e
                : interpretation.jdbcParamsXref().entrySet()) {
            int index = parameters.indexOf(e.getKey());
            if (index < 0) {
                return null;
            }
            for (List<JdbcParametersList> uses : e.getValue().values()) {
                for (JdbcParametersList use : uses) {
                    if (use.size() != 1) {
                        return null;                    // an entity id or embeddable: several JDBC values
                    }
                    JdbcParameter jp = use.get(0);
                    JdbcParameterBinding binding = first.getBinding(jp);
                    if (binding == null || binding.getBindType() == null
                            || binding.getBindType().getValueConverter() != null) {
                        return null;
                    }
                    jdbcParameters.add(jp);
                    mappings.add(binding.getBindType());
                    slots.add(index);
                }
            }
        }
        if (first.getBindings().size() != jdbcParameters.size()) {
            return null;                                // JDBC parameters we would not bind
        }
        RowTransformer<?> rowTransformer = determineRowTransformer(p.sqm(), (Class) p.expectedResultType(),
                p.tupleMetadata(), options);
        ListResultsConsumer.UniqueSemantic unique = p.sqm().producesUniqueResults()
                ? ListResultsConsumer.UniqueSemantic.NONE : ListResultsConsumer.UniqueSemantic.ALLOW;
        QueryOptions executionOptions = SqlOmittingQueryOptions.omitSqlQueryOptions(options, jdbcSelect);
        // Hibernate's own consumer where the query transforms its result list (ours would have to repeat that)
        ResultsConsumer<List<Object>, Object> consumer = executionOptions.getResultListTransformer() == null
                ? new DirectResultsConsumer(unique == ListResultsConsumer.UniqueSemantic.ALLOW)
                : ListResultsConsumer.instance(unique);
        return new Direct(jdbcSelect, interpretation.statement(), jdbcParameters.toArray(new JdbcParameter[0]),
                mappings.toArray(new JdbcMapping[0]), slots.stream().mapToInt(Integer::intValue).toArray(), names,
                positions, constants, rowTransformer, p.resultType(), p.queryString(), options,
                p.distinctInMemory(), executionOptions,
                CRITERIA_HQL_STRING.equals(p.queryString()) ? "[CRITERIA] " + jdbcSelect.getSqlString() : null,
                consumer, new Class<?>[jdbcParameters.size()]);
    }

    /** Runs one call: what {@code ConcreteSqmSelectQueryPlan.performList} does after binding, and list()'s frame. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <R> List<R> list(Direct d, SharedSessionContractImplementor session, Object[] values) {
        int n = d.jdbcParameters.length;
        JdbcParameterBindings bindings;
        if (n == 1) {
            bindings = new SingleBinding(d.jdbcParameters[0], d.mappings[0], values[d.slots[0]]);
        } else {
            JdbcParameterBinding[] slots = new JdbcParameterBinding[n];
            for (int k = 0; k < n; k++) {
                slots[k] = new JdbcParameterBindingImpl(d.mappings[k], values[d.slots[k]]);
            }
            bindings = new DirectBindings(d.jdbcParameters, slots);
        }
        session.prepareForQueryExecution(false);
        boolean success = false;
        try {
            boolean preFlushed = session.autoPreFlushIfRequired(QueryParameterBindings.NO_PARAM_BINDINGS);
            session.autoFlushIfRequired(d.jdbcSelect.getAffectedTableNames(), preFlushed);
            List<R> rows = (List<R>) session.getFactory().getJdbcServices().getJdbcSelectExecutor().executeQuery(
                    d.jdbcSelect, bindings, new DirectContext(session, d, bindings),
                    (RowTransformer<Object>) d.rowTransformer, (Class<Object>) d.resultType, -1, d.consumer);
            success = true;
            return d.distinctInMemory ? SelectPlanAdapter.distinct(rows) : rows;
        } catch (IllegalQueryOperationException e) {
            throw new IllegalStateException(e);
        } catch (HibernateException e) {
            throw session.getExceptionConverter().convert(e, d.options.getLockOptions());
        } finally {
            if (!session.isTransactionInProgress()) {
                session.getJdbcCoordinator().getLogicalConnection().afterTransaction();
            }
            session.afterOperation(success);
        }
    }

    /**
     * The JDBC bindings of one call: the cached JDBC parameters and one binding each, in two arrays (a direct query
     * has a handful of parameters, so a scan beats {@code JdbcParameterBindingsImpl}'s per-call {@code IdentityHashMap}).
     * Fixed: a direct query never adds bindings during execution ({@link #build} refuses queries whose SQL depends on
     * bindings).
     */
    static final class DirectBindings implements JdbcParameterBindings {
        private final JdbcParameter[] parameters;
        private final JdbcParameterBinding[] bindings;

        DirectBindings(JdbcParameter[] parameters, JdbcParameterBinding[] bindings) {
            this.parameters = parameters;
            this.bindings = bindings;
        }

        @Override
        public void addBinding(JdbcParameter parameter, JdbcParameterBinding binding) {
            throw new UnsupportedOperationException("The bindings of a baked direct query are fixed");
        }

        @Override
        public Collection<JdbcParameterBinding> getBindings() {
            return Collections.unmodifiableList(Arrays.asList(bindings));
        }

        @Override
        public JdbcParameterBinding getBinding(JdbcParameter parameter) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == parameter) {
                    return bindings[i];
                }
            }
            return null;
        }

        @Override
        public void visitBindings(BiConsumer<JdbcParameter, JdbcParameterBinding> action) {
            for (int i = 0; i < parameters.length; i++) {
                action.accept(parameters[i], bindings[i]);
            }
        }
    }

    /**
     * The JDBC bindings of a call of a query with one JDBC parameter (most lookups): the bindings and the one binding
     * in one object, fixed like {@link DirectBindings}.
     */
    static final class SingleBinding implements JdbcParameterBindings, JdbcParameterBinding {
        private final JdbcParameter parameter;
        private final JdbcMapping type;
        private final Object value;

        SingleBinding(JdbcParameter parameter, JdbcMapping type, Object value) {
            this.parameter = parameter;
            this.type = type;
            this.value = value;
        }

        @Override
        public JdbcMapping getBindType() {
            return type;
        }

        @Override
        public Object getBindValue() {
            return value;
        }

        @Override
        public void addBinding(JdbcParameter parameter, JdbcParameterBinding binding) {
            throw new UnsupportedOperationException("The bindings of a baked direct query are fixed");
        }

        @Override
        public Collection<JdbcParameterBinding> getBindings() {
            return List.of(this);
        }

        @Override
        public JdbcParameterBinding getBinding(JdbcParameter parameter) {
            return parameter == this.parameter ? this : null;
        }

        @Override
        public void visitBindings(BiConsumer<JdbcParameter, JdbcParameterBinding> action) {
            action.accept(parameter, this);
        }
    }

    /**
     * The JDBC execution context of one call: what {@code listInterpreterExecutionContext} builds (options without
     * SQL-only parts, statistics, lock upgrades, subselect-fetch registration, query identifier), in one object, with
     * the subselect-fetch registration created only when a loaded entity has subselect-fetched collections.
     */
    private static final class DirectContext extends SelectPlanAdapter.Context {
        private final Direct direct;
        private final JdbcParameterBindings bindings;
        private SubselectFetch.RegistrationHandler subselects;

        DirectContext(SharedSessionContractImplementor session, Direct direct, JdbcParameterBindings bindings) {
            super(session, direct.executionOptions(), QueryParameterBindings.NO_PARAM_BINDINGS, direct.resultType());
            this.direct = direct;
            this.bindings = bindings;
        }

        @Override
        public boolean hasQueryExecutionToBeAddedToStatistics() {
            return true;
        }

        @Override
        public boolean upgradeLocks() {
            return true;
        }

        @Override
        public void registerLoadingEntityHolder(EntityHolder holder) {
            SharedSessionContractImplementor session = getSession();
            if (session.getLoadQueryInfluencers().hasSubselectLoadableCollections(holder.getDescriptor())) {
                if (subselects == null) {
                    subselects = SubselectFetch.createRegistrationHandler(
                            session.getPersistenceContext().getBatchFetchQueue(), direct.statement(),
                            JdbcParametersList.empty(), bindings);
                }
                subselects.addKey(holder);
            }
        }

        @Override
        public String getQueryIdentifier(String sql) {
            String criteria = direct.criteriaIdentifier();
            if (criteria == null) {
                return direct.queryString();
            }
            // the executor asks once per execution; the SQL is the cached translation unless a comment was added
            return sql.equals(direct.jdbcSelect().getSqlString()) ? criteria : "[CRITERIA] " + sql;
        }
    }

    /**
     * What {@code ListResultsConsumer} does for a direct query, without its per-call overhead: the result Java type
     * (entity or not) is resolved on the first call and kept (it depends only on the cached translation and result
     * type), and entity results are de-duplicated by identity (as {@code ListResultsConsumer.UniqueSemantic.ALLOW}
     * does) with a scan of the list while it is small instead of an {@code IdentityHashMap} per call. The rest is
     * Hibernate's sequence: start loading, register the load context, read rows, finish up, release the JDBC values,
     * initialize non-lazy collections. Not used when the query transforms its result list.
     */
    static final class DirectResultsConsumer implements ResultsConsumer<List<Object>, Object> {
        /** Up to this many results the de-duplication scans the list; beyond, an identity set takes over. */
        static final int SCAN_LIMIT = 16;
        private static final int INITIAL_COLLECTION_SIZE_LIMIT = 1 << 13;        // as ListResultsConsumer

        private final boolean allowDeDuplication;
        /** Whether the rows are entities: null until the first call resolves it. */
        private volatile Boolean entityResult;

        DirectResultsConsumer(boolean allowDeDuplication) {
            this.allowDeDuplication = allowDeDuplication;
        }

        @Override
        public List<Object> consume(JdbcValues jdbcValues, SharedSessionContractImplementor session,
                                    JdbcValuesSourceProcessingOptions processingOptions,
                                    JdbcValuesSourceProcessingState processingState,
                                    RowProcessingStateStandardImpl rowProcessingState, RowReader<Object> rowReader) {
            rowReader.startLoading(rowProcessingState);
            RuntimeException failure = null;
            PersistenceContext persistenceContext = session.getPersistenceContextInternal();
            persistenceContext.beforeLoad();
            persistenceContext.getLoadContexts().register(processingState);
            try {
                boolean deDuplicate = allowDeDuplication && isEntityResult(rowReader, session);
                int estimate = Math.min(jdbcValues.getResultCountEstimate(), INITIAL_COLLECTION_SIZE_LIMIT);
                ArrayList<Object> results = estimate > 0 ? new ArrayList<>(estimate) : new ArrayList<>();
                Set<Object> seen = null;
                int readRows = 0;
                while (rowProcessingState.next()) {
                    Object row = rowReader.readRow(rowProcessingState);
                    boolean added = true;
                    if (!deDuplicate) {
                        results.add(row);
                    } else if (seen != null) {
                        added = seen.add(row) && results.add(row);
                    } else if (indexOfIdentical(results, row) >= 0) {
                        added = false;
                    } else {
                        results.add(row);
                        if (results.size() > SCAN_LIMIT) {
                            seen = Collections.newSetFromMap(new IdentityHashMap<>());
                            seen.addAll(results);
                        }
                    }
                    rowProcessingState.finishRowProcessing(added);
                    readRows++;
                }
                rowReader.finishUp(rowProcessingState);
                processingState.finishUp(readRows > 1);
                return results;
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                try {
                    jdbcValues.finishUp(session);
                    persistenceContext.afterLoad();
                    persistenceContext.getLoadContexts().deregister(processingState);
                    persistenceContext.initializeNonLazyCollections();
                } catch (RuntimeException e) {
                    if (failure != null) {
                        failure.addSuppressed(e);
                    } else {
                        failure = e;
                    }
                }
            }
            throw failure;
        }

        private static int indexOfIdentical(List<Object> results, Object row) {
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) == row) {
                    return i;
                }
            }
            return -1;
        }

        /** {@code ListResultsConsumer.resolveDomainResultJavaType(...) instanceof EntityJavaType}, once. */
        private boolean isEntityResult(RowReader<Object> rowReader, SharedSessionContractImplementor session) {
            Boolean entity = entityResult;
            if (entity == null) {
                entity = resolveResultJavaType(rowReader, session.getTypeConfiguration()) instanceof EntityJavaType;
                entityResult = entity;
            }
            return entity;
        }

        private static JavaType<?> resolveResultJavaType(RowReader<Object> rowReader, TypeConfiguration types) {
            var registry = types.getJavaTypeRegistry();
            Class<?> requested = rowReader.getDomainResultResultJavaType();
            List<JavaType<?>> resultTypes = rowReader.getResultJavaTypes();
            if (requested != null) {
                JavaType<?> type = registry.resolveDescriptor(requested);
                if (resultTypes.size() == 1 && resultTypes.get(0) != null
                        && type.getJavaTypeClass().isAssignableFrom(resultTypes.get(0).getJavaTypeClass())) {
                    return resultTypes.get(0);
                }
                return type;
            }
            if (resultTypes.size() == 1) {
                return resultTypes.get(0) == null ? registry.resolveDescriptor(Object.class) : resultTypes.get(0);
            }
            return registry.resolveDescriptor(Object[].class);
        }

        @Override
        public boolean canResultsBeCached() {
            return true;
        }

        @Override
        public String toString() {
            return "DirectResultsConsumer(" + (allowDeDuplication ? "ALLOW" : "NONE") + ")";
        }
    }
}

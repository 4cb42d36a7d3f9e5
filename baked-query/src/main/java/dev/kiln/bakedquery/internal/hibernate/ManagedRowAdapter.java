package dev.kiln.bakedquery.internal.hibernate;

import org.hibernate.LockMode;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.PreLoadEvent;
import org.hibernate.event.spi.PreLoadEventListener;
import org.hibernate.internal.util.ImmutableBitSet;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.sql.ast.spi.SqlSelection;
import org.hibernate.sql.results.graph.DomainResultAssembler;
import org.hibernate.sql.results.graph.Initializer;
import org.hibernate.sql.results.graph.basic.BasicResultAssembler;
import org.hibernate.sql.results.graph.entity.internal.EntityAssembler;
import org.hibernate.sql.results.graph.entity.internal.EntityDelayedFetchInitializer;
import org.hibernate.sql.results.graph.entity.internal.EntityInitializerImpl;
import org.hibernate.sql.results.internal.RowProcessingStateStandardImpl;
import org.hibernate.sql.results.internal.StandardRowReader;
import org.hibernate.sql.results.jdbc.internal.JdbcValuesResultSetImpl;
import org.hibernate.sql.results.jdbc.spi.JdbcValues;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingState;
import org.hibernate.sql.results.spi.RowReader;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.java.MutabilityPlan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads rows of a query whose only selection is one entity of a simple mapping straight from the JDBC
 * {@link ResultSet} into managed entities, doing for a row whose entity is not yet in the persistence context exactly
 * what Hibernate 7.3's {@code EntityInitializerImpl} does for it (see {@link Reader#read}), without Hibernate's
 * per-row initializer and assembler machinery. Every other row (the entity or a proxy of it already in the
 * persistence context, or being loaded) is read by Hibernate's own {@link RowReader}.
 *
 * <p>PROTOTYPE for a feasibility measurement, not adopted (see baked-query/README.md, "Third pass"): measured in one
 * JVM against Hibernate's row reader on the baked lookup, it saved no allocation and about 2-3% of the time, within
 * the noise. {@link #enabled} switches it for the A/B harness ({@code ManagedRowsAb});
 * {@link #shortcutProxies} is an upper-bound experiment that skips the load event (not equivalent).
 */
public final class ManagedRowAdapter {
    private static final VarHandle RESULT_SET = field(JdbcValuesResultSetImpl.class, "resultSet", ResultSet.class);
    private static final VarHandle RESULT_INITIALIZERS =
            field(StandardRowReader.class, "resultInitializers", Initializer[].class);
    private static final VarHandle ASSEMBLERS =
            field(EntityInitializerImpl.class, "assemblers", DomainResultAssembler[][].class);
    private static final VarHandle MAYBE_LAZY_SETS =
            field(EntityInitializerImpl.class, "maybeLazySets", ImmutableBitSet[].class);
    private static final VarHandle MUTABILITY_PLANS =
            field(EntityInitializerImpl.class, "updatableAttributeMutabilityPlans", MutabilityPlan[][].class);
    private static final VarHandle IDENTIFIER_ASSEMBLER =
            field(EntityInitializerImpl.class, "identifierAssembler", DomainResultAssembler.class);
    private static final VarHandle VERSION_ASSEMBLER =
            field(EntityInitializerImpl.class, "versionAssembler", DomainResultAssembler.class);
    private static final VarHandle ROW_ID_ASSEMBLER =
            field(EntityInitializerImpl.class, "rowIdAssembler", DomainResultAssembler.class);
    private static final VarHandle DISCRIMINATOR_ASSEMBLER =
            field(EntityInitializerImpl.class, "discriminatorAssembler", BasicResultAssembler.class);
    private static final VarHandle VALUES_POSITION = field(BasicResultAssembler.class, "valuesArrayPosition", int.class);
    private static final VarHandle DELAYED_PART =
            field(EntityDelayedFetchInitializer.class, "referencedModelPart", ToOneAttributeMapping.class);
    private static final VarHandle DELAYED_BY_UNIQUE_KEY =
            field(EntityDelayedFetchInitializer.class, "selectByUniqueKey", boolean.class);
    private static final VarHandle DELAYED_ID_ASSEMBLER =
            field(EntityDelayedFetchInitializer.class, "identifierAssembler", DomainResultAssembler.class);
    private static final VarHandle DELAYED_DISCRIMINATOR =
            field(EntityDelayedFetchInitializer.class, "discriminatorAssembler", BasicResultAssembler.class);

    /** The assembler of a to-one whose target refers back (package-private in Hibernate; it assembles as
     * {@link EntityAssembler} does). */
    private static final Class<?> CIRCULAR_FETCH_ASSEMBLER = classNamed(
            "org.hibernate.sql.results.internal.domain.CircularFetchImpl$CircularFetchAssembler");

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name, false, EntityAssembler.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Void.class;
        }
    }

    /** Rows read by the reader (for the harness; a racy count, single-threaded use only). */
    public static long fastReads;
    public static volatile boolean shortcutProxies = Boolean.getBoolean("kiln.shortcut");
    /** PROTOTYPE: A/B switch. */
    public static volatile boolean enabled = Boolean.getBoolean("kiln.bakedquery.managedRows");

    private ManagedRowAdapter() {
    }

    private static VarHandle field(Class<?> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The JDBC result set under Hibernate's values, or null. */
    public static ResultSet resultSet(JdbcValues values) {
        return RESULT_SET != null && values instanceof JdbcValuesResultSetImpl ? (ResultSet) RESULT_SET.get(values) : null;
    }

    /**
     * A reader for the rows of this execution's shape, or null if the shape is not eligible. The result depends only
     * on the translated query (row reader and values mapping are Hibernate's cached resolution for it).
     */
    public static Reader readerFor(JdbcValues values, RowReader<?> rowReader, SharedSessionContractImplementor session) {
        if (resultSet(values) == null || !(rowReader instanceof StandardRowReader<?>) || RESULT_INITIALIZERS == null
                || ASSEMBLERS == null || MAYBE_LAZY_SETS == null || MUTABILITY_PLANS == null || VALUES_POSITION == null
                || DELAYED_PART == null || DELAYED_ID_ASSEMBLER == null) {
            return null;
        }
        Initializer<?>[] results = (Initializer<?>[]) RESULT_INITIALIZERS.get(rowReader);
        if (results.length != 1 || results[0].getClass() != EntityInitializerImpl.class) {
            return null;
        }
        EntityInitializerImpl initializer = (EntityInitializerImpl) results[0];
        EntityPersister persister = initializer.getEntityDescriptor();
        if (persister.hasSubclasses() || persister.getVersionMapping() != null || persister.getNaturalIdMapping() != null
                || persister.getRowIdMapping() != null || persister.canWriteToCache()
                || persister.getCacheAccessStrategy() != null || persister.canUseReferenceCacheEntries()
                || persister.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading()
                || persister.uniqueKeyEntries().iterator().hasNext()
                || DISCRIMINATOR_ASSEMBLER.get(initializer) != null || VERSION_ASSEMBLER.get(initializer) != null
                || ROW_ID_ASSEMBLER.get(initializer) != null) {
            return null;
        }
        SqlSelection[] byPosition = new SqlSelection[values.getValuesMapping().getRowSize()];
        for (SqlSelection s : values.getValuesMapping().getSqlSelections()) {
            byPosition[s.getValuesArrayPosition()] = s;
        }
        Column id = column(IDENTIFIER_ASSEMBLER.get(initializer), byPosition);
        if (id == null || id.converter != null) {
            return null;
        }
        int subclassId = persister.getSubclassId();
        DomainResultAssembler<?>[] assemblers = ((DomainResultAssembler<?>[][]) ASSEMBLERS.get(initializer))[subclassId];
        int n = persister.getNumberOfAttributeMappings();
        if (assemblers.length < n) {
            return null;
        }
        Column[] columns = new Column[n];
        ToOne[] toOnes = new ToOne[n];
        for (int i = 0; i < n; i++) {
            DomainResultAssembler<?> a = assemblers[i];
            if (a == null) {
                return null;                                    // an unfetched (lazy) attribute
            }
            if (a.getClass() == BasicResultAssembler.class) {
                columns[i] = column(a, byPosition);
                if (columns[i] == null) {
                    return null;
                }
            } else if ((a.getClass() == EntityAssembler.class || a.getClass() == CIRCULAR_FETCH_ASSEMBLER)
                    && a.getInitializer() instanceof EntityDelayedFetchInitializer delayed
                    && delayed.getClass() == EntityDelayedFetchInitializer.class) {
                ToOneAttributeMapping part = (ToOneAttributeMapping) DELAYED_PART.get(delayed);
                EntityPersister target = delayed.getEntityDescriptor();
                if ((boolean) DELAYED_BY_UNIQUE_KEY.get(delayed) || DELAYED_DISCRIMINATOR.get(delayed) != null
                        || (part.isOptional() && part.isLazy()) || target.hasSubclasses()
                        || (part.isUnwrapProxy() && target.isInstrumented())) {
                    return null;
                }
                Column key = column(DELAYED_ID_ASSEMBLER.get(delayed), byPosition);
                if (key == null || key.converter != null) {
                    return null;
                }
                columns[i] = key;
                toOnes[i] = new ToOne(target, target.getEntityName());
            } else {
                return null;
            }
        }
        ImmutableBitSet maybeLazy = ((ImmutableBitSet[]) MAYBE_LAZY_SETS.get(initializer))[subclassId];
        @SuppressWarnings("unchecked")
        MutabilityPlan<Object>[] plans = ((MutabilityPlan<Object>[][]) MUTABILITY_PLANS.get(initializer))[subclassId];
        return new Reader(initializer, persister, id, columns, toOnes, maybeLazy, plans);
    }

    private static Column column(Object assembler, SqlSelection[] byPosition) {
        if (assembler == null || assembler.getClass() != BasicResultAssembler.class) {
            return null;
        }
        BasicResultAssembler<?> basic = (BasicResultAssembler<?>) assembler;
        int position = (int) VALUES_POSITION.get(basic);
        if (position < 0 || position >= byPosition.length || byPosition[position] == null) {
            return null;
        }
        SqlSelection s = byPosition[position];
        return new Column(s.getJdbcResultSetIndex(), s.getJdbcValueExtractor(), basic.getValueConverter());
    }

    record Column(int index, ValueExtractor<?> extractor, BasicValueConverter<?, ?> converter) {
    }

    record ToOne(EntityPersister target, String entityName) {
    }

    /** Reads rows of one query shape. Thread-safe (immutable). */
    public static final class Reader {
        private final EntityInitializerImpl initializer;
        private final EntityPersister persister;
        private final Column id;
        private final Column[] columns;
        private final ToOne[] toOnes;
        private final ImmutableBitSet maybeLazySet;
        private final MutabilityPlan<Object>[] mutabilityPlans;

        Reader(EntityInitializerImpl initializer, EntityPersister persister, Column id, Column[] columns, ToOne[] toOnes,
               ImmutableBitSet maybeLazySet, MutabilityPlan<Object>[] mutabilityPlans) {
            this.initializer = initializer;
            this.persister = persister;
            this.id = id;
            this.columns = columns;
            this.toOnes = toOnes;
            this.maybeLazySet = maybeLazySet;
            this.mutabilityPlans = mutabilityPlans;
        }

        /**
         * The current row's entity, newly loaded and managed, or null if Hibernate's row reader must read this row
         * (the entity is already known to the persistence context, or its id is null).
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object read(ResultSet rs, RowProcessingStateStandardImpl row, JdbcValuesSourceProcessingState processing,
                           SharedSessionContractImplementor session) throws SQLException {
            Object identifier = id.extractor.extract(rs, id.index, session);
            if (identifier == null) {
                return null;
            }
            PersistenceContext pc = session.getPersistenceContextInternal();
            EntityKey key = new EntityKey(identifier, persister);
            if (pc.getEntityHolder(key) != null) {
                return null;
            }
            fastReads++;
            // EntityInitializerImpl.resolveInstance, resolveEntityInstance, registerLoadingEntity
            EntityHolder holder = pc.claimEntityHolderIfPossible(key, null, processing, initializer);
            Object instance = session.instantiate(persister, identifier);
            pc.claimEntityHolderIfPossible(key, instance, processing, initializer);
            // initializeEntityInstance
            int n = columns.length;
            Object[] state = new Object[n];
            for (int i = 0; i < n; i++) {
                Column c = columns[i];
                Object v = c.extractor.extract(rs, c.index, session);
                ToOne toOne = toOnes[i];
                if (toOne != null) {
                    v = v == null ? null : reference(toOne, v, pc, session);
                } else if (c.converter != null) {
                    v = ((BasicValueConverter) c.converter).toDomainValue(v);
                }
                state[i] = v;
            }
            processing.registerLoadingEntityHolder(holder);
            if (session.isEventSource()) {
                PreLoadEvent event = processing.getPreLoadEvent();
                event.reset();
                event.setEntity(instance).setState(state).setId(identifier).setPersister(persister);
                session.getFactory().getEventListenerGroups().eventListenerGroup_PRE_LOAD
                        .fireEventOnEachListener(event, PreLoadEventListener::onPreLoad);
            }
            persister.setValues(instance, state);
            pc.addEntity(key, instance);
            LockMode lockMode = row.isTransactionActive() ? LockMode.READ : LockMode.NONE;
            EntityEntry entry = pc.addEntry(instance, Status.LOADING, state, null, identifier, null, lockMode, true,
                    persister, false);
            entry.setMaybeLazySet(maybeLazySet);
            holder.setEntityEntry(entry);
            if (!persister.isMutable() || readOnly(row, session)) {
                pc.setEntryStatus(entry, Status.READ_ONLY);
            } else {
                for (int i = 0; i < mutabilityPlans.length; i++) {
                    if (mutabilityPlans[i] != null) {
                        state[i] = mutabilityPlans[i].deepCopy(state[i]);
                    }
                }
                pc.setEntryStatus(entry, Status.MANAGED);
            }
            persister.afterInitialize(instance, session);
            entry.postLoad(instance);
            var statistics = session.getFactory().getStatistics();
            if (statistics.isStatisticsEnabled()) {
                statistics.loadEntity(persister.getEntityName());
            }
            return instance;
        }

        private static boolean readOnly(RowProcessingStateStandardImpl row, SharedSessionContractImplementor session) {
            Boolean readOnly = row.getQueryOptions().isReadOnly();
            return readOnly == null ? session.isDefaultReadOnly() : readOnly;
        }

        /** EntityDelayedFetchInitializer.instanceWithId. */
        private static Object reference(ToOne toOne, Object fk, PersistenceContext pc,
                                        SharedSessionContractImplementor session) {
            EntityHolder holder = pc.getEntityHolder(new EntityKey(fk, toOne.target));
            if (holder != null && holder.getEntity() != null) {
                return pc.proxyFor(holder, toOne.target);
            }
            if (shortcutProxies) {          // UPPER-BOUND EXPERIMENT ONLY: skips the load event
                EntityKey k = new EntityKey(fk, toOne.target);
                Object proxy = toOne.target.createProxy(fk, session);
                pc.getBatchFetchQueue().addBatchLoadableEntityKey(k);
                pc.addProxy(k, proxy);
                return proxy;
            }
            Object reference = session.internalLoad(toOne.entityName, fk, false, false);
            LazyInitializer lazy = HibernateProxy.extractLazyInitializer(reference);
            if (lazy != null) {
                lazy.setUnwrap(false);
            }
            return reference;
        }
    }

}

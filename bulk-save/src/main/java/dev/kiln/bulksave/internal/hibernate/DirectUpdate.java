package dev.kiln.bulksave.internal.hibernate;

import dev.kiln.bulksave.internal.AttributePlan;
import dev.kiln.bulksave.internal.ColumnPlan;
import dev.kiln.bulksave.internal.EntityPlan;
import dev.kiln.bulksave.internal.InvalidRowException;
import dev.kiln.bulksave.internal.UnsupportedMappingException;
import org.hibernate.CacheMode;
import org.hibernate.StaleObjectStateException;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.TransientObjectException;
import org.hibernate.boot.internal.DefaultCustomEntityDirtinessStrategy;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.SoftLock;
import org.hibernate.cache.spi.entry.CacheEntryHelper;
import org.hibernate.engine.OptimisticLockStyle;
import org.hibernate.engine.internal.Nullability;
import org.hibernate.engine.internal.Nullability.NullabilityCheckType;
import org.hibernate.engine.internal.Versioning;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.ManagedEntity;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.internal.DefaultFlushEntityEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.internal.EmptyInterceptor;
import org.hibernate.jdbc.TooManyRowsAffectedException;
import org.hibernate.jpa.event.spi.CallbackRegistry;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Adapter over what Hibernate's flush does for one dirty managed entity ({@code DefaultFlushEntityEventListener} plus
 * {@code EntityUpdateAction}), done directly for the common mapping shapes: one UPDATE of the dirty columns, without
 * building a flush event, an action or Hibernate's mutation executor.
 *
 * <p>Per save: the current state is read with the generated accessors of the entity's {@link EntityPlan}, compared
 * with the entry's loaded state by the attribute types ({@code EntityPersister.findDirty}); then, in Hibernate's
 * order: {@code @PreUpdate} callbacks (state read again if they ran), version increment, nullability check,
 * {@code PreUpdateEventListener}s (a veto skips the write), {@code @UpdateTimestamp} and other in-memory update
 * generators, the statement {@code UPDATE t SET <dirty columns> WHERE id=? [AND version=?]} (its SQL cached per set of
 * dirty attributes) prepared and executed through the session's {@code JdbcCoordinator} (statement inspector, SQL
 * logging, JDBC events and exception conversion apply), a row-count check ({@code StaleObjectStateException} when no
 * row matched), the second-level cache item soft-locked before and updated (or removed) after the write, then released
 * or refreshed when the transaction completes, exactly as {@code EntityUpdateAction} does, the entity's tables
 * pre-invalidated in the query cache's timestamps and invalidated at completion, as the action queue does, the entry brought up to
 * date ({@code EntityEntry.postUpdate} with a deep copy of the state and the new version) and
 * {@code PostUpdateEventListener}s fired (they run {@code @PostUpdate} callbacks), plus the entity-update statistic.
 *
 * <p>{@link #tryUpdate} returns {@link Result#NOT_HANDLED} — and the caller uses Hibernate's own flush-entity listener
 * and update action — for anything else: entities that cannot be planned ({@link EntityPlans}) or are stored in more
 * than one table (joined inheritance, secondary tables), immutable entities, entities with collections or natural ids,
 * bytecode-enhanced entities, {@code @OptimisticLocking(DIRTY/ALL)}, partition keys, column write transformers, a
 * session {@code Interceptor}, a custom {@code CustomEntityDirtinessStrategy} or {@code FlushEntityEventListener},
 * post-commit update listeners, row ids, replicated entries, entries without a loaded state, and an id changed on the
 * instance (Hibernate reports that). Unlike Hibernate's static UPDATE, only dirty columns are written (as with
 * {@code @DynamicUpdate}), plus the columns of any attribute a {@code PreUpdateEventListener} replaced in the event's
 * state array: that value is written and also set on the entity (Hibernate's static UPDATE writes it too).
 */
public final class DirectUpdate {
    private static final PerFactoryCache<EntityPersister, Shape> SHAPES = new PerFactoryCache<>();

    /** The last shape used: most programs save one entity type in a row, so this avoids two map look-ups. */
    private static volatile Shape last;

    private DirectUpdate() {
    }

    /** What {@link #tryUpdate} did. */
    public enum Result {
        UPDATED, UNCHANGED, VETOED, NOT_HANDLED
    }

    /**
     * Writes the dirty columns of a MANAGED entity, or returns {@link Result#NOT_HANDLED} without side effects when the
     * entity or session needs Hibernate's general path.
     */
    public static Result tryUpdate(EventSource session, EntityEntry entry, Object entity) {
        EntityPersister persister = entry.getPersister();
        Shape shape = shape(session.getFactory(), persister);
        if (shape.plan == null || !shape.sessionAllows(session, entry)) {
            return Result.NOT_HANDLED;
        }
        Object id = entry.getId();
        if (!shape.idType.isEqual(id, shape.plan.idAccessor().get(entity), session.getFactory())) {
            return Result.NOT_HANDLED;      // Hibernate reports the altered identifier
        }
        Object[] loaded = entry.getLoadedState();
        Object[] state = shape.currentState(entity);
        int[] dirty = persister.findDirty(state, loaded, entity, session);
        if (dirty == null) {
            return Result.UNCHANGED;
        }
        if (shape.preUpdateCallbacks && shape.callbacks.preUpdate(entity)) {
            state = shape.currentState(entity);
            dirty = persister.findDirty(state, loaded, entity, session);
            if (dirty == null) {
                return Result.UNCHANGED;
            }
        }
        Object previousVersion = entry.getVersion();
        Object nextVersion = null;
        if (shape.versionIndex >= 0) {
            nextVersion = Versioning.isVersionIncrementRequired(dirty, false, persister.getPropertyVersionability())
                    ? ValueGenerators.nextVersion(shape.plan, previousVersion, session)
                    : previousVersion;
            state[shape.versionIndex] = nextVersion;
        }
        new Nullability(session, NullabilityCheckType.UPDATE).checkNullability(state, persister);
        var groups = session.getFactory().getEventListenerGroups();
        var preUpdate = groups.eventListenerGroup_PRE_UPDATE;
        long listenerColumns = 0;
        if (!preUpdate.isEmpty()) {
            Object[] beforeListeners = state.clone();
            PreUpdateEvent event = new PreUpdateEvent(entity, id, state, loaded, persister, session);
            boolean veto = false;
            for (PreUpdateEventListener listener : preUpdate.listeners()) {
                veto |= listener.onPreUpdate(event);
            }
            if (veto) {
                return Result.VETOED;
            }
            listenerColumns = shape.takeListenerChanges(entity, beforeListeners, state);
        }
        long columns = shape.columnsOf(dirty) | listenerColumns;
        for (AttributePlan generated : shape.updateGenerated) {
            BeforeExecutionGenerator generator = generated.generator();
            if (generator.generatedBeforeExecution(entity, session)) {
                Object value = generator.generate(session, entity, state[generated.stateIndex()], EventType.UPDATE);
                state[generated.stateIndex()] = value;
                generated.accessor().set(entity, value);
                columns |= shape.attributeColumns[generated.stateIndex()];
            }
        }
        Cached cached = shape.cacheable ? Cached.lock(session, persister, id, previousVersion) : null;
        if (shape.querySpaces != null) {
            CacheInvalidation.beforeWrite(session, shape.querySpaces);
        }
        try {
            shape.execute(session, entity, id, columns, nextVersion, previousVersion);
        } finally {
            if (cached != null) {
                cached.register(session);     // unlocks the item, or refreshes it after commit
            }
            if (shape.querySpaces != null) {
                CacheInvalidation.afterWrite(session, shape.querySpaces);
            }
        }
        Type[] types = persister.getPropertyTypes();
        boolean[] checkable = persister.getPropertyCheckability();
        for (int i = 0; i < state.length; i++) {
            if (checkable[i]) {
                state[i] = types[i].deepCopy(state[i], session.getFactory());
            }
        }
        if (cached != null) {
            cached.afterWrite(session, persister, entity, state, nextVersion);
        }
        entry.postUpdate(entity, state, nextVersion);
        Object[] written = state;
        int[] dirtyFields = dirty;
        groups.eventListenerGroup_POST_UPDATE.fireLazyEventOnEachListener(
                () -> new PostUpdateEvent(entity, id, written, loaded, dirtyFields, persister, session),
                PostUpdateEventListener::onPostUpdate);
        var statistics = session.getFactory().getStatistics();
        if (statistics.isStatisticsEnabled()) {
            statistics.updateEntity(persister.getEntityName());
        }
        return Result.UPDATED;
    }

    /** Why {@code type} takes Hibernate's general path, or null if it is written directly (for tests). */
    public static String unsupportedReason(SharedSessionContractImplementor session, Class<?> type) {
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        return shape(session.getFactory(), persister).unsupported;
    }

    /** True while shapes of {@code factory} are cached (for tests: closed factories are dropped). */
    static boolean caches(SessionFactoryImplementor factory) {
        return SHAPES.holds(factory);
    }

    private static Shape shape(SessionFactoryImplementor factory, EntityPersister persister) {
        Shape s = last;
        if (s != null && s.persister == persister) {
            return s;
        }
        s = SHAPES.of(factory).computeIfAbsent(persister, p -> Shape.of(factory, p));
        last = s;
        return s;
    }

    /** Everything about one entity type the direct update needs, computed once. */
    private static final class Shape {
        final EntityPersister persister;
        final EntityPlan plan;
        final String unsupported;
        final Type idType;
        final CallbackRegistry callbacks;
        final boolean preUpdateCallbacks;
        final boolean cacheable;
        /** The entity's tables, when the query cache is on (their cached query results are invalidated), or null. */
        final String[] querySpaces;
        /** State index of the version, or -1. */
        final int versionIndex;
        /** Per state index: the bit mask of its updatable columns (bit = index into plan.columns()). */
        final long[] attributeColumns;
        final AttributePlan[] updateGenerated;
        /** Per state index: its attribute plan, or null (not written by Kiln). */
        final AttributePlan[] attributesByState;
        final String updatePrefix;
        final String whereClause;
        final ColumnPlan versionColumn;
        /** UPDATE statements per set of SET columns. */
        final Map<Long, String> sql = new ConcurrentHashMap<>();

        private Shape(EntityPersister persister, EntityPlan plan, String unsupported, CallbackRegistry callbacks) {
            this.persister = persister;
            this.plan = plan;
            this.unsupported = unsupported;
            this.callbacks = callbacks;
            this.idType = persister.getIdentifierType();
            if (plan == null) {
                preUpdateCallbacks = false;
                cacheable = false;
                querySpaces = null;
                versionIndex = -1;
                attributeColumns = null;
                updateGenerated = null;
                attributesByState = null;
                updatePrefix = null;
                whereClause = null;
                versionColumn = null;
                return;
            }
            preUpdateCallbacks = callbacks.hasRegisteredCallbacks(persister.getMappedClass(), CallbackType.PRE_UPDATE);
            cacheable = persister.canWriteToCache();
            querySpaces = CacheInvalidation.querySpaces(persister);
            versionIndex = plan.versioned() ? plan.attributes().get(plan.versionAttribute()).stateIndex() : -1;
            versionColumn = plan.versionColumn();
            attributeColumns = new long[persister.getPropertyTypes().length];
            attributesByState = new AttributePlan[attributeColumns.length];
            List<AttributePlan> generated = new ArrayList<>();
            for (AttributePlan a : plan.attributes()) {
                attributesByState[a.stateIndex()] = a;
                long mask = 0;
                for (int c : a.columns()) {
                    if (plan.columns().get(c).updatable()) {
                        mask |= 1L << c;
                    }
                }
                attributeColumns[a.stateIndex()] = mask;
                if (a.generatesOnUpdate()) {
                    generated.add(a);
                }
            }
            updateGenerated = generated.toArray(new AttributePlan[0]);
            updatePrefix = "update " + plan.rootTable().name() + " set ";
            whereClause = " where " + plan.rootTable().keyColumn() + "=?"
                    + (versionColumn != null ? " and " + versionColumn.name() + "=?" : "");
        }

        static Shape of(SessionFactoryImplementor factory, EntityPersister persister) {
            CallbackRegistry callbacks = factory.getEventEngine().getCallbackRegistry();
            String why = whyUnsupported(persister);
            EntityPlan plan = null;
            if (why == null) {
                try {
                    plan = EntityPlans.build(factory, persister.getMappedClass());
                } catch (UnsupportedMappingException | IllegalArgumentException e) {
                    why = e.getMessage();
                }
            }
            if (why == null && plan.persister() != persister) {
                why = "its class is mapped by more than one entity name";
            }
            if (why == null && plan.tables().size() != 1) {
                why = "it is stored in " + plan.tables().size() + " tables";
            }
            if (why == null && plan.columns().size() > 63) {
                why = "it has more than 63 columns";
            }
            return why == null ? new Shape(persister, plan, null, callbacks) : new Shape(persister, null, why, callbacks);
        }

        private static String whyUnsupported(EntityPersister persister) {
            if (!(persister instanceof AbstractEntityPersister aep)) {
                return "its persister is not a standard Hibernate persister";
            }
            if (!persister.isMutable()) {
                return "it is immutable";
            }
            if (persister.hasCollections()) {
                return "it has collections";
            }
            if (persister.getNaturalIdMapping() != null) {
                return "it has a natural id";
            }
            Class<?> type = persister.getMappedClass();
            if (ManagedEntity.class.isAssignableFrom(type) || PersistentAttributeInterceptable.class.isAssignableFrom(type)) {
                return "it is bytecode-enhanced";
            }
            if (persister.hasUpdateGeneratedProperties() || persister.isVersionPropertyGenerated()) {
                return "the database generates values on update";
            }
            OptimisticLockStyle locking = persister.optimisticLockStyle();
            if (locking.isAllOrDirty()) {
                return "it uses optimistic lock style " + locking;
            }
            if (aep.hasPartitionedSelectionMapping()) {
                return "it has a partition key";
            }
            String[] transformed = {null};
            persister.forEachSelectable((i, selectable) -> {
                String write = selectable.getWriteExpression();
                if (write != null && !"?".equals(write.trim())) {
                    transformed[0] = selectable.getSelectionExpression();
                }
            });
            if (transformed[0] != null) {
                return "column " + transformed[0] + " has a write transformer";
            }
            return null;
        }

        /** Per-session conditions (interceptor, listeners) and per-entry ones. */
        boolean sessionAllows(EventSource session, EntityEntry entry) {
            if (session.getInterceptor() != EmptyInterceptor.INSTANCE
                    || entry.getRowId() != null || entry.isBeingReplicated() || entry.getLoadedState() == null) {
                return false;
            }
            SessionFactoryImplementor factory = session.getFactory();
            if (!(factory.getCustomEntityDirtinessStrategy() instanceof DefaultCustomEntityDirtinessStrategy)) {
                return false;
            }
            var groups = factory.getEventListenerGroups();
            var flushEntity = groups.eventListenerGroup_FLUSH_ENTITY;
            if (flushEntity.count() != 1) {
                return false;
            }
            for (FlushEntityEventListener listener : flushEntity.listeners()) {
                if (listener.getClass() != DefaultFlushEntityEventListener.class) {
                    return false;
                }
            }
            for (PostUpdateEventListener listener : groups.eventListenerGroup_POST_COMMIT_UPDATE.listeners()) {
                if (listener.requiresPostCommitHandling(persister)) {
                    return false;
                }
            }
            return true;
        }

        Object[] currentState(Object entity) {
            Object[] state = new Object[attributeColumns.length];
            for (AttributePlan a : plan.attributes()) {
                state[a.stateIndex()] = a.accessor().get(entity);
            }
            return state;
        }

        long columnsOf(int[] dirty) {
            long mask = 0;
            for (int index : dirty) {
                mask |= attributeColumns[index];
            }
            if (versionColumn != null) {
                mask &= ~attributeColumns[versionIndex];
            }
            return mask;
        }

        private String sql(long columns) {
            String s = sql.get(columns);
            if (s == null) {
                StringBuilder b = new StringBuilder(updatePrefix);
                boolean first = true;
                for (int c = 0; c < plan.columns().size(); c++) {
                    if ((columns & (1L << c)) != 0) {
                        b.append(first ? "" : ",").append(plan.columns().get(c).name()).append("=?");
                        first = false;
                    }
                }
                if (versionColumn != null) {
                    b.append(first ? "" : ",").append(versionColumn.name()).append("=?");
                }
                s = b.append(whereClause).toString();
                sql.put(columns, s);
            }
            return s;
        }

        /**
         * The columns of attributes a {@code PreUpdateEventListener} replaced in the state array (the pattern
         * Hibernate documents for audit listeners). Hibernate's static UPDATE writes the whole state array, so such a
         * change reaches the database even for an attribute that was clean; the direct path binds from the entity, so
         * the new value is also set on the entity, which then matches the entry's loaded state after the write.
         */
        long takeListenerChanges(Object entity, Object[] before, Object[] after) {
            long changed = 0;
            for (int i = 0; i < after.length; i++) {
                if (after[i] != before[i] && attributesByState[i] != null) {
                    attributesByState[i].accessor().set(entity, after[i]);
                    changed |= attributeColumns[i];
                }
            }
            return changed;
        }

        /** Writes the row; throws {@code StaleObjectStateException} when the id (and version) matched no row. */
        void execute(EventSource session, Object entity, Object id, long columns, Object nextVersion,
                     Object previousVersion) {
            if (columns == 0 && versionColumn == null) {
                return;                 // only non-updatable attributes changed: Hibernate writes nothing new either
            }
            String sql = sql(columns);
            var jdbc = session.getJdbcCoordinator();
            PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
            try {
                int p = 1;
                try {
                    for (int c = 0; c < plan.columns().size(); c++) {
                        if ((columns & (1L << c)) != 0) {
                            ColumnPlan column = plan.columns().get(c);
                            column.bind(statement, p++, read(column, entity, session), session);
                        }
                    }
                    if (versionColumn != null) {
                        versionColumn.bind(statement, p++, versionColumn.jdbc().convertToRelationalValue(nextVersion),
                                session);
                    }
                    bindId(statement, p++, id, session);
                    if (versionColumn != null) {
                        versionColumn.bind(statement, p, versionColumn.jdbc().convertToRelationalValue(previousVersion),
                                session);
                    }
                } catch (SQLException e) {
                    throw SessionBridge.convert(session, e, "could not bind the UPDATE of " + plan.entityName(), sql);
                }
                int rows = jdbc.getResultSetReturn().executeUpdate(statement, sql);
                if (rows == 0) {
                    throw new StaleObjectStateException(plan.entityName(), id);
                }
                if (rows > 1) {
                    throw new TooManyRowsAffectedException("UPDATE of " + plan.entityName() + " with id " + id
                            + " changed " + rows + " rows", 1, rows);
                }
            } finally {
                jdbc.getLogicalConnection().getResourceRegistry().release(statement);
                jdbc.afterStatementExecution();
            }
        }

        private static Object read(ColumnPlan column, Object entity, EventSource session) {
            try {
                return column.reader().read(entity, session);
            } catch (InvalidRowException e) {
                throw new TransientObjectException("Cannot save " + column.path() + ": " + e.getMessage());
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void bindId(PreparedStatement statement, int index, Object id, EventSource session) throws SQLException {
            var jdbc = plan.idJdbc();
            ((org.hibernate.type.descriptor.ValueBinder) jdbc.getJdbcValueBinder())
                    .bind(statement, jdbc.convertToRelationalValue(id), index, session);
        }
    }

    /**
     * The second-level cache item of the entity while it is written: soft-locked before the UPDATE, then (as
     * {@code EntityUpdateAction} does) removed or updated right after it, and refreshed ({@code afterUpdate}) or
     * unlocked when the transaction completes.
     */
    private static final class Cached {
        final EntityDataAccess access;
        final Object key;
        final SoftLock lock;
        final Object previousVersion;
        Object entry;
        Object nextVersion;

        private Cached(EntityDataAccess access, Object key, SoftLock lock, Object previousVersion) {
            this.access = access;
            this.key = key;
            this.lock = lock;
            this.previousVersion = previousVersion;
        }

        static Cached lock(EventSource session, EntityPersister persister, Object id, Object previousVersion) {
            EntityDataAccess access = persister.getCacheAccessStrategy();
            Object key = access.generateCacheKey(id, persister, session.getFactory(), session.getTenantIdentifier());
            return new Cached(access, key, access.lockItem(session, key, previousVersion), previousVersion);
        }

        void afterWrite(EventSource session, EntityPersister persister, Object entity, Object[] state,
                        Object nextVersion) {
            CacheMode mode = session.getCacheMode();
            if (persister.isCacheInvalidationRequired() || mode == CacheMode.GET || mode == CacheMode.IGNORE) {
                access.remove(session, key);
            } else if (mode.isPutEnabled()) {
                this.entry = CacheEntryHelper.buildStructuredCacheEntry(entity, nextVersion, state, persister, session);
                this.nextVersion = nextVersion;
                access.update(session, key, entry, nextVersion, previousVersion);
            }
        }

        void register(EventSource session) {
            session.getActionQueue().registerCallback((AfterTransactionCompletionProcess) (success, s) -> {
                        if (success && entry != null) {
                            access.afterUpdate(s, key, entry, nextVersion, previousVersion, lock);
                        } else {
                            access.unlockItem(s, key, lock);
                        }
                    });
        }
    }
}

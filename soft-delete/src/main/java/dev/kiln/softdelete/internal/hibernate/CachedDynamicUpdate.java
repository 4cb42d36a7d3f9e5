package dev.kiln.softdelete.internal.hibernate;

import org.hibernate.engine.OptimisticLockStyle;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.UpdateCoordinator;
import org.hibernate.persister.entity.mutation.AttributeAnalysis;
import org.hibernate.persister.entity.mutation.EntityTableMapping;
import org.hibernate.persister.entity.mutation.UpdateCoordinatorStandard;
import org.hibernate.sql.model.MutationOperationGroup;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adapter over Hibernate's {@code UpdateCoordinatorStandard} (internal): Hibernate builds and translates the SQL of a
 * dynamic UPDATE (only the changed columns) on every flush of an entity. Kiln turns dynamic update on for owners of
 * associations whose targets the criteria may hide ({@code protectForeignKeys}), which made every such update pay an
 * SQL AST build and translation. This coordinator keeps the translated operation group per <em>update shape</em>
 * (which columns are set, which are locked and whether their old values are null, which tables are updated) and
 * reuses it; the statement, its parameters and their order are the ones Hibernate would build again, and values are
 * still bound per execution by Hibernate. {@code CachedDynamicUpdateTest} pins the behaviour.
 *
 * <p>Only entities whose update group depends on nothing else are cached: optimistic locking NONE or VERSION, no row
 * id, no partition key, no update delegate (values returned by the UPDATE), only non-optional tables without custom
 * SQL. Others, and shapes beyond {@link #MAX_SHAPES}, are built by Hibernate as before.
 */
final class CachedDynamicUpdate extends UpdateCoordinatorStandard {
    static final int MAX_SHAPES = 256;

    private final ConcurrentHashMap<Shape, MutationOperationGroup> groups = new ConcurrentHashMap<>();
    /** 0 undecided, 1 cacheable, 2 not (the persister is complete only after the coordinator is built). */
    private volatile int cacheable;

    CachedDynamicUpdate(EntityPersister persister, SessionFactoryImplementor factory) {
        super(persister, factory);
    }

    /** Hibernate's standard coordinator is replaced by a caching one; any other is kept. */
    static UpdateCoordinator wrap(UpdateCoordinator built, AbstractEntityPersister persister) {
        return built != null && built.getClass() == UpdateCoordinatorStandard.class
                ? new CachedDynamicUpdate(persister, persister.getFactory()) : built;
    }

    @Override
    protected MutationOperationGroup generateDynamicUpdateGroup(Object entity, Object id, Object rowId,
                                                                Object[] oldValues,
                                                                UpdateValuesAnalysisImpl valuesAnalysis,
                                                                SharedSessionContractImplementor session) {
        if (!isCacheable() || rowId != null) {
            return super.generateDynamicUpdateGroup(entity, id, rowId, oldValues, valuesAnalysis, session);
        }
        Shape shape = shapeOf(entity, oldValues, valuesAnalysis, session);
        MutationOperationGroup group = groups.get(shape);
        if (group == null) {
            group = super.generateDynamicUpdateGroup(entity, id, null, oldValues, valuesAnalysis, session);
            if (groups.size() < MAX_SHAPES) {
                groups.putIfAbsent(shape, group);
            }
        }
        return group;
    }

    /** Shapes cached so far (for tests). */
    int cachedShapes() {
        return groups.size();
    }

    private Shape shapeOf(Object entity, Object[] oldValues, UpdateValuesAnalysisImpl analysis,
                          SharedSessionContractImplementor session) {
        List<AttributeAnalysis> attributes = analysis.getAttributeAnalyses();
        AbstractEntityPersister persister = (AbstractEntityPersister) entityPersister();
        var mappings = persister.getAttributeMappings();
        int tables = persister.getTableSpan();
        byte[] key = new byte[attributes.size() + 1];
        for (int i = 0; i < attributes.size(); i++) {
            AttributeAnalysis a = attributes.get(i);
            int k = a.getDirtynessStatus().ordinal();
            k |= a.includeInSet() ? 1 << 2 : 0;
            k |= a.includeInLocking() ? 1 << 3 : 0;
            k |= oldValues == null || oldValues[i] == null ? 1 << 4 : 0;
            Generator generator = mappings.get(i).getGenerator();
            k |= generator != null && generator.generatesOnUpdate() && generator.generatedOnExecution(entity, session)
                    ? 1 << 5 : 0;
            key[i] = (byte) k;
        }
        int[] updated = {0};
        int[] index = {0};
        persister.forEachMutableTable(table -> {
            if (analysis.getTablesNeedingUpdate().contains(table) && index[0] < 8) {
                updated[0] |= 1 << index[0];
            }
            index[0]++;
        });
        key[attributes.size()] = (byte) (tables <= 8 ? updated[0] : 0);
        return new Shape(key);
    }

    private boolean isCacheable() {
        int c = cacheable;
        if (c == 0) {
            c = decideCacheable() ? 1 : 2;
            cacheable = c;
        }
        return c == 1;
    }

    private boolean decideCacheable() {
        AbstractEntityPersister p = (AbstractEntityPersister) entityPersister();
        OptimisticLockStyle lock = p.optimisticLockStyle();
        if (lock != OptimisticLockStyle.NONE && lock != OptimisticLockStyle.VERSION) {
            return false;
        }
        if (p.getRowIdMapping() != null || p.hasPartitionedSelectionMapping() || p.getUpdateDelegate() != null) {
            return false;
        }
        boolean[] ok = {p.getTableSpan() <= 8};
        p.forEachMutableTable(table -> {
            EntityTableMapping t = (EntityTableMapping) table;
            if (t.isOptional() || t.getUpdateDetails().getCustomSql() != null) {
                ok[0] = false;
            }
        });
        return ok[0];
    }

    private record Shape(byte[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && Arrays.equals(key, s.key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key);
        }
    }
}

package dev.kiln.bulksave.internal;

import dev.kiln.bulksave.BulkOptions;
import dev.kiln.bulksave.BulkSaveException;
import dev.kiln.bulksave.internal.hibernate.CacheInvalidation;
import dev.kiln.bulksave.internal.hibernate.EntityPlans;
import dev.kiln.bulksave.internal.hibernate.ManagedEntities;
import dev.kiln.bulksave.internal.hibernate.SequencePrefetch;
import dev.kiln.bulksave.internal.hibernate.SessionBridge;
import dev.kiln.bulksave.internal.hibernate.ValueGenerators;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.HibernateProxy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code BulkSave} call: reads and validates every row, generates ids, versions and timestamps, groups the rows
 * into statements and hands them to {@link JdbcWriter}. If anything fails, the objects get their old ids, versions and
 * generated values back.
 */
public final class BulkOperation {
    /** What the caller asked for. */
    public enum Mode {
        INSERT, UPDATE, SAVE
    }

    private final SharedSessionContractImplementor session;
    private final BulkOptions options;
    private final boolean stateful;
    private final Map<Class<?>, EntityPlan> plans = new IdentityHashMap<>();

    private BulkOperation(SharedSessionContractImplementor session, BulkOptions options) {
        this.session = session;
        this.options = options;
        this.stateful = !session.isStateless();
    }

    /** Runs a bulk call; returns the number of rows inserted or updated. */
    public static int run(SharedSessionContractImplementor session, Collection<?> objects, Mode mode, BulkOptions options) {
        if (objects == null) {
            throw new IllegalArgumentException("objects is null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options is null");
        }
        if (objects.isEmpty()) {
            return 0;
        }
        return new BulkOperation(session, options).run(objects, mode);
    }

    private int run(Collection<?> objects, Mode mode) {
        List<Row> rows = new ArrayList<>(objects.size());
        int index = 0;
        for (Object object : objects) {
            Row row = prepare(index++, object, mode);
            if (row != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        List<Group> groups = group(rows);
        boolean done = false;
        try {
            Map<EntityPlan, SequencePrefetch.IdSource> ids = idSources(rows);
            for (Row row : rows) {
                generate(row, ids.get(row.plan));
            }
            ManagedEntities.executeQueuedActions(session);
            JdbcWriter writer = new JdbcWriter(session, SessionBridge.flavor(session), options);
            CacheInvalidation caches = CacheInvalidation.of(session);
            for (Row row : rows) {
                caches.row(row.plan, row.id, !row.insert);
            }
            caches.beforeStatements();
            try {
                session.doWork(connection -> writer.write(connection, groups, rows.size()));
            } finally {
                caches.afterStatements();
            }
            done = true;
        } finally {
            if (!done) {
                for (Row row : rows) {
                    row.restore();
                }
            }
        }
        for (Row row : rows) {
            row.commit();
            if (!row.insert) {
                if (row.state != null) {
                    ManagedEntities.written(row.entry, row.entity, row.state, row.nextVersion);
                }
            }
        }
        return rows.size();
    }

    // ---- pass 1: classify and validate, no side effects ----

    private Row prepare(int index, Object object, Mode mode) {
        if (object == null) {
            throw new BulkSaveException("Row " + index + " is null", null, index, null);
        }
        Object entity = object instanceof HibernateProxy proxy ? proxy.getHibernateLazyInitializer().getImplementation() : object;
        EntityPlan plan = plan(entity.getClass(), index);
        EntityEntry entry = stateful ? ManagedEntities.entry(session, entity) : null;
        Object[] snapshot = ManagedEntities.snapshot(entry);
        if (snapshot != null && ManagedEntities.isReadOnly(entry)) {
            if (mode == Mode.INSERT) {
                throw invalid(plan, index, null, "is a read-only entity of the session and cannot be inserted");
            }
            return null;
        }
        Object id = plan.idAccessor().get(entity);
        boolean insert = switch (mode) {
            case INSERT -> true;
            case UPDATE -> false;
            case SAVE -> snapshot == null && (id == null
                    || plan.versioned() && plan.attributes().get(plan.versionAttribute()).accessor().get(entity) == null);
        };
        if (insert) {
            if (snapshot != null) {
                throw invalid(plan, index, null, "is already persistent in the session (id " + id
                        + "); use BulkSave.update or save");
            }
            if (id != null && plan.idStrategy() == IdStrategy.IDENTITY) {
                throw invalid(plan, index, plan.idName(), "has an id (" + id + ") but its ids are generated by the "
                        + "database (IDENTITY); leave it null, or use update");
            }
            if (id == null && plan.idStrategy() == IdStrategy.ASSIGNED) {
                throw invalid(plan, index, plan.idName(), "has a null id and its id is assigned by the application");
            }
        } else if (id == null) {
            throw invalid(plan, index, plan.idName(), "has a null id and cannot be updated; use insert or save");
        }
        Row row = new Row(index, entity, plan, insert);
        row.id = id;
        row.entry = entry;
        BitSet columns = insert ? insertColumns(row) : updateColumns(row, snapshot);
        if (columns == null) {
            return null; // managed and unchanged
        }
        row.columns = columns;
        return row;
    }

    private BitSet insertColumns(Row row) {
        EntityPlan plan = row.plan;
        List<ColumnPlan> columns = plan.columns();
        BitSet written = new BitSet(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            ColumnPlan column = columns.get(c);
            if (!column.insertable()) {
                continue;
            }
            AttributePlan attribute = plan.attributes().get(column.attribute());
            boolean generated = attribute.generatesOnInsert() || column.attribute() == plan.versionAttribute();
            Object value = read(row, column);
            row.values[c] = value;
            if (value == null && !generated) {
                if (!column.nullable()) {
                    throw nullInNonNull(row, column);
                }
                if (!options.renderNulls()) {
                    continue;
                }
            }
            written.set(c);
        }
        return written;
    }

    private BitSet updateColumns(Row row, Object[] snapshot) {
        EntityPlan plan = row.plan;
        List<AttributePlan> attributes = plan.attributes();
        UpdateColumns shape = plan.updateColumns();
        BitSet written;
        if (snapshot != null) {
            Object[] state = new Object[snapshot.length];
            for (AttributePlan attribute : attributes) {
                state[attribute.stateIndex()] = attribute.accessor().get(row.entity);
            }
            row.state = state;
        }
        if (snapshot != null && options.updateChangedOnly()) {
            int[] dirty = ManagedEntities.dirtyAttributes(plan, row.state, snapshot, row.entity, session);
            if (dirty == null || dirty.length == 0) {
                return null;
            }
            written = shape.forDirty(dirty);
            if (written.isEmpty()) {
                return null; // only column-less attributes (inverse collections) changed
            }
        } else {
            written = shape.all();
        }
        shape.addAlways(written);
        for (int c = written.nextSetBit(0); c >= 0; c = written.nextSetBit(c + 1)) {
            ColumnPlan column = plan.columns().get(c);
            Object value = read(row, column);
            row.values[c] = value;
            boolean generated = attributes.get(column.attribute()).generatesOnUpdate()
                    || column.attribute() == plan.versionAttribute();
            if (value == null && !column.nullable() && !generated) {
                throw nullInNonNull(row, column);
            }
        }
        if (plan.versioned()) {
            row.expectedVersion = read(row, plan.versionColumn());
            if (row.expectedVersion == null) {
                throw invalid(plan, row.index, plan.attributes().get(plan.versionAttribute()).name(),
                        "has a null version and cannot be updated; use insert or save");
            }
        }
        return written;
    }

    private Object read(Row row, ColumnPlan column) {
        try {
            return column.reader().read(row.entity, session);
        } catch (InvalidRowException e) {
            throw invalid(row.plan, row.index, e.attribute(), e.getMessage());
        }
    }

    private EntityPlan plan(Class<?> type, int index) {
        EntityPlan plan = plans.get(type);
        if (plan == null) {
            try {
                plan = EntityPlans.of(session, type);
            } catch (UnsupportedMappingException e) {
                throw new BulkSaveException(e.getMessage() + " (row " + index + ")", type.getName(), index, null);
            }
            plans.put(type, plan);
        }
        return plan;
    }

    // ---- pass 2: ids, versions, generated values (recorded for undo) ----

    /** One id source per entity type with new rows needing generated ids (sequence values fetched together). */
    private Map<EntityPlan, SequencePrefetch.IdSource> idSources(List<Row> rows) {
        Map<EntityPlan, Integer> counts = new IdentityHashMap<>();
        for (Row row : rows) {
            if (row.insert && row.id == null && row.plan.idStrategy() == IdStrategy.BEFORE_INSERT) {
                counts.merge(row.plan, 1, Integer::sum);
            }
        }
        Map<EntityPlan, SequencePrefetch.IdSource> sources = new IdentityHashMap<>();
        SqlFlavor flavor = SessionBridge.flavor(session);
        counts.forEach((plan, n) -> sources.put(plan, SequencePrefetch.forRows(plan, session, flavor, n)));
        return sources;
    }

    private void generate(Row row, SequencePrefetch.IdSource ids) {
        EntityPlan plan = row.plan;
        List<AttributePlan> attributes = plan.attributes();
        if (row.insert) {
            if (row.id == null && plan.idStrategy() == IdStrategy.BEFORE_INSERT) {
                row.id = ids.next(row.entity);
                row.assign(plan.idAccessor(), row.id);
            }
            if (plan.versioned()) {
                AttributePlan version = attributes.get(plan.versionAttribute());
                if (version.accessor().get(row.entity) == null) {
                    row.assign(version.accessor(), ValueGenerators.initialVersion(plan, session));
                }
                refresh(row, version);
            }
            for (AttributePlan attribute : attributes) {
                if (attribute.generatesOnInsert()) {
                    Object current = attribute.accessor().get(row.entity);
                    row.assign(attribute.accessor(), ValueGenerators.generate(attribute, row.entity, current, true, session));
                    refresh(row, attribute);
                }
            }
        } else {
            if (plan.versioned()) {
                AttributePlan version = attributes.get(plan.versionAttribute());
                row.nextVersion = ValueGenerators.nextVersion(plan, version.accessor().get(row.entity), session);
                row.assign(version.accessor(), row.nextVersion);
                refresh(row, version);
            }
            for (AttributePlan attribute : attributes) {
                if (attribute.generatesOnUpdate()) {
                    Object current = attribute.accessor().get(row.entity);
                    row.assign(attribute.accessor(), ValueGenerators.generate(attribute, row.entity, current, false, session));
                    refresh(row, attribute);
                }
            }
        }
    }

    /** Re-reads the columns (and the snapshot state) of an attribute that was just generated. */
    private void refresh(Row row, AttributePlan attribute) {
        for (int c : attribute.columns()) {
            if (row.columns.get(c)) {
                row.values[c] = read(row, row.plan.columns().get(c));
            }
        }
        if (row.state != null) {
            row.state[attribute.stateIndex()] = attribute.accessor().get(row.entity);
        }
    }

    // ---- grouping ----

    private List<Group> group(List<Row> rows) {
        List<Group> groups = new ArrayList<>();
        Map<GroupKey, Group> open = new LinkedHashMap<>();
        EntityPlan runPlan = null;
        boolean runInsert = false;
        Group last = null;    // most rows follow a row of the same shape: skip the map lookup for them
        for (Row row : rows) {
            if (options.preserveOrder() && (row.plan != runPlan || row.insert != runInsert)) {
                groups.addAll(open.values());
                open.clear();
                last = null;
                runPlan = row.plan;
                runInsert = row.insert;
            }
            if (last == null || last.plan() != row.plan || last.insert() != row.insert
                    || !last.columns().equals(row.columns)) {
                last = open.computeIfAbsent(new GroupKey(row.plan, row.insert, row.columns),
                        k -> new Group(k.plan(), k.insert(), k.columns()));
            }
            last.rows().add(row);
        }
        groups.addAll(open.values());
        return groups;
    }

    /**
     * A group's statement shape. The plan is compared by identity: {@code EntityPlan} is a record whose generated
     * {@code hashCode} walks all its columns and attributes, which made grouping a third of the CPU time of a bulk
     * insert (JFR, PostgreSQL COPY path).
     */
    private record GroupKey(EntityPlan plan, boolean insert, BitSet columns) {
        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey k && k.plan == plan && k.insert == insert && k.columns.equals(columns);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(plan) * 31 + (insert ? 1 : 0)) * 31 + columns.hashCode();
        }
    }

    /** Rows of one entity type written with the same statement shape. */
    record Group(EntityPlan plan, boolean insert, BitSet columns, List<Row> rows) {
        Group(EntityPlan plan, boolean insert, BitSet columns) {
            this(plan, insert, columns, new ArrayList<>());
        }
    }

    // ---- errors ----

    private static BulkSaveException nullInNonNull(Row row, ColumnPlan column) {
        return invalid(row.plan, row.index, column.path(), "has null in attribute '" + column.path()
                + "', but column " + column.name() + " is NOT NULL");
    }

    private static BulkSaveException invalid(EntityPlan plan, int index, String attribute, String what) {
        String message = what.startsWith("attribute ") ? plan.entityName() + " at row " + index + ": " + what
                : plan.entityName() + " at row " + index + " " + what;
        return new BulkSaveException(message + " (nothing was written)", plan.entityName(), index, attribute);
    }
}

package dev.kiln.bulksave.internal;

import dev.kiln.bulksave.internal.access.PropertyAccessor;
import org.hibernate.engine.spi.EntityEntry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** One object of a bulk call, with the relational values to write and what to undo if the call fails. */
final class Row {
    final int index;
    final Object entity;
    final EntityPlan plan;
    final boolean insert;
    /** Relational value per {@link EntityPlan#columns()} index (only the written columns are filled). */
    final Object[] values;
    /** Columns written: insert = insertable (minus omitted nulls), update = SET columns. */
    BitSet columns;
    /** The id (domain value); null for IDENTITY rows until the database returns it. */
    Object id;
    /** Relational value of the version before the update (WHERE clause), for versioned updates. */
    Object expectedVersion;
    /** Domain values per attribute for managed rows (to bring the session's snapshot up to date), else null. */
    Object[] state;
    Object nextVersion;
    /** The session's entry for a managed row (looked up once), else null. */
    EntityEntry entry;
    private List<Object> undo;

    Row(int index, Object entity, EntityPlan plan, boolean insert) {
        this.index = index;
        this.entity = entity;
        this.plan = plan;
        this.insert = insert;
        this.values = new Object[plan.columns().size()];
    }

    /** Sets a property, remembering the old value for {@link #restore()}. */
    void assign(PropertyAccessor accessor, Object value) {
        if (undo == null) {
            undo = new ArrayList<>(4);
        }
        undo.add(accessor);
        undo.add(accessor.get(entity));
        accessor.set(entity, value);
    }

    /** Puts back every property {@link #assign} changed, newest first. */
    void restore() {
        if (undo == null) {
            return;
        }
        for (int i = undo.size() - 2; i >= 0; i -= 2) {
            ((PropertyAccessor) undo.get(i)).set(entity, undo.get(i + 1));
        }
        undo = null;
    }

    /** Forgets the undo log once the call succeeded. */
    void commit() {
        undo = null;
    }
}

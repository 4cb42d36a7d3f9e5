package dev.kiln.bulksave.internal;

import java.util.BitSet;
import java.util.List;

/**
 * Which columns an UPDATE of one entity type writes, worked out once with its {@link EntityPlan} instead of per row:
 * the updatable columns of each attribute (by state-array index, for dirty attributes), the columns written on every
 * update (version, {@code @UpdateTimestamp} and other update generators) and all updatable columns (for rows without
 * a snapshot, or with {@code updateChangedOnly} off). Per row, choosing the SET columns is then a few bit
 * operations, whatever the number of attributes (a 10,000-row update spent a visible share of its Kiln time
 * searching the attribute list for each dirty state index).
 */
public final class UpdateColumns {
    private final int columnCount;
    private final int[][] byStateIndex;
    private final BitSet always;
    private final BitSet all;

    UpdateColumns(List<AttributePlan> attributes, List<ColumnPlan> columns, int versionAttribute) {
        this.columnCount = columns.size();
        int states = 0;
        for (AttributePlan attribute : attributes) {
            states = Math.max(states, attribute.stateIndex() + 1);
        }
        this.byStateIndex = new int[states][];
        this.always = new BitSet(columnCount);
        this.all = new BitSet(columnCount);
        for (int a = 0; a < attributes.size(); a++) {
            AttributePlan attribute = attributes.get(a);
            BitSet own = new BitSet();
            for (int c : attribute.columns()) {
                if (columns.get(c).updatable()) {
                    own.set(c);
                }
            }
            all.or(own);
            if (attribute.generatesOnUpdate() || a == versionAttribute) {
                always.or(own);
            }
            int[] previous = byStateIndex[attribute.stateIndex()];
            if (previous != null) {     // two attributes at one state index: Hibernate does not produce it today
                for (int c : previous) {
                    own.set(c);
                }
            }
            byStateIndex[attribute.stateIndex()] = own.stream().toArray();
        }
    }

    /** A new set of the columns to write for the dirty state indexes; empty if only column-less attributes changed. */
    BitSet forDirty(int[] dirtyStateIndexes) {
        BitSet written = new BitSet(columnCount);
        for (int stateIndex : dirtyStateIndexes) {
            int[] columns = stateIndex < byStateIndex.length ? byStateIndex[stateIndex] : null;
            if (columns != null) {
                for (int c : columns) {
                    written.set(c);
                }
            }
        }
        return written;
    }

    /** Adds the columns every update writes (version, update generators). */
    void addAlways(BitSet written) {
        written.or(always);
    }

    /** A new set of every updatable column. */
    BitSet all() {
        return (BitSet) all.clone();
    }
}

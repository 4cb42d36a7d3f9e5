package dev.kiln.softdelete.internal;

import org.hibernate.metamodel.mapping.SelectableMapping;

import java.util.List;

/**
 * A {@link dev.kiln.softdelete.Condition} compiled against one entity's mapping: columns resolved, literals converted
 * to their JDBC values, trivial parts folded away.
 */
public sealed interface Node {
    /** A resolved column of the entity's table(s). {@code attributeName} is the basic attribute mapping it, or null. */
    record ColumnRef(String name, SelectableMapping selectable, String attributeName) {
    }

    /** No restriction. */
    record Always() implements Node {
    }

    /** No row. */
    record Never() implements Node {
    }

    /** Using the entity under this variant is an error. */
    record Refuse(String reason) implements Node {
    }

    /** {@code column = literal} / {@code column <> literal}; the literal is already the column's JDBC value. */
    record CompareLiteral(ColumnRef column, boolean equal, Object jdbcValue) implements Node {
    }

    /** {@code column = ?} / {@code column <> ?}, bound from the context value {@code key} per execution. */
    record CompareContext(ColumnRef column, boolean equal, String key) implements Node {
    }

    /** {@code column is [not] null}. */
    record NullTest(ColumnRef column, boolean negated) implements Node {
    }

    record And(List<Node> parts) implements Node {
    }

    record Or(List<Node> parts) implements Node {
    }

    Node ALWAYS = new Always();
    Node NEVER = new Never();

    static Node and(List<Node> parts) {
        List<Node> kept = new java.util.ArrayList<>();
        for (Node p : parts) {
            if (p instanceof Never || p instanceof Refuse) {
                return p;
            }
            if (!(p instanceof Always)) {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? ALWAYS : kept.size() == 1 ? kept.get(0) : new And(List.copyOf(kept));
    }

    static Node or(List<Node> parts) {
        List<Node> kept = new java.util.ArrayList<>();
        for (Node p : parts) {
            if (p instanceof Always) {
                return p;
            }
            if (p instanceof Refuse) {
                throw new IllegalStateException("Condition.refuse(...) can only be a whole rule variant, not part of or(...)");
            }
            if (!(p instanceof Never)) {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? NEVER : kept.size() == 1 ? kept.get(0) : new Or(List.copyOf(kept));
    }
}

package dev.kiln.bakedquery.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a baked query, as an immutable linked list from the last part back to the source. Equal chains have
 * the same kinds of parts from the same call sites (lambda classes) and the same declared result type: a chain is the
 * cache key. Parts after a {@link Kind#SPOIL} are not part of the key and run on every call.
 */
public final class Chain {
    /** What a part is. */
    public enum Kind { HQL, CRITERIA, WHERE, STEP, SPOIL }

    private final Chain parent;
    private final Kind kind;
    private final Object part;
    private final Class<?> resultType;
    private final Chain cacheable;
    private final int hash;

    private Chain(Chain parent, Kind kind, Object part, Class<?> resultType) {
        this.parent = parent;
        this.kind = kind;
        this.part = part;
        this.resultType = resultType;
        boolean spoiled = kind == Kind.SPOIL || (parent != null && parent.isSpoiled());
        this.cacheable = spoiled ? (parent.isSpoiled() ? parent.cacheable : parent) : this;
        int h = parent == null ? Objects.hashCode(resultType) : parent.hash;
        this.hash = 31 * (31 * h + kind.hashCode()) + (part == null ? 0 : part.getClass().hashCode());
    }

    /**
     * The source chain last made for a lambda class: a call site makes the same one on every call, so later calls
     * reuse it (no allocation, no capture check: only a stateless lambda's chain is ever remembered here).
     */
    private static final ClassValue<Chain[]> SOURCES = new ClassValue<>() {
        @Override
        protected Chain[] computeValue(Class<?> type) {
            return new Chain[1];
        }
    };

    /** The first part: HQL text or a criteria query. Refuses a stateful lambda. */
    public static Chain source(Kind kind, Object part, Class<?> resultType) {
        Objects.requireNonNull(part, "the query lambda");
        Chain[] slot = SOURCES.get(part.getClass());
        Chain last = slot[0];
        if (last != null && last.kind == kind && last.resultType == resultType) {
            return last;
        }
        Captures.requireStateless(part, kind == Kind.HQL ? "HQL lambda" : "criteria lambda");
        Chain made = new Chain(null, kind, part, resultType);
        slot[0] = made;                      // a benign race: any chain made for this class is as good as another
        return made;
    }

    /** A further part; refused if stateful, unless it comes after {@code spoil()}. */
    public Chain then(Kind kind, Object part) {
        if (kind != Kind.SPOIL) {
            Objects.requireNonNull(part, "the lambda");
            if (!isSpoiled()) {
                Captures.requireStateless(part, kind == Kind.WHERE ? "restriction (and)" : "step (then)");
            }
        }
        return new Chain(this, kind, part, null);
    }

    public boolean isSpoiled() {
        return cacheable != this;
    }

    /** The longest prefix before the first spoil: the part that is cached. */
    public Chain cacheable() {
        return cacheable;
    }

    public Kind kind() {
        return kind;
    }

    public Object part() {
        return part;
    }

    /** The result type declared at the source (HQL), or null (criteria: the query says). */
    public Class<?> resultType() {
        Chain c = this;
        while (c.parent != null) {
            c = c.parent;
        }
        return c.resultType;
    }

    /** The parts from the source to this one. */
    public List<Chain> path() {
        List<Chain> path = new ArrayList<>();
        for (Chain c = this; c != null; c = c.parent) {
            path.add(c);
        }
        Collections.reverse(path);
        return path;
    }

    /** The parts after the cacheable prefix, in order, without the spoil markers: they run on every call. */
    public List<Chain> dynamicParts() {
        List<Chain> parts = new ArrayList<>();
        for (Chain c = this; c != cacheable; c = c.parent) {
            if (c.kind != Kind.SPOIL) {
                parts.add(c);
            }
        }
        Collections.reverse(parts);
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Chain other) || other.hash != hash) {
            return false;
        }
        Chain a = this;
        Chain b = other;
        while (a != null && b != null) {
            if (a == b) {
                return true;
            }
            if (a.kind != b.kind || a.resultType != b.resultType
                    || (a.part == null ? b.part != null : b.part == null || a.part.getClass() != b.part.getClass())) {
                return false;
            }
            a = a.parent;
            b = b.parent;
        }
        return a == null && b == null;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Chain c : path()) {
            if (!sb.isEmpty()) {
                sb.append(" + ");
            }
            sb.append(c.kind).append(c.part == null ? "" : "@" + c.part.getClass().getName());
        }
        return sb.toString();
    }
}

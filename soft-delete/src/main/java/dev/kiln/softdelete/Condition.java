package dev.kiln.softdelete;

import java.util.List;
import java.util.Objects;

/**
 * A predicate on one row of an entity's table, in the small language criteria rules are written in: column
 * comparisons with literals or with values of the session's {@link CriteriaContext}, null tests, and/or. Kiln turns it
 * into SQL on every table the entity appears in; literals become SQL literals, context values become JDBC parameters
 * bound when the statement runs, so one translated query plan serves every session.
 *
 * <pre>{@code
 * Condition live = Condition.column("deleted").eq(0);
 * Condition mine = Condition.or(
 *         Condition.column("project_id").eqContextValue(CriteriaContext.PROJECT),
 *         Condition.column("project_id").isNull());
 * }</pre>
 *
 * Columns are physical column names of the entity's table(s), matched case-insensitively.
 */
public abstract class Condition {
    private static final Condition ALWAYS = new Condition() {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.always();
        }
    };
    private static final Condition NEVER = new Condition() {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.never();
        }
    };

    Condition() {
    }

    /** Every row: no SQL at all. */
    public static Condition always() {
        return ALWAYS;
    }

    /** No row ({@code 1=0}). */
    public static Condition never() {
        return NEVER;
    }

    /**
     * Not a row predicate: using the entity under this rule variant is an error; the query fails with an
     * {@link IllegalStateException} carrying {@code reason} (e.g. a scoped entity queried without a project).
     */
    public static Condition refuse(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new Condition() {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.refuse(reason);
            }
        };
    }

    /** Starts a condition on a column. */
    public static Column column(String name) {
        return new Column(name);
    }

    public static Condition and(Condition... parts) {
        List<Condition> list = List.of(parts);
        return new Condition() {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.and(list);
            }
        };
    }

    public static Condition or(Condition... parts) {
        List<Condition> list = List.of(parts);
        return new Condition() {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.or(list);
            }
        };
    }

    /** Double dispatch over the closed set of condition kinds (used by Kiln's renderers). */
    public abstract <R> R accept(Visitor<R> visitor);

    /** What a {@link Condition} can be. */
    public interface Visitor<R> {
        R always();

        R never();

        R refuse(String reason);

        /** {@code column = literal} or {@code column <> literal}. */
        R compareToLiteral(String column, boolean equal, Object literal);

        /** {@code column = :key} or {@code column <> :key}, the value taken from the session's context. */
        R compareToContextValue(String column, boolean equal, String key);

        /** {@code column is null} or {@code column is not null}. */
        R isNull(String column, boolean negated);

        R and(List<Condition> parts);

        R or(List<Condition> parts);
    }

    /** A column, waiting for its comparison. */
    public static final class Column {
        private final String name;

        private Column(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("column name must not be blank");
            }
            this.name = name;
        }

        public Condition eq(Object literal) {
            return literal(true, literal);
        }

        public Condition ne(Object literal) {
            return literal(false, literal);
        }

        /** Equal to the context value named {@code key}, bound per execution. */
        public Condition eqContextValue(String key) {
            return contextValue(true, key);
        }

        public Condition neContextValue(String key) {
            return contextValue(false, key);
        }

        public Condition isNull() {
            return nullTest(false);
        }

        public Condition isNotNull() {
            return nullTest(true);
        }

        private Condition literal(boolean equal, Object literal) {
            Objects.requireNonNull(literal, "literal (use isNull() for null)");
            return new Condition() {
                @Override
                public <R> R accept(Visitor<R> visitor) {
                    return visitor.compareToLiteral(name, equal, literal);
                }
            };
        }

        private Condition contextValue(boolean equal, String key) {
            Objects.requireNonNull(key, "key");
            return new Condition() {
                @Override
                public <R> R accept(Visitor<R> visitor) {
                    return visitor.compareToContextValue(name, equal, key);
                }
            };
        }

        private Condition nullTest(boolean negated) {
            return new Condition() {
                @Override
                public <R> R accept(Visitor<R> visitor) {
                    return visitor.isNull(name, negated);
                }
            };
        }
    }
}

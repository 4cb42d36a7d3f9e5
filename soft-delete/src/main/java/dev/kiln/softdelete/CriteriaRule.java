package dev.kiln.softdelete;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A criterion Kiln adds wherever an entity appears (query roots, joins, subqueries, collection and to-one loads,
 * {@code find}): a {@link Condition} on the entity's row, chosen by the session's {@link CriteriaContext}. A rule has a
 * few <em>variants</em> (for example read_deleted NO / YES / ONLY); the context picks one, and the variant's condition
 * is rendered as SQL. Immutable.
 *
 * <pre>{@code
 * // the two built-in kinds
 * CriteriaRule live = CriteriaRule.readDeleted(NovaBase.class, SoftDeleteStyle.nova());
 * CriteriaRule mine = CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone();
 *
 * // a custom rule: rows of the caller's region, unless the context has no region
 * CriteriaRule region = CriteriaRule.on(Instance.class).named("region")
 *         .when(ctx -> ctx.hasValue("region"), Condition.column("availability_zone").eqContextValue("region"))
 *         .otherwise(Condition.always());
 * }</pre>
 *
 * A rule applies to the entity classes assignable to the type it is declared on (an entity or a mapped superclass),
 * and must cover whole entity hierarchies: declare it on the hierarchy's root entity or above.
 */
public final class CriteriaRule {
    private final String name;
    private final Class<?> declaredOn;
    private final Object selectorKey;
    private final List<Condition> conditions;
    private final VariantChooser chooser;
    private final boolean allowNone;
    private final ScopeSpec scope;
    private final SoftDeleteStyle style;

    /** Chooses a variant index for a context. */
    @FunctionalInterface
    private interface VariantChooser {
        int choose(CriteriaContext context);
    }

    private record ScopeSpec(String column, String key) {
    }

    private CriteriaRule(String name, Class<?> declaredOn, Object selectorKey, List<Condition> conditions,
                         VariantChooser chooser, boolean allowNone, ScopeSpec scope,
                         SoftDeleteStyle style) {
        this.name = name;
        this.declaredOn = declaredOn;
        // A custom rule's variants depend on its own guards only, so it is its own selector.
        this.selectorKey = selectorKey == null ? this : selectorKey;
        this.conditions = conditions;
        this.chooser = chooser;
        this.allowNone = allowNone;
        this.scope = scope;
        this.style = style;
    }

    /**
     * The deleted-row rule of a soft-delete style: variants {@link ReadDeleted#NO} (live rows),
     * {@link ReadDeleted#YES} (no criterion) and {@link ReadDeleted#ONLY} (deleted rows), chosen by
     * {@link CriteriaContext#readDeleted()}.
     */
    public static CriteriaRule readDeleted(Class<?> type, SoftDeleteStyle style) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(style, "style");
        return new CriteriaRule("read_deleted", type, SelectorKeys.READ_DELETED,
                List.of(style.live(), Condition.always(), style.deleted()),
                ctx -> ctx.readDeleted().ordinal(), false, null, style);
    }

    /** {@link #scope(Class, String, String)} with the key {@link CriteriaContext#PROJECT}. */
    public static CriteriaRule projectScope(Class<?> type, String column) {
        return scope(type, column, CriteriaContext.PROJECT);
    }

    /**
     * Rows whose {@code column} equals the context value {@code key} (Nova's {@code project_only}). Variants: an
     * {@linkplain CriteriaContext#isAdmin() admin} context sees every row; a context with the value sees its rows; a
     * context with neither is refused with an {@link IllegalStateException}. See {@link #allowNone()}.
     */
    public static CriteriaRule scope(Class<?> type, String column, String key) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(key, "key");
        return buildScope(type, new ScopeSpec(column, key), false);
    }

    private static CriteriaRule buildScope(Class<?> type, ScopeSpec scope, boolean allowNone) {
        Condition own = Condition.column(scope.column()).eqContextValue(scope.key());
        Condition scoped = allowNone ? Condition.or(own, Condition.column(scope.column()).isNull()) : own;
        String reason = type.getSimpleName() + " is scoped by the context value '" + scope.key() + "' (column "
                + scope.column() + "), but the session's criteria context has no '" + scope.key()
                + "' and is not admin; set one with SoftDelete.setContext(session, CriteriaContext.builder().value(\""
                + scope.key() + "\", ...).build()) or use an admin context";
        return new CriteriaRule("scope:" + scope.key(), type, SelectorKeys.scope(scope.key()),
                List.of(Condition.always(), scoped, Condition.refuse(reason)),
                ctx -> ctx.isAdmin() ? 0 : ctx.hasValue(scope.key()) ? 1 : 2, allowNone, scope, null);
    }

    /**
     * This scope rule, also matching rows whose column is null (Nova's {@code project_only='allow_none'}), e.g.
     * floating IPs not allocated to any project.
     */
    public CriteriaRule allowNone() {
        if (scope == null) {
            throw new IllegalStateException("allowNone() applies to scope rules only, not to " + this);
        }
        return buildScope(declaredOn, scope, true);
    }

    /** Starts a custom rule on an entity class or mapped superclass. */
    public static Builder on(Class<?> type) {
        return new Builder(type);
    }

    public String name() {
        return name;
    }

    /** The entity class or mapped superclass the rule was declared on. */
    public Class<?> declaredOn() {
        return declaredOn;
    }

    /** True if this rule applies to instances of {@code entityClass}. */
    public boolean appliesTo(Class<?> entityClass) {
        return declaredOn.isAssignableFrom(entityClass);
    }

    /** Number of variants. */
    public int variantCount() {
        return conditions.size();
    }

    /** The condition of variant {@code index}. */
    public Condition condition(int index) {
        return conditions.get(index);
    }

    /** The variant {@code context} chooses. */
    public int variantFor(CriteriaContext context) {
        int v = chooser.choose(context);
        if (v < 0 || v >= conditions.size()) {
            throw new IllegalStateException("Rule " + name + " chose variant " + v + " of " + conditions.size());
        }
        return v;
    }

    /**
     * Rules with equal selector keys choose the same variant for every context (all read_deleted rules do, all
     * scopes on one key do); Kiln counts the distinct SQL shapes a session can have from them.
     */
    public Object selectorKey() {
        return selectorKey;
    }

    /** The soft-delete style of a {@link #readDeleted} rule, if this is one. */
    public java.util.Optional<SoftDeleteStyle> softDeleteStyle() {
        return java.util.Optional.ofNullable(style);
    }

    /** True for a scope declared with {@link #allowNone()}. */
    public boolean allowsNone() {
        return allowNone;
    }

    @Override
    public String toString() {
        return "CriteriaRule{" + name + " on " + declaredOn.getSimpleName() + ", " + conditions.size() + " variants}";
    }

    /** Selector keys of the built-in rules. */
    private static final class SelectorKeys {
        static final Object READ_DELETED = "read_deleted";

        static Object scope(String key) {
            return "scope:" + key;
        }
    }

    /** Builds a custom {@link CriteriaRule}; the first matching {@code when} wins, else {@code otherwise}. */
    public static final class Builder {
        private final Class<?> type;
        private String name;
        private final List<Predicate<CriteriaContext>> guards = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(Class<?> type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** A name for messages and logs (default: the declaring type's simple name). */
        public Builder named(String ruleName) {
            this.name = ruleName;
            return this;
        }

        /**
         * A variant: when {@code guard} holds for the session's context, rows must satisfy {@code condition}. Guards
         * must depend on the context only (they are evaluated once per context, not per query).
         */
        public Builder when(Predicate<CriteriaContext> guard, Condition condition) {
            guards.add(Objects.requireNonNull(guard, "guard"));
            conditions.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /** The last variant, for contexts no {@code when} matched; builds the rule. */
        public CriteriaRule otherwise(Condition condition) {
            List<Predicate<CriteriaContext>> g = List.copyOf(guards);
            List<Condition> c = new ArrayList<>(conditions);
            c.add(Objects.requireNonNull(condition, "condition"));
            VariantChooser chooser = ctx -> {
                for (int i = 0; i < g.size(); i++) {
                    if (g.get(i).test(ctx)) {
                        return i;
                    }
                }
                return g.size();
            };
            return new CriteriaRule(name == null ? type.getSimpleName() : name, type, null,
                    List.copyOf(c), chooser, false, null, null);
        }
    }
}

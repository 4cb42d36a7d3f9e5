package dev.kiln.softdelete;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Programmatic soft-delete and criteria configuration of one SessionFactory, for models that cannot (or should not)
 * carry Kiln's annotations. Pass it as the setting {@link SoftDeleteSettings#CONFIGURATION}. Immutable.
 *
 * <pre>{@code
 * SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
 *         .softDelete(NovaBase.class, SoftDeleteStyle.nova())        // every Nova entity
 *         .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone())
 *         .rule(CriteriaRule.projectScope(Instance.class, "project_id"))
 *         .cascade(Instance.class, "fixedIps")
 *         .build();
 * settings.put(SoftDeleteSettings.CONFIGURATION, config);
 * }</pre>
 *
 * Rules from this configuration and from annotations ({@link SoftDeletable}, {@link ContextScope}) are combined; one
 * entity may have at most one soft-delete style.
 */
public final class SoftDeleteConfiguration {
    private static final SoftDeleteConfiguration EMPTY = builder().build();

    private final List<CriteriaRule> rules;
    private final Map<Class<?>, Set<String>> cascades;
    private final CriteriaContext defaultContext;
    private final boolean protectForeignKeys;
    private final boolean exactSql;
    private final Clock clock;

    private SoftDeleteConfiguration(Builder b) {
        this.rules = List.copyOf(b.rules);
        Map<Class<?>, Set<String>> c = new LinkedHashMap<>();
        b.cascades.forEach((k, v) -> c.put(k, Set.copyOf(v)));
        this.cascades = Map.copyOf(c);
        this.defaultContext = b.defaultContext;
        this.protectForeignKeys = b.protectForeignKeys;
        this.exactSql = b.exactSql;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No programmatic rules: annotations only, defaults for everything else. */
    public static SoftDeleteConfiguration empty() {
        return EMPTY;
    }

    public List<CriteriaRule> rules() {
        return rules;
    }

    /** Declared cascades: owner class (or superclass) to association attribute names. */
    public Map<Class<?>, Set<String>> cascades() {
        return cascades;
    }

    /** The context of sessions no context was set on. */
    public CriteriaContext defaultContext() {
        return defaultContext;
    }

    /**
     * Whether entities with a to-one association to a criteria entity update only their changed columns, so that a
     * reference hidden by the criteria (read as null) is never written back as a null foreign key. Default true.
     */
    public boolean protectForeignKeys() {
        return protectForeignKeys;
    }

    /**
     * Whether HQL and criteria queries get SQL specific to the session's context (default true): {@code deleted = 0}
     * for read_deleted NO, nothing for YES, {@code project_id = ?} only for user contexts. Hibernate then caches one
     * plan per query and context shape. When false, every query carries all variants, selected by parameters
     * ({@code (?=1 and deleted=0 or ?=1 or ...)}): one plan per query, but predicates indexes cannot use.
     */
    public boolean exactSql() {
        return exactSql;
    }

    /** The clock deletion timestamps are taken from (default: UTC system clock). */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "SoftDeleteConfiguration{rules=" + rules + ", cascades=" + cascades + ", defaultContext="
                + defaultContext + ", protectForeignKeys=" + protectForeignKeys + ", exactSql=" + exactSql + "}";
    }

    /** Builds a {@link SoftDeleteConfiguration}. */
    public static final class Builder {
        private final List<CriteriaRule> rules = new ArrayList<>();
        private final Map<Class<?>, Set<String>> cascades = new LinkedHashMap<>();
        private CriteriaContext defaultContext = CriteriaContext.DEFAULT;
        private boolean protectForeignKeys = true;
        private boolean exactSql = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Adds a criteria rule. */
        public Builder rule(CriteriaRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Soft delete for {@code type} (an entity or mapped superclass): {@code rule(CriteriaRule.readDeleted(type, style))}. */
        public Builder softDelete(Class<?> type, SoftDeleteStyle style) {
            return rule(CriteriaRule.readDeleted(type, style));
        }

        /** {@link SoftDelete#softDelete} of an {@code owner} also soft-deletes the targets of {@code attribute}. */
        public Builder cascade(Class<?> owner, String attribute) {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(attribute, "attribute");
            cascades.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(attribute);
            return this;
        }

        /** The context of sessions no context was set on (default {@link CriteriaContext#DEFAULT}). */
        public Builder defaultContext(CriteriaContext context) {
            this.defaultContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** See {@link SoftDeleteConfiguration#protectForeignKeys()}; turn off only if you know no flush can see a hidden reference. */
        public Builder protectForeignKeys(boolean protect) {
            this.protectForeignKeys = protect;
            return this;
        }

        /** See {@link SoftDeleteConfiguration#exactSql()}. */
        public Builder exactSql(boolean exact) {
            this.exactSql = exact;
            return this;
        }

        public Builder clock(Clock deletionClock) {
            this.clock = Objects.requireNonNull(deletionClock, "clock");
            return this;
        }

        public SoftDeleteConfiguration build() {
            return new SoftDeleteConfiguration(this);
        }
    }
}

package dev.kiln.softdelete;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The values criteria rules are evaluated with, per session: the {@link ReadDeleted} mode, named context values such
 * as the caller's project, and whether the caller is an administrator (context-value scoping off), as Nova's
 * {@code RequestContext}. Immutable and thread-safe; build one per request and set it on the session.
 *
 * <pre>{@code
 * CriteriaContext user = CriteriaContext.builder().value(CriteriaContext.PROJECT, "p-42").build();
 * CriteriaContext admin = CriteriaContext.builder().admin().readDeleted(ReadDeleted.YES).build();
 * SoftDelete.setContext(session, user);
 * }</pre>
 *
 * <p>Without a value for a scope's key and without {@link Builder#admin()}, a query touching an entity scoped by that
 * key fails with an {@link IllegalStateException} (it never silently returns other projects' rows).
 */
public final class CriteriaContext {
    /** The conventional key of the project value, used by {@link CriteriaRule#projectScope(Class, String)}. */
    public static final String PROJECT = "project";

    /**
     * Read-deleted {@link ReadDeleted#NO}, no values, not admin: the default of
     * {@link SoftDeleteConfiguration#defaultContext()}, which sessions without a context of their own use.
     */
    public static final CriteriaContext DEFAULT = new Builder().build();

    private final ReadDeleted readDeleted;
    private final boolean admin;
    private final Map<String, Object> values;

    private CriteriaContext(Builder b) {
        this.readDeleted = b.readDeleted;
        this.admin = b.admin;
        this.values = Collections.unmodifiableMap(new TreeMap<>(b.values));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A user context scoped to one project, read_deleted NO. */
    public static CriteriaContext project(String projectId) {
        return builder().value(PROJECT, projectId).build();
    }

    /** An administrator context (no context-value scoping), read_deleted NO. */
    public static CriteriaContext admin() {
        return builder().admin().build();
    }

    public ReadDeleted readDeleted() {
        return readDeleted;
    }

    /** True if context-value scopes (such as the project) do not restrict this context. */
    public boolean isAdmin() {
        return admin;
    }

    /** The value named {@code key}, if set. */
    public Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value named {@code key}, or {@code null}. */
    public Object valueOrNull(String key) {
        return values.get(key);
    }

    public boolean hasValue(String key) {
        return values.containsKey(key);
    }

    /** All values, by key (unmodifiable). */
    public Map<String, Object> values() {
        return values;
    }

    /** This context with another read_deleted mode. */
    public CriteriaContext withReadDeleted(ReadDeleted mode) {
        return mode == readDeleted ? this : toBuilder().readDeleted(mode).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder().readDeleted(readDeleted);
        b.admin = admin;
        b.values.putAll(values);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CriteriaContext c && c.readDeleted == readDeleted && c.admin == admin && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(readDeleted, admin, values);
    }

    @Override
    public String toString() {
        return "CriteriaContext{readDeleted=" + readDeleted + (admin ? ", admin" : "") + ", values=" + values + "}";
    }

    /** Builds a {@link CriteriaContext}; defaults: read_deleted NO, not admin, no values. */
    public static final class Builder {
        private ReadDeleted readDeleted = ReadDeleted.NO;
        private boolean admin;
        private final Map<String, Object> values = new TreeMap<>();

        private Builder() {
        }

        public Builder readDeleted(ReadDeleted mode) {
            this.readDeleted = Objects.requireNonNull(mode, "readDeleted");
            return this;
        }

        /** Context-value scopes do not apply (Nova's admin context). Values may still be set for custom rules. */
        public Builder admin() {
            this.admin = true;
            return this;
        }

        /**
         * Sets a named value, e.g. {@code value("project", "p-42")}. Must not be null: rows whose column is null are
         * reached with a scope's {@code allowNone} option, not with a null value.
         */
        public Builder value(String key, Object value) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                throw new IllegalArgumentException("Context value '" + key + "' must not be null; to see rows whose "
                        + "column is null as well, declare the scope with allowNone");
            }
            values.put(key, value);
            return this;
        }

        public CriteriaContext build() {
            return new CriteriaContext(this);
        }
    }
}

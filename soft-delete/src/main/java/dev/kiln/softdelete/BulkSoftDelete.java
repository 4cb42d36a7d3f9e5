package dev.kiln.softdelete;

import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Soft delete or restore of every row of an entity matching an HQL condition, in one UPDATE statement. The session's
 * criteria apply as to any HQL mutation: a user context only reaches its project's rows. Rows already in the target
 * state are left alone (their {@code deleted_at} is not overwritten).
 *
 * <pre>{@code
 * int n = SoftDelete.bulk(session, FloatingIp.class)
 *         .where("host = :host")
 *         .setParameter("host", "compute-7")
 *         .softDelete();        // update floating_ips set deleted = id, deleted_at = ? where deleted = 0 and (host = ?) ...
 * }</pre>
 *
 * Like every HQL mutation, it bypasses the persistence context (managed entities are not updated) and does not
 * cascade; use {@link SoftDelete#softDelete} for declared cascades.
 */
public final class BulkSoftDelete {
    private final SharedSessionContractImplementor session;
    private final SoftDeleteRuntime runtime;
    private final Class<?> entityType;
    private String where;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    BulkSoftDelete(SharedSessionContractImplementor session, SoftDeleteRuntime runtime, Class<?> entityType) {
        this.session = session;
        this.runtime = runtime;
        this.entityType = Objects.requireNonNull(entityType, "entityType");
    }

    /** An HQL condition on the entity's attributes, unqualified (e.g. {@code "host = :host"}); none means all rows. */
    public BulkSoftDelete where(String hqlCondition) {
        this.where = hqlCondition;
        return this;
    }

    public BulkSoftDelete setParameter(String name, Object value) {
        if (name.startsWith("kiln")) {
            throw new IllegalArgumentException("Parameter names starting with 'kiln' are reserved: " + name);
        }
        parameters.put(name, value);
        return this;
    }

    /** Soft-deletes the matching live rows; returns how many. */
    public int softDelete() {
        return runtime.operations().bulkSoftDelete(session, entityType, where, parameters);
    }

    /** Restores the matching deleted rows (read_deleted ONLY for this statement); returns how many. */
    public int restore() {
        return runtime.operations().bulkRestore(session, entityType, where, parameters);
    }
}

package dev.kiln.softdelete;

import dev.kiln.softdelete.internal.EntityCriteria;
import dev.kiln.softdelete.internal.NativeCriteriaRenderer;
import dev.kiln.softdelete.internal.Sessions;
import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.function.Supplier;

/**
 * The entry point of Kiln soft delete: the criteria context of a session, and the soft-delete operations.
 *
 * <pre>{@code
 * try (Session session = sessionFactory.openSession()) {
 *     SoftDelete.setContext(session, CriteriaContext.project("p-42"));      // read_deleted NO, project p-42
 *     FloatingIp ip = session.createSelectionQuery("from FloatingIp where address = :a", FloatingIp.class)
 *             .setParameter("a", "203.0.113.9").getSingleResult();           // ... and deleted = 0 and (project_id = ? or project_id is null)
 *     session.getTransaction().begin();
 *     SoftDelete.softDelete(session, ip);                                    // deleted = id, deleted_at = now on flush
 *     session.getTransaction().commit();
 * }
 * }</pre>
 *
 * <h2>Integrating a transaction facade or framework</h2>
 * A facade that opens sessions calls {@link #setContext} right after opening each one (before the first query), with
 * the context of the request it serves; {@link #withContext} changes it for a block. The context is per session and
 * is forgotten when the session closes. A session without a context uses the SessionFactory's
 * {@linkplain SoftDeleteConfiguration#defaultContext() default context}.
 *
 * <h2>Caching translated queries</h2>
 * {@link #shapeKey} identifies the SQL the session's criteria produce; caches of translated SQL must include it.
 */
public final class SoftDelete {
    private SoftDelete() {
    }

    /**
     * Sets the criteria context of a session (a {@code Session}, {@code StatelessSession} or {@code EntityManager}
     * unwrapped to a {@code Session}). Affects statements translated and executed afterwards.
     *
     * <p>Entities already managed by the session stay managed: {@code find} of such an entity returns it without a
     * query, whatever the new context. Set the context before loading, or clear the session when narrowing it.
     */
    public static void setContext(SharedSessionContract session, CriteriaContext context) {
        SharedSessionContractImplementor s = Sessions.implementor(session);
        runtime(s).setContext(s, context);
    }

    /** The session's context: the one set on it, or the SessionFactory's default. */
    public static CriteriaContext context(SharedSessionContract session) {
        SharedSessionContractImplementor s = Sessions.implementor(session);
        return runtime(s).criteriaOf(s).context();
    }

    /** Runs {@code work} with {@code context} on the session, then puts back the previous context. */
    public static <T> T withContext(SharedSessionContract session, CriteriaContext context, Supplier<T> work) {
        SharedSessionContractImplementor s = Sessions.implementor(session);
        return runtime(s).withContext(s, context, work);
    }

    /** {@link #withContext(SharedSessionContract, CriteriaContext, Supplier)} for work without a result. */
    public static void withContext(SharedSessionContract session, CriteriaContext context, Runnable work) {
        withContext(session, context, () -> {
            work.run();
            return null;
        });
    }

    /**
     * The shape of the SQL the session's criteria produce. Two sessions of one SessionFactory with equal shape keys get
     * identical SQL text from the same query; include the key in any cache of translated SQL shared by sessions.
     */
    public static CriteriaShape shapeKey(SharedSessionContract session) {
        SharedSessionContractImplementor s = Sessions.implementor(session);
        return runtime(s).criteriaOf(s).shape();
    }

    /**
     * Soft-deletes a managed entity in the style of its mapping (Nova: {@code deleted = id, deleted_at = now}), and,
     * recursively, the children of its {@linkplain SoftDeleteCascade declared cascades} that the session can see. The
     * change is written by the next flush, through Hibernate's dirty checking.
     *
     * @return false if the entity was already deleted
     * @throws IllegalArgumentException if the entity is not soft-deletable or not managed by the session
     */
    public static boolean softDelete(Session session, Object entity) {
        SharedSessionContractImplementor s = Sessions.implementor(session);
        return runtime(s).operations().softDelete(Sessions.implementor(session), entity);
    }

    /**
     * Makes a managed, soft-deleted entity live again (Nova: {@code deleted = 0, deleted_at = null}). Load it with a
     * context of read_deleted YES or ONLY. Does not cascade.
     *
     * @return false if the entity was live
     */
    public static boolean restore(Session session, Object entity) {
        SharedSessionContractImplementor s = Sessions.implementor(session);
        return runtime(s).operations().restore(Sessions.implementor(session), entity);
    }

    /** Bulk soft delete or restore of an entity's rows matching an HQL condition. */
    public static BulkSoftDelete bulk(SharedSessionContract session, Class<?> entityType) {
        SharedSessionContractImplementor s = Sessions.implementor(session);
        return new BulkSoftDelete(s, runtime(s), entityType);
    }

    /**
     * The entity's criteria for the session's current context as a native SQL fragment on table alias {@code alias}
     * (null or blank for unqualified columns). Kiln cannot see into native SQL; use this to apply the same criteria.
     */
    public static NativeCriteria nativeCriteria(SharedSessionContract session, Class<?> entityType, String alias) {
        SharedSessionContractImplementor s = Sessions.implementor(session);
        SoftDeleteRuntime runtime = runtime(s);
        String entityName = s.getFactory().getMappingMetamodel().getEntityDescriptor(entityType).getEntityName();
        EntityCriteria criteria = runtime.criteriaFor(entityName);
        if (criteria == null) {
            return new NativeCriteria("1=1", java.util.List.of());
        }
        NativeCriteriaRenderer.Rendered r = NativeCriteriaRenderer.render(criteria, runtime.criteriaOf(s), alias);
        return new NativeCriteria(r.sql(), r.values());
    }

    private static SoftDeleteRuntime runtime(SharedSessionContractImplementor session) {
        return SoftDeleteRuntime.of(session.getFactory());
    }
}

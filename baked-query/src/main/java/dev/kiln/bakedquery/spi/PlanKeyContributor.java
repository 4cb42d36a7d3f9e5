package dev.kiln.bakedquery.spi;

import org.hibernate.SharedSessionContract;

/**
 * Adds a session-dependent value to the key of a baked query's cached plan, for extensions that change the SQL a
 * query translates to per session. Kiln's soft-delete module is supported out of the box (its
 * {@code SoftDelete.shapeKey(session)} joins the key whenever kiln-soft-delete is on the class path and active on the
 * SessionFactory); others are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.kiln.bakedquery.spi.PlanKeyContributor}).
 *
 * <pre>{@code
 * public final class TenantShape implements PlanKeyContributor {
 *     public boolean appliesTo(SharedSessionContract session) { return TenantSql.isActive(session.getFactory()); }
 *     public Object keyPart(SharedSessionContract session) { return TenantSql.shapeOf(session); }
 * }
 * }</pre>
 *
 * Two sessions whose key parts are equal must get identical SQL from the same query; values that only change what is
 * bound (not the SQL text) should not be key parts.
 */
public interface PlanKeyContributor {
    /**
     * Whether this contributor has a say for queries of the session's SessionFactory; asked once per baked statement
     * (chain of call sites and SessionFactory), with the session that bakes it.
     */
    boolean appliesTo(SharedSessionContract session);

    /** This session's part of the plan key; must implement {@code equals}/{@code hashCode}; may be null. */
    Object keyPart(SharedSessionContract session);
}

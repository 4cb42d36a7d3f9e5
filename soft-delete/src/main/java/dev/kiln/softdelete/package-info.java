/**
 * Kiln soft delete: deleted-row and context criteria applied to every FROM clause an entity appears in (query roots,
 * joins, subqueries, set operations, fetches, collection and to-one loads, {@code find}, bulk HQL), with Nova's
 * read_deleted modes, while Hibernate's query plan cache stays on.
 *
 * <pre>{@code
 * SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
 *         .softDelete(NovaBase.class, SoftDeleteStyle.nova())
 *         .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone())
 *         .build();
 * // settings.put(SoftDeleteSettings.CONFIGURATION, config) when building the SessionFactory, then per session:
 * SoftDelete.setContext(session, CriteriaContext.project("p-42"));
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.kiln.softdelete.SoftDelete}: per-session context, shape key, soft delete, restore, bulk, native SQL;</li>
 *   <li>{@link dev.kiln.softdelete.CriteriaContext}, {@link dev.kiln.softdelete.ReadDeleted}: what a session sees;</li>
 *   <li>{@link dev.kiln.softdelete.CriteriaRule}, {@link dev.kiln.softdelete.Condition}: the rule language;</li>
 *   <li>{@link dev.kiln.softdelete.SoftDeletable}, {@link dev.kiln.softdelete.ContextScope},
 *       {@link dev.kiln.softdelete.SoftDeleteCascade}, {@link dev.kiln.softdelete.SoftDeleteMixin}: mapping opt-in;</li>
 *   <li>{@link dev.kiln.softdelete.SoftDeleteConfiguration}, {@link dev.kiln.softdelete.SoftDeleteSettings}:
 *       registration for models without annotations.</li>
 * </ul>
 */
package dev.kiln.softdelete;

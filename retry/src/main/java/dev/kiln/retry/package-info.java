/**
 * Kiln retry: database errors rewritten into precise, stable exceptions (issue 3); the transaction facade
 * ({@link dev.kiln.retry.facade}) with retry policies ({@link dev.kiln.retry.policy}) and annotations (issue 4), and
 * transaction replay (issue 5) build on them.
 *
 * <p>Every Kiln database exception implements {@link dev.kiln.retry.DbError} and extends the Hibernate exception
 * Hibernate itself would throw for the same error, so existing {@code catch} blocks and Spring's translation keep
 * working. With {@code kiln-retry} on the class path every SessionFactory rewrites its errors; JDBC and Jdbi code
 * uses {@link dev.kiln.retry.DbErrors#translate(java.sql.SQLException, dev.kiln.retry.DbBackend)}.
 * <pre>{@code
 * try {
 *     sf.inTransaction(s -> s.persist(new FloatingIp("10.0.0.1")));
 * } catch (DbDuplicateEntryException e) {
 *     // e.getTable(), e.getConstraintName(), e.getColumns(), e.getValues()
 * }
 * }</pre>
 */
package dev.kiln.retry;

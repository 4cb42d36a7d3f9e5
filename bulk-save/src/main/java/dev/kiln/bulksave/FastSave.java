package dev.kiln.bulksave;

import dev.kiln.bulksave.internal.hibernate.SingleEntityFlush;
import org.hibernate.Session;

/**
 * Writes one entity now, without flushing the session: an INSERT if the entity is new, an UPDATE of its dirty columns
 * if it is managed and changed, nothing if it is managed and unchanged. Unlike {@code session.flush()}, it does not
 * dirty-check the other entities of the session, so its cost does not grow with the size of the persistence context.
 *
 * <pre>{@code
 * try (Session session = sessionFactory.openSession()) {
 *     session.beginTransaction();
 *     FloatingIp ip = session.find(FloatingIp.class, id);
 *     ip.setHost("198_51_7_9.host.com");
 *     FastSave.save(session, ip);          // UPDATE floating_ips SET host=?, updated_at=? WHERE id=?
 *     session.getTransaction().commit();
 * }
 * }</pre>
 *
 * <h2>What it keeps consistent</h2>
 * A new entity goes through Hibernate's own persist event (with {@code @PrePersist}, id generation and cascades) and
 * insert action. A managed entity of a common mapping (one table, basic/embedded/to-one attributes, no collections)
 * is written directly, doing for that one entity what a flush does: dirty check against the entry's snapshot,
 * {@code @PreUpdate}, version increment, nullability check, {@code PreUpdateEventListener}s (which may veto),
 * {@code @UpdateTimestamp}, one {@code UPDATE} of the dirty columns ({@code WHERE id = ? AND version = ?}, a stale
 * version failing with {@code OptimisticLockException}) executed through the session's JDBC coordinator, the
 * second-level cache item soft-locked and updated as Hibernate's update action does, the entry's snapshot and version
 * brought up to date, then {@code PostUpdateEventListener}s and {@code @PostUpdate}. Other mappings and sessions with
 * an {@code Interceptor} take Hibernate's flush-entity listener and update action for that one entity (see
 * {@code internal.hibernate.DirectUpdate} for the list). After {@code save}, a {@code flush()} does not write the
 * entity again.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Actions the session had already queued (for example inserts of entities persisted earlier without a flush)
 *       are executed first: the entity may reference them.</li>
 *   <li>Changes to collections owned by the entity are written by the next {@code flush()}, not by {@code save}.</li>
 *   <li>Session-wide flush callbacks ({@code Interceptor.preFlush/postFlush}, flush events) are not fired: no flush
 *       happens.</li>
 *   <li>The direct UPDATE writes only the dirty columns (like {@code @DynamicUpdate}), where Hibernate's static UPDATE
 *       writes every column.</li>
 * </ul>
 */
public final class FastSave {
    private FastSave() {
    }

    /**
     * Inserts {@code entity} if it is new, updates its dirty columns if it is managed, does nothing if it is managed
     * and unchanged or read-only.
     *
     * @return true if a statement was executed for the entity
     * @throws IllegalArgumentException if the entity is null or was removed from the session
     * @throws jakarta.persistence.EntityExistsException if the entity is detached (use {@code merge})
     */
    public static boolean save(Session session, Object entity) {
        return SingleEntityFlush.save(session, entity) != SingleEntityFlush.Outcome.UNCHANGED;
    }
}

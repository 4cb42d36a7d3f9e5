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
 * It runs Hibernate's own code for that one entity: the persist event (with {@code @PrePersist}, id generation and
 * cascades) for a new entity, the flush-entity event (dirty check, {@code Interceptor.onFlushDirty},
 * {@code @PreUpdate}, {@code @UpdateTimestamp}, version increment, nullability check) for a managed one, then the
 * insert or update action, which fires the pre/post insert/update listeners, updates the entity entry's snapshot and
 * version, and writes the second-level cache. After {@code save}, a {@code flush()} does not write the entity again.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Actions the session had already queued (for example inserts of entities persisted earlier without a flush)
 *       are executed first: the entity may reference them.</li>
 *   <li>Changes to collections owned by the entity are written by the next {@code flush()}, not by {@code save}.</li>
 *   <li>Session-wide flush callbacks ({@code Interceptor.preFlush/postFlush}, flush events) are not fired: no flush
 *       happens.</li>
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

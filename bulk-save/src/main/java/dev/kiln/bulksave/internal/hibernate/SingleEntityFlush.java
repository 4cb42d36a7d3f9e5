package dev.kiln.bulksave.internal.hibernate;

import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.ActionQueue;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.CollectionType;
import org.hibernate.type.Type;

/**
 * Adapter over Hibernate's flush machinery ({@code ActionQueue}, {@code PersistenceContext}, the
 * {@code FLUSH_ENTITY} listener group): writes one entity the way a flush would, without visiting the other entities
 * of the persistence context.
 *
 * <ul>
 *   <li><b>New</b> entity: {@code session.persist(entity)} (persist listeners, {@code @PrePersist}, id generation,
 *       cascades), then the queued insert actions are executed: {@code EntityInsertAction} writes the row, fires
 *       pre/post-insert listeners, makes the entry MANAGED and puts the entity in the second-level cache.</li>
 *   <li><b>Managed</b> entity of a mapping {@link DirectUpdate} handles: the queued actions run first, then
 *       {@code DirectUpdate} writes the dirty columns itself (same steps, far less machinery).</li>
 *   <li>Other <b>managed</b> entities: the configured {@code FlushEntityEventListener}s run for this one entry (dirty check,
 *       interceptor {@code onFlushDirty}, {@code @PreUpdate}, {@code @UpdateTimestamp}, version increment, nullability
 *       check), which schedules an {@code EntityUpdateAction} only when something changed; executing it writes the
 *       dirty columns, updates the entry's loaded state and version, fires post-update listeners and updates the
 *       second-level cache.</li>
 * </ul>
 * Actions already queued by earlier operations of the session (for example inserts of entities persisted before,
 * which the row may reference) are executed first, in Hibernate's order; no other entity is dirty-checked.
 */
public final class SingleEntityFlush {
    private SingleEntityFlush() {
    }

    /** What {@link #save} did. */
    public enum Outcome {
        INSERTED, UPDATED, UNCHANGED
    }

    /**
     * Writes one entity now. Failures are converted like {@code session.flush()} converts them (for example a stale
     * version becomes an {@code OptimisticLockException}).
     */
    public static Outcome save(Session session, Object entity) {
        if (entity == null) {
            throw new IllegalArgumentException("entity is null");
        }
        EventSource source = session.unwrap(EventSource.class);
        try {
            return write(session, source, entity);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw source.getExceptionConverter().convert(e);
        }
    }

    private static Outcome write(Session session, EventSource source, Object entity) {
        Object instance = Hibernate.unproxy(entity);
        PersistenceContext context = source.getPersistenceContextInternal();
        EntityEntry entry = context.getEntry(instance);
        ActionQueue actions = source.getActionQueue();
        if (entry == null) {
            session.persist(instance);        // IDENTITY ids are inserted right here by Hibernate itself
            executeQueuedActions(source);
            return Outcome.INSERTED;
        }
        if (entry.getStatus() == Status.READ_ONLY) {
            return Outcome.UNCHANGED;
        }
        if (entry.getStatus() != Status.MANAGED) {
            throw new IllegalArgumentException("Cannot save " + entry.getPersister().getEntityName() + " with id "
                    + entry.getId() + ": its state in the session is " + entry.getStatus());
        }
        executeQueuedActions(source);         // the row may reference entities persisted earlier
        switch (DirectUpdate.tryUpdate(source, entry, instance)) {
            case UPDATED:
                return Outcome.UPDATED;
            case UNCHANGED:
            case VETOED:
                return Outcome.UNCHANGED;
            default:
                break;                        // Hibernate's own listener and action below
        }
        resetCollectionFlushState(source, entry.getPersister(), instance, context);
        int updatesBefore = actions.numberOfUpdates();
        FlushEntityEvent event = new FlushEntityEvent(source, instance, entry);
        source.getFactory().getEventListenerGroups().eventListenerGroup_FLUSH_ENTITY
                .fireEventOnEachListener(event, FlushEntityEventListener::onFlushEntity);
        boolean scheduled = actions.numberOfUpdates() > updatesBefore;
        executeQueuedActions(source);
        return scheduled ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    /**
     * Executes the actions the session has queued (and only those), as the execution phase of a flush does. Costs
     * nothing when the queue is empty.
     */
    public static void executeQueuedActions(EventSource source) {
        ActionQueue actions = source.getActionQueue();
        if (!actions.hasAnyQueuedActions()) {
            return;
        }
        PersistenceContext context = source.getPersistenceContextInternal();
        var jdbc = source.getJdbcCoordinator();
        try {
            jdbc.flushBeginning();
            context.setFlushing(true);
            actions.prepareActions();
            actions.executeActions();
        } finally {
            context.setFlushing(false);
            jdbc.flushEnding();
        }
    }

    /**
     * Collections of the entity are visited by the flush listener, which marks them "reached"; a full flush resets that
     * mark for every collection before it starts. Reset it here for this entity's collections only, so that saving the
     * same entity twice does not look like two owners sharing one collection.
     */
    private static void resetCollectionFlushState(EventSource source, EntityPersister persister, Object entity,
                                                  PersistenceContext context) {
        if (!persister.hasCollections()) {
            return;
        }
        Type[] types = persister.getPropertyTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] instanceof CollectionType) {
                Object value = persister.getValue(entity, i);
                if (value instanceof PersistentCollection<?> collection) {
                    CollectionEntry ce = context.getCollectionEntry(collection);
                    if (ce != null) {
                        ce.preFlush(collection);
                    }
                }
            }
        }
    }
}

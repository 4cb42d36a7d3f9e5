package dev.kiln.bulksave;

import dev.kiln.bulksave.internal.BulkOperation;
import dev.kiln.bulksave.internal.BulkOperation.Mode;
import dev.kiln.bulksave.internal.hibernate.SessionBridge;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

import java.util.Collection;

/**
 * Inserts and updates many entities with few statements: rows are grouped by entity type and statement shape, inserts
 * are sent as multi-row {@code INSERT ... VALUES (...),(...)} (MySQL/MariaDB, PostgreSQL, H2) or JDBC batches, updates
 * set only changed columns and are batched (or, on MySQL/MariaDB, joined into one statement per chunk). Generated ids
 * are written back: sequence ids come from the entity's own Hibernate generator (pooled), IDENTITY ids from
 * {@code getGeneratedKeys}.
 *
 * <pre>{@code
 * List<FloatingIp> ips = ...;                         // 10,000 new FloatingIps
 * try (StatelessSession session = sessionFactory.openStatelessSession()) {
 *     session.beginTransaction();
 *     BulkSave.insert(session, ips);                   // ids are set on the objects
 *     ips.forEach(ip -> ip.setPool("fake_pool"));
 *     BulkSave.update(session, ips);
 *     session.getTransaction().commit();
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Validation first.</b> Unsupported mappings (owned collections, composite ids, database-generated
 *       attributes...), nulls in NOT NULL columns, references to unsaved entities and rows that cannot be inserted or
 *       updated as asked are reported as a {@link BulkSaveException} naming the entity, row and attribute before any
 *       statement is sent.</li>
 *   <li><b>All or nothing.</b> The statements run inside a savepoint (or their own transaction when the connection is
 *       in auto-commit). If one fails, the call's changes are rolled back, the objects get back the ids, versions and
 *       timestamps the call had set, the transaction stays usable, and the error (rewritten by {@code kiln-retry} when
 *       present) names the entity and the failing row.</li>
 *   <li><b>Session consistency.</b> With a {@code Session}, queued actions are executed first; managed entities are
 *       updated from their snapshot (changed columns only) and their snapshot and version are brought up to date, so a
 *       later flush does not write them again. Inserted objects are not attached to the session (as with SQLAlchemy's
 *       bulk methods). No entity events or listeners fire, except the in-memory generators ({@code @CreationTimestamp},
 *       {@code @UpdateTimestamp}) and versioning.</li>
 *   <li><b>Caches</b> (both session kinds): the written tables are invalidated in the query result cache when the
 *       transaction completes; updated rows are soft-locked in the second-level cache until then and removed, as
 *       Hibernate does for its own updates.</li>
 *   <li>Versioned updates check the version ({@code WHERE id = ? AND version = ?}) and fail with a
 *       {@code StaleObjectStateException} naming the row.</li>
 * </ul>
 * Thread safety: like the session it is given, a call must not be shared between threads.
 */
public final class BulkSave {
    private BulkSave() {
    }

    /** Inserts every object (each must be new) with the {@linkplain BulkOptions#defaults() default options}. */
    public static int insert(Session session, Collection<?> objects) {
        return insert(session, objects, BulkOptions.defaults());
    }

    /** Inserts every object (each must be new). Returns the number of rows inserted. */
    public static int insert(Session session, Collection<?> objects, BulkOptions options) {
        return BulkOperation.run(SessionBridge.implementor(session), objects, Mode.INSERT, options);
    }

    /** Inserts every object (each must be new) with the default options. */
    public static int insert(StatelessSession session, Collection<?> objects) {
        return insert(session, objects, BulkOptions.defaults());
    }

    /** Inserts every object (each must be new). Returns the number of rows inserted. */
    public static int insert(StatelessSession session, Collection<?> objects, BulkOptions options) {
        return BulkOperation.run(SessionBridge.implementor(session), objects, Mode.INSERT, options);
    }

    /** Updates every object (each must have an id) with the default options. */
    public static int update(Session session, Collection<?> objects) {
        return update(session, objects, BulkOptions.defaults());
    }

    /**
     * Updates every object (each must have an id). Managed entities without changes are skipped. Returns the number
     * of rows updated.
     */
    public static int update(Session session, Collection<?> objects, BulkOptions options) {
        return BulkOperation.run(SessionBridge.implementor(session), objects, Mode.UPDATE, options);
    }

    /** Updates every object (each must have an id), all updatable columns, with the default options. */
    public static int update(StatelessSession session, Collection<?> objects) {
        return update(session, objects, BulkOptions.defaults());
    }

    /** Updates every object (each must have an id), all updatable columns. Returns the number of rows updated. */
    public static int update(StatelessSession session, Collection<?> objects, BulkOptions options) {
        return BulkOperation.run(SessionBridge.implementor(session), objects, Mode.UPDATE, options);
    }

    /**
     * Inserts the new objects and updates the others, with the default options. An object is new if the session
     * does not manage it and its id is null (or, for versioned entities, its version is null).
     */
    public static int save(Session session, Collection<?> objects) {
        return save(session, objects, BulkOptions.defaults());
    }

    /** Inserts the new objects and updates the others; see {@link #save(Session, Collection)}. */
    public static int save(Session session, Collection<?> objects, BulkOptions options) {
        return BulkOperation.run(SessionBridge.implementor(session), objects, Mode.SAVE, options);
    }

    /** Inserts the new objects (null id or version) and updates the others, with the default options. */
    public static int save(StatelessSession session, Collection<?> objects) {
        return save(session, objects, BulkOptions.defaults());
    }

    /** Inserts the new objects (null id or version) and updates the others. */
    public static int save(StatelessSession session, Collection<?> objects, BulkOptions options) {
        return BulkOperation.run(SessionBridge.implementor(session), objects, Mode.SAVE, options);
    }
}

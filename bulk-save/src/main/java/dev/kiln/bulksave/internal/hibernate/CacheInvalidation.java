package dev.kiln.bulksave.internal.hibernate;

import dev.kiln.bulksave.internal.EntityPlan;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.SoftLock;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adapter over Hibernate's second-level cache and query cache SPI ({@code EntityDataAccess} soft locks, the
 * {@code TimestampsCache} of query spaces, transaction completion callbacks) for rows written by a bulk call with its
 * own JDBC statements, which Hibernate's action queue never sees.
 *
 * <p>It does for them what Hibernate does for its own writes:
 * <ul>
 *   <li><b>Query cache</b>: the tables of every written entity are pre-invalidated before the statements run and
 *       invalidated when the transaction completes, as the action queue does for its actions (and
 *       {@code BulkOperationCleanupAction} for bulk HQL); without it a cacheable query cached before the call would
 *       keep serving the old rows.</li>
 *   <li><b>Entity cache</b>: each updated row's entry is soft-locked before the statements run, removed after, and
 *       unlocked when the transaction completes, as {@code StatelessSession.update} does; the lock keeps sessions that
 *       read the old row before the commit from putting it back into the cache.</li>
 * </ul>
 * Outside a transaction (auto-commit) everything completes right after the statements. One instance per bulk call;
 * not thread-safe. The static {@link #beforeWrite} / {@link #afterWrite} do the query-cache part for a single write
 * ({@code DirectUpdate}, which soft-locks its entity cache item as Hibernate's update action does).
 */
public final class CacheInvalidation {
    private final SharedSessionContractImplementor session;
    private final SessionFactoryImplementor factory;
    private final boolean queryCache;
    private final Set<String> spaces = new LinkedHashSet<>();
    private List<Locked> locked = List.of();
    private EntityPlan lastPlan;
    private boolean deferred;

    private record Locked(EntityDataAccess access, Object key, SoftLock lock) {
    }

    private CacheInvalidation(SharedSessionContractImplementor session) {
        this.session = session;
        this.factory = session.getFactory();
        this.queryCache = factory.getSessionFactoryOptions().isQueryCacheEnabled();
    }

    /** Starts the cache work of one bulk call. */
    public static CacheInvalidation of(SharedSessionContractImplementor session) {
        return new CacheInvalidation(session);
    }

    /** The tables of {@code persister} as query-cache spaces, or null when the query cache is off. */
    static String[] querySpaces(EntityPersister persister) {
        if (!persister.getFactory().getSessionFactoryOptions().isQueryCacheEnabled()) {
            return null;
        }
        java.io.Serializable[] spaces = persister.getQuerySpaces();
        String[] names = new String[spaces.length];
        for (int i = 0; i < spaces.length; i++) {
            names[i] = (String) spaces[i];
        }
        return names;
    }

    /**
     * Before a write of its own to the tables {@code spaces}: cached query results over them stop being served now,
     * as the action queue does before its actions run. Pair with {@link #afterWrite}.
     */
    static void beforeWrite(SharedSessionContractImplementor session, String[] spaces) {
        session.getFactory().getCache().getTimestampsCache().preInvalidate(spaces, session);
    }

    /** After the write (or its failure): the spaces are invalidated when the transaction completes, now without one. */
    static void afterWrite(SharedSessionContractImplementor session, String[] spaces) {
        var timestamps = session.getFactory().getCache().getTimestampsCache();
        if (session.isTransactionInProgress()) {
            session.getTransactionCompletionCallbacks().registerCallback((success, s) -> timestamps.invalidate(spaces, s));
        } else {
            timestamps.invalidate(spaces, session);
        }
    }

    /** A row of {@code plan} is about to be inserted ({@code update} false) or updated. */
    public void row(EntityPlan plan, Object id, boolean update) {
        EntityPersister persister = plan.persister();
        if (queryCache && plan != lastPlan) {            // once per run of consecutive rows of one type
            for (java.io.Serializable space : persister.getQuerySpaces()) {
                spaces.add((String) space);
            }
            lastPlan = plan;
        }
        if (update && persister.canWriteToCache()) {
            EntityDataAccess access = persister.getCacheAccessStrategy();
            Object key = access.generateCacheKey(id, persister, factory, session.getTenantIdentifier());
            if (locked.isEmpty()) {
                locked = new ArrayList<>();
            }
            locked.add(new Locked(access, key, access.lockItem(session, key, null)));
        }
    }

    /**
     * Call before the statements run: pre-invalidates the query spaces and registers the completion work (or, outside
     * a transaction, nothing yet: {@link #afterStatements} completes it).
     */
    public void beforeStatements() {
        String[] written = spaces.toArray(String[]::new);
        if (written.length > 0) {
            beforeWrite(session, written);
        }
        deferred = session.isTransactionInProgress();
        if (deferred && (written.length > 0 || !locked.isEmpty())) {
            session.getTransactionCompletionCallbacks().registerCallback((success, s) -> complete(written, s));
        }
    }

    /** Call after the statements ran (or failed): removes the updated entries, then completes outside a transaction. */
    public void afterStatements() {
        for (Locked l : locked) {
            l.access().remove(session, l.key());
        }
        if (!deferred && (!spaces.isEmpty() || !locked.isEmpty())) {
            complete(spaces.toArray(String[]::new), session);
        }
    }

    private void complete(String[] written, SharedSessionContractImplementor completing) {
        for (Locked l : locked) {
            l.access().unlockItem(completing, l.key(), l.lock());
        }
        if (written.length > 0) {
            factory.getCache().getTimestampsCache().invalidate(written, completing);
        }
    }
}

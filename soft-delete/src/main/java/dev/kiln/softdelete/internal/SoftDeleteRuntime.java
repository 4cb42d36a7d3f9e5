package dev.kiln.softdelete.internal;

import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaShape;
import dev.kiln.softdelete.internal.hibernate.KilnPersisters;
import dev.kiln.softdelete.internal.hibernate.ShapeChannel;
import org.hibernate.SessionEventListener;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.Service;
import org.hibernate.service.spi.Stoppable;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kiln soft delete's state for one SessionFactory (a SessionFactory-scoped Hibernate service): the rule catalog, and
 * the criteria context of each session that has one. Thread-safe.
 *
 * <p>Contexts are kept in a map keyed by session identity and removed when the session closes; Hibernate offers no
 * per-session attribute slot that is cheap to read while a statement binds its parameters.
 */
public final class SoftDeleteRuntime implements Service, Stoppable {
    /**
     * The runtime last looked up by {@link #of}: applications use one SessionFactory (or a few), and the service
     * registry lookup would otherwise run on every {@code setContext}. Cleared when that runtime stops.
     */
    private static volatile SoftDeleteRuntime lastLookedUp;
    /** Slots of {@link #recentCriteria}: a power of two. */
    private static final int RECENT_CONTEXTS = 16;

    private volatile RuleCatalog catalog;
    private SessionFactoryImplementor factory;
    private SessionCriteria defaultCriteria;
    /** Per shape code, precomputed: setting a context on a session must stay cheap (it happens per session). */
    private CriteriaShape[] shapes;
    private String[] profileNames;
    private final Map<String, Integer> shapeOfProfile = new HashMap<>();
    private final ConcurrentHashMap<SharedSessionContractImplementor, SessionCriteria> sessions = new ConcurrentHashMap<>();
    private final SoftDeleteOperations operations = new SoftDeleteOperations(this);
    /**
     * The criteria of recently set contexts, by context identity (slot = identity hash): facades usually set one
     * constant context object (or one per project), and evaluating the rules per session would allocate. Racy reads
     * and writes are safe: {@link SessionCriteria} is immutable (final fields), a miss only recomputes.
     */
    private final SessionCriteria[] recentCriteria = new SessionCriteria[RECENT_CONTEXTS];

    /** Looks up the runtime of a SessionFactory; fails with a clear message if Kiln soft delete is not active there. */
    public static SoftDeleteRuntime of(SessionFactory sessionFactory) {
        SoftDeleteRuntime last = lastLookedUp;
        if (last != null && last.factory == sessionFactory) {
            return last;
        }
        SessionFactoryImplementor sf = sessionFactory.unwrap(SessionFactoryImplementor.class);
        SoftDeleteRuntime runtime = sf.getServiceRegistry().getService(SoftDeleteRuntime.class);
        if (runtime == null || !runtime.isActive()) {
            throw new IllegalStateException("Kiln soft delete is not active on this SessionFactory: no entity has "
                    + "@SoftDeletable/@ContextScope and no " + dev.kiln.softdelete.SoftDeleteSettings.CONFIGURATION
                    + " setting declares rules (or " + dev.kiln.softdelete.SoftDeleteSettings.ENABLED + " is false)");
        }
        lastLookedUp = runtime;
        return runtime;
    }

    /** Called once when the SessionFactory starts, before its persisters are built. */
    public synchronized void activate(RuleCatalog ruleCatalog, SessionFactoryImplementor sessionFactory) {
        if (catalog != null) {
            throw new IllegalStateException("Kiln soft delete runtime activated twice");
        }
        this.factory = sessionFactory;
        this.shapes = new CriteriaShape[ruleCatalog.shapeCount()];
        this.profileNames = new String[ruleCatalog.shapeCount()];
        for (int code = 0; code < ruleCatalog.shapeCount(); code++) {
            shapes[code] = new CriteriaShape(code, sessionFactory.getUuid());
            profileNames[code] = ShapeChannel.profileName(code);
            shapeOfProfile.put(profileNames[code], code);
        }
        CriteriaContext defaultContext = ruleCatalog.configuration().defaultContext();
        this.defaultCriteria = new SessionCriteria(defaultContext, ruleCatalog.selectorValues(defaultContext),
                new CriteriaShape(-1, sessionFactory.getUuid()), null);
        this.catalog = ruleCatalog;
    }

    public boolean isActive() {
        return catalog != null;
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public SoftDeleteOperations operations() {
        return operations;
    }

    public SessionFactoryImplementor factory() {
        return factory;
    }

    /** The criteria of a session: its own if set, else the SessionFactory's default (uniform shape). */
    public SessionCriteria criteriaOf(SharedSessionContractImplementor session) {
        SessionCriteria c = sessions.get(session);
        return c != null ? c : defaultCriteria;
    }

    /** True if a context was set on the session (and not cleared). */
    public boolean hasOwnContext(SharedSessionContractImplementor session) {
        SessionCriteria c = sessions.get(session);
        return c != null && c != defaultCriteria;
    }

    /** Sets a session's context and switches its query plans to the matching SQL shape. */
    public void setContext(SharedSessionContractImplementor session, CriteriaContext context) {
        Objects.requireNonNull(context, "context");
        if (session.isClosed()) {
            throw new IllegalStateException("Cannot set a criteria context on a closed session");
        }
        SessionCriteria next = evaluate(context);
        SessionCriteria previous = sessions.put(session, next);
        if (previous == null) {
            session.getEventListenerManager().addListener(new ForgetOnClose(session));
        }
        ShapeChannel.switchProfile(session, previous == null ? null : previous.profileName(), next.profileName());
    }

    /** The criteria of a context: from {@link #recentCriteria} if this context object was set recently. */
    private SessionCriteria evaluate(CriteriaContext context) {
        int slot = System.identityHashCode(context) & (RECENT_CONTEXTS - 1);
        SessionCriteria recent = recentCriteria[slot];
        if (recent != null && recent.context() == context) {
            return recent;
        }
        int[] values = catalog.selectorValues(context);
        int code = catalog.shapeCode(values);
        SessionCriteria evaluated = catalog.configuration().exactSql()
                ? new SessionCriteria(context, values, shapes[code], profileNames[code])
                : new SessionCriteria(context, values, defaultCriteria.shape(), null);
        recentCriteria[slot] = evaluated;
        return evaluated;
    }

    /** Called when the SessionFactory closes. */
    @Override
    public void stop() {
        if (lastLookedUp == this) {
            lastLookedUp = null;
        }
    }

    /** Removes the session's own context: it falls back to the SessionFactory's default (uniform shape). */
    public void clearContext(SharedSessionContractImplementor session) {
        // The default stays in the map as a marker: the close listener is registered once per session.
        SessionCriteria previous = sessions.replace(session, defaultCriteria);
        if (previous != null) {
            ShapeChannel.switchProfile(session, previous.profileName(), null);
        }
    }

    /** Runs {@code work} with {@code context} set on the session, then restores what the session had before. */
    public <T> T withContext(SharedSessionContractImplementor session, CriteriaContext context,
                             java.util.function.Supplier<T> work) {
        SessionCriteria before = sessions.get(session);
        setContext(session, context);
        try {
            return work.get();
        } finally {
            if (before == null || before == defaultCriteria) {
                clearContext(session);
            } else {
                setContext(session, before.context());
            }
        }
    }

    /** The shape code a fetch profile stands for, or -1 if it is not one of Kiln's. */
    public int shapeOfProfile(String profileName) {
        Integer code = shapeOfProfile.get(profileName);
        return code == null ? -1 : code;
    }

    /** The compiled criteria of an entity, or null if it has none. */
    public EntityCriteria criteriaFor(String entityName) {
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(entityName);
        return KilnPersisters.criteriaOf(persister);
    }

    /** Sessions currently tracked (for tests and diagnostics): they have or had a context and are open. */
    public int trackedSessions() {
        return sessions.size();
    }

    /** Removes a session's context when it closes, so the map never outlives its sessions. */
    private final class ForgetOnClose implements SessionEventListener {
        private static final long serialVersionUID = 1L;
        private final transient SharedSessionContractImplementor session;

        ForgetOnClose(SharedSessionContractImplementor session) {
            this.session = session;
        }

        @Override
        public void end() {
            sessions.remove(session);
        }
    }
}

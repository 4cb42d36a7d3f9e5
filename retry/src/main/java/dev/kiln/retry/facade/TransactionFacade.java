package dev.kiln.retry.facade;

import dev.kiln.retry.facade.internal.AnnotationWeaver;
import dev.kiln.retry.facade.internal.Route;
import dev.kiln.retry.DbErrors;
import dev.kiln.retry.internal.hibernate.RollbackOnlyAdapter;
import dev.kiln.retry.policy.CommitOutcomeUnknownException;
import dev.kiln.retry.policy.RetryPolicy;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.TransactionException;

import javax.sql.DataSource;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Declared transactions, as oslo.db's enginefacade: code says whether a unit of work is a {@link #writer()}, a
 * {@link #reader()} or an {@link #asyncReader()}, and the facade opens the Session on the right database, begins,
 * commits writers, rolls back readers, nests, and retries outside the transaction.
 *
 * <pre>{@code
 * TransactionFacade facade = TransactionFacade.builder(primarySessionFactory)
 *         .syncReader(galeraNodeSessionFactory)     // optional: readers that must see the latest commits
 *         .asyncReader(replicaDataSource)           // optional: readers that tolerate lag
 *         .build();
 * RetryPolicy deadlocks = RetryPolicy.builder().retryOnDeadlock(true).build();
 *
 * facade.writer().retry(deadlocks).run(ctx, session -> session.persist(ip));              // primary, commits
 * List<FloatingIp> ips = facade.asyncReader().call(ctx, session -> session
 *         .createSelectionQuery("from FloatingIp where projectId = :p", FloatingIp.class)
 *         .setParameter("p", projectId).list());                                           // replica, rolls back
 * }</pre>
 *
 * <h2>Routing</h2>
 * Writers always use the primary (the writer SessionFactory). Readers use the synchronous reader if one is
 * configured, else the primary. Async readers use the async reader if configured, else as readers. A replica may be
 * a SessionFactory of its own, or a DataSource on which Sessions of the writer SessionFactory (its mapping and
 * settings) are opened.
 *
 * <h2>Sessions</h2>
 * Each outermost (or independent) unit of work gets a new Session, closed at its end. Reader Sessions are
 * {@linkplain Session#setDefaultReadOnly read-only} with {@link FlushMode#MANUAL}, and their transactions roll back.
 * The nesting rules are on {@link TransactionRunner}. A database error leaves the outermost unit of work as the Kiln
 * exception (e.g. {@link dev.kiln.retry.DbDeadlockException}), not wrapped in the JPA exception Hibernate's query API
 * puts around it. Immutable and thread-safe; {@link #enhance(Class)} weaves the
 * annotations {@link Writer}, {@link Reader}, {@link AsyncReader} and {@link Retry}.
 */
public final class TransactionFacade {
    private final String name;
    private final Route writer;
    private final Route reader;
    private final Route asyncReader;
    private final List<SessionPreparer> preparers;
    private final TransactionRunner writerRunner;
    private final TransactionRunner readerRunner;
    private final TransactionRunner asyncRunner;
    private final Map<Class<?>, Class<?>> woven = new ConcurrentHashMap<>();
    private final Map<java.lang.reflect.Method, RetryPolicy> wovenPolicies = new ConcurrentHashMap<>();

    private TransactionFacade(Builder b) {
        this.name = b.name;
        this.writer = Route.of(b.writer, "writer (primary)");
        this.reader = b.syncReaderSf != null ? Route.of(b.syncReaderSf, "synchronous reader")
                : b.syncReaderDs != null ? Route.of(b.writer, b.syncReaderDs, "synchronous reader DataSource")
                : writer;
        this.asyncReader = b.asyncReaderSf != null ? Route.of(b.asyncReaderSf, "asynchronous reader")
                : b.asyncReaderDs != null ? Route.of(b.writer, b.asyncReaderDs, "asynchronous reader DataSource")
                : reader;
        List<SessionPreparer> all = new ArrayList<>();
        if (b.discoverPreparers) {
            ServiceLoader.load(SessionPreparer.class, TransactionFacade.class.getClassLoader()).forEach(all::add);
        }
        all.addAll(b.preparers);
        this.preparers = List.copyOf(all);
        this.writerRunner = new TransactionRunner(this, TransactionMode.WRITER, false, false, false, null);
        this.readerRunner = new TransactionRunner(this, TransactionMode.READER, false, false, false, null);
        this.asyncRunner = new TransactionRunner(this, TransactionMode.ASYNC_READER, false, false, false, null);
    }

    /** A builder for a facade whose writers use {@code writer} (the primary). */
    public static Builder builder(SessionFactory writer) {
        return new Builder(writer);
    }

    /** A unit of work that writes: primary, commits. */
    public TransactionRunner writer() {
        return writerRunner;
    }

    /** A unit of work that reads the latest data: synchronous replica or primary, rolls back. */
    public TransactionRunner reader() {
        return readerRunner;
    }

    /** A unit of work that reads and tolerates replication lag: asynchronous replica, rolls back. */
    public TransactionRunner asyncReader() {
        return asyncRunner;
    }

    /**
     * A new instance of {@code type} (public, not final, with a no-argument constructor) whose methods annotated
     * {@link Writer}, {@link Reader}, {@link AsyncReader} (and {@link Retry}) run in this facade's transactions.
     * The context is the first argument whose type is a {@link TransactionContext}, else the implicit one.
     * The generated class is made once per facade and type; see {@link Writer} for an example.
     *
     * @throws IllegalArgumentException if {@code type} or one of its annotated methods cannot be woven (the
     *                                  message says which and why)
     */
    public <T> T enhance(Class<T> type) {
        Class<?> subclass = woven.computeIfAbsent(Objects.requireNonNull(type, "type"),
                t -> AnnotationWeaver.weave(this, t, wovenPolicies));
        try {
            return type.cast(subclass.getDeclaredConstructor().newInstance());
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw Sneaky.rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot instantiate the enhanced " + type.getName() + ": " + e, e);
        }
    }

    /**
     * The retry policy (and so the {@link RetryPolicy#metrics() metrics}) that a method annotated with
     * {@link Retry} got when its class was {@linkplain #enhance enhanced} by this facade, e.g.
     * {@code facade.retryPolicyOf(FloatingIpApi.class.getMethod("allocate", RequestContext.class, String.class))
     * .metrics().retries()}.
     *
     * @throws IllegalArgumentException if no enhanced class of this facade has that method with {@link Retry}
     */
    public RetryPolicy retryPolicyOf(java.lang.reflect.Method method) {
        RetryPolicy p = wovenPolicies.get(method);
        if (p == null) {
            throw new IllegalArgumentException(method + " has no @Retry woven by " + name
                    + " (enhance its class with this facade first)");
        }
        return p;
    }

    /** The name given to the builder, used in messages. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "TransactionFacade[" + name + ": writer " + writer + ", reader " + reader + ", async reader "
                + asyncReader + "]";
    }

    // --- the engine -------------------------------------------------------------------------------------------

    <T> T execute(TransactionRunner runner, TransactionContext context, SessionWork<T> work) {
        TransactionSlot slot = context.transactionSlot();
        if (slot == null) {
            throw new IllegalStateException(context.getClass().getName() + ".transactionSlot() returned null");
        }
        Frame outer = slot.current();
        if (outer != null && outer.thread != Thread.currentThread()) {
            throw new IllegalStateException("The context " + context + " is in use by another thread ("
                    + outer.describe() + "); " + runner.declaration() + " on " + Thread.currentThread().getName()
                    + " needs a context of its own");
        }
        if (outer == null || runner.isIndependent()) {
            RetryPolicy policy = runner.retryPolicy();
            if (policy == null) {
                return begin(runner, context, slot, outer, work);
            }
            try {
                return policy.callChecked(() -> begin(runner, context, slot, outer, work));
            } catch (Exception e) {
                throw Sneaky.rethrow(e);
            }
        }
        checkNesting(outer, runner);
        return runner.isSavepoint() ? inSavepoint(outer.session, work) : work.apply(outer.session);
    }

    private void checkNesting(Frame outer, TransactionRunner inner) {
        if (outer.facade != this) {
            throw new TransactionNestingException(inner.declaration() + " of " + name + " was nested inside "
                    + outer.describe() + ", a transaction of another facade, on the same context. Run it "
                    + "independent(), or on a context of its own.");
        }
        TransactionMode o = outer.mode;
        TransactionMode i = inner.mode();
        boolean allowed = switch (o) {
            case WRITER -> true;
            case READER -> i != TransactionMode.WRITER;
            case ASYNC_READER -> i == TransactionMode.ASYNC_READER || i == TransactionMode.READER && inner.isAllowAsync();
        };
        if (!allowed) {
            String fix = i == TransactionMode.READER
                    ? "Declare the inner unit of work reader().allowAsync() if it may read from the asynchronous "
                    + "replica, declare the outer one reader(), or run the inner one independent()."
                    : "Declare the outer unit of work writer(), or run the inner one independent().";
            throw new TransactionNestingException("Can't upgrade " + o.withArticle() + " transaction to "
                    + i.withArticle() + " mid-transaction: " + inner.declaration() + " was nested inside "
                    + o.declaration() + " (" + outer.describe() + "). " + fix);
        }
    }

    private <T> T begin(TransactionRunner runner, TransactionContext context, TransactionSlot slot, Frame outer,
                        SessionWork<T> work) {
        TransactionMode mode = runner.mode();
        Route route = mode == TransactionMode.WRITER ? writer : mode == TransactionMode.READER ? reader : asyncReader;
        try (Route.OpenSession open = route.open()) {
            Session session = open.session();
            Frame frame = new Frame(this, mode, session, Thread.currentThread(), outer);
            slot.enter(frame);
            try {
                if (mode != TransactionMode.WRITER) {
                    session.setDefaultReadOnly(true);
                    session.setHibernateFlushMode(FlushMode.MANUAL);
                }
                for (SessionPreparer p : preparers) {
                    p.prepare(session, context, mode);
                }
                Transaction tx = session.getTransaction();
                tx.begin();
                T result;
                try {
                    result = work.apply(session);
                } catch (Throwable e) { // also checked exceptions, sneaked through by woven methods
                    rollbackAfter(tx, e);
                    throw Sneaky.rethrow(unwrapped(e));
                }
                if (mode == TransactionMode.WRITER) {
                    if (tx.getRollbackOnly()) {
                        // Hibernate would roll back silently on commit (native bootstrap): say so instead
                        TransactionException e = new TransactionException(runner.declaration() + " of " + name
                                + " was not committed: an error inside it marked the transaction rollback-only, and "
                                + "was caught without ending the unit of work. Let the error propagate, or run the "
                                + "failing part in savepoint() to go on after it.");
                        rollbackAfter(tx, e);
                        throw e;
                    }
                    commit(tx, runner);
                } else {
                    tx.rollback();
                }
                return result;
            } finally {
                slot.leave(frame);
            }
        }
    }

    /**
     * Hibernate's query API hands a database error over wrapped in the JPA exception for it (a deadlock as
     * {@code jakarta.persistence.PessimisticLockException}, a lock timeout as {@code LockTimeoutException}, ...),
     * whose cause is the Kiln exception. At the facade's boundary the Kiln exception itself is thrown: it is still a
     * {@code PersistenceException} (a Hibernate {@code JDBCException}), and callers catch
     * {@code DbDeadlockException} as the issue promises. Only a JPA wrapper whose direct cause is a Kiln exception is
     * taken off; everything else is thrown as it is.
     */
    static Throwable unwrapped(Throwable e) {
        if (e instanceof jakarta.persistence.PersistenceException && !(e instanceof dev.kiln.retry.DbError)
                && e.getCause() instanceof dev.kiln.retry.DbError error) {
            return error.asException();
        }
        return e;
    }

    /** A lost connection during COMMIT leaves the outcome unknown: say so, so that no policy retries it. */
    private void commit(Transaction tx, TransactionRunner runner) {
        try {
            tx.commit();
        } catch (RuntimeException e) {
            if (DbErrors.isDisconnect(e) || RetryPolicy.isCommitOutcomeUnknown(e)) {
                throw new CommitOutcomeUnknownException("The connection was lost while " + runner.declaration()
                        + " of " + name + " was committing: it may or may not have committed, so it is not retried "
                        + "(a retry could commit it twice). Check the outcome by a key of the unit of work.", e);
            }
            throw e;
        }
    }

    private static void rollbackAfter(Transaction tx, Throwable failure) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the connection may be gone; the failure that matters is the first one
        }
    }

    private static <T> T inSavepoint(Session session, SessionWork<T> work) {
        session.flush();
        Savepoint savepoint = session.doReturningWork(c -> c.setSavepoint());
        T result;
        try {
            result = work.apply(session);
            session.flush();
        } catch (Throwable e) {
            try {
                session.doWork(c -> c.rollback(savepoint));
                session.clear();
                RollbackOnlyAdapter.clearRollbackOnly(session);
            } catch (RuntimeException x) {
                e.addSuppressed(x);
            }
            throw Sneaky.rethrow(e);
        }
        session.doWork(c -> c.releaseSavepoint(savepoint));
        return result;
    }

    /** Builds a {@link TransactionFacade}. Not thread-safe; the facade is. */
    public static final class Builder {
        private final SessionFactory writer;
        private String name = "facade";
        private SessionFactory syncReaderSf;
        private DataSource syncReaderDs;
        private SessionFactory asyncReaderSf;
        private DataSource asyncReaderDs;
        private boolean discoverPreparers = true;
        private final List<SessionPreparer> preparers = new ArrayList<>();

        private Builder(SessionFactory writer) {
            this.writer = Objects.requireNonNull(writer, "writer SessionFactory");
        }

        /** A name for messages and logs (default "facade"). */
        public Builder name(String facadeName) {
            this.name = Objects.requireNonNull(facadeName, "name");
            return this;
        }

        /** The synchronous replica for readers, as a SessionFactory of its own. */
        public Builder syncReader(SessionFactory sessionFactory) {
            this.syncReaderSf = Objects.requireNonNull(sessionFactory, "sessionFactory");
            this.syncReaderDs = null;
            return this;
        }

        /** The synchronous replica for readers, as a DataSource used with the writer's mapping. */
        public Builder syncReader(DataSource dataSource) {
            this.syncReaderDs = Objects.requireNonNull(dataSource, "dataSource");
            this.syncReaderSf = null;
            return this;
        }

        /** The asynchronous replica for async readers, as a SessionFactory of its own. */
        public Builder asyncReader(SessionFactory sessionFactory) {
            this.asyncReaderSf = Objects.requireNonNull(sessionFactory, "sessionFactory");
            this.asyncReaderDs = null;
            return this;
        }

        /** The asynchronous replica for async readers, as a DataSource used with the writer's mapping. */
        public Builder asyncReader(DataSource dataSource) {
            this.asyncReaderDs = Objects.requireNonNull(dataSource, "dataSource");
            this.asyncReaderSf = null;
            return this;
        }

        /** Adds a preparer for every new Session (after those found by the ServiceLoader). */
        public Builder sessionPreparer(SessionPreparer preparer) {
            preparers.add(Objects.requireNonNull(preparer, "preparer"));
            return this;
        }

        /** Whether to use the {@link SessionPreparer}s found by {@link ServiceLoader} (default true). */
        public Builder discoverSessionPreparers(boolean discover) {
            this.discoverPreparers = discover;
            return this;
        }

        public TransactionFacade build() {
            return new TransactionFacade(this);
        }
    }
}

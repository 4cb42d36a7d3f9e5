package dev.kiln.benchmarks.bulk;

import dev.kiln.benchmarks.NovaBench;
import dev.kiln.bulksave.FastSave;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIpValues;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * nova_poc's {@code floating_ip_update} in a long-lived Session that manages {@code others} other FloatingIps: change
 * one FloatingIp and write it, either with {@link FastSave#save} or with {@code session.flush()}. Both sessions use
 * {@link FlushMode#MANUAL} so that the commit does not flush again; the flush contender flushes explicitly, as code
 * that needs the row written before commit does.
 *
 * <p>Transactions are committed every {@value #OPS_PER_TRANSACTION} operations. Hibernate's commit itself costs time
 * proportional to the managed entities (it resets the lock mode of every entry in
 * {@code afterTransactionCompletion}), for both contenders alike; committing after every operation would measure that
 * commit rather than the save ({@link #commitEveryOp} does, for reference).
 */
public final class FastSaveWorkload implements AutoCloseable {
    static final int OPS_PER_TRANSACTION = 50;

    private final NovaBench bench;
    private final boolean commitEveryOp;
    private final List<Contender> contenders = new ArrayList<>();

    public FastSaveWorkload(Backend backend, int... sessionSizes) {
        this(backend, false, sessionSizes);
    }

    /** With {@code commitEveryOp}, each operation is its own transaction. */
    public FastSaveWorkload(Backend backend, boolean commitEveryOp, int... sessionSizes) {
        this.commitEveryOp = commitEveryOp;
        int rows = 0;
        for (int n : sessionSizes) {
            rows += 2 * (n + 1);
        }
        // every contender keeps a transaction (so a connection) open between operations
        this.bench = NovaBench.builder(backend).floatingIps(rows).poolSize(2 * sessionSizes.length + 2).build();
        try {
            long firstId = 1;       // the loader gives ids 1..rows; each contender manages its own range
            for (int n : sessionSizes) {
                contenders.add(new Contender(n, firstId, true));
                contenders.add(new Contender(n, firstId + n + 1, false));
                firstId += 2L * (n + 1);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The contender managing {@code others} other entities; fast = FastSave, else flush. */
    public Contender contender(int others, boolean fast) {
        for (Contender c : contenders) {
            if (c.others == others && c.fast == fast) {
                return c;
            }
        }
        throw new IllegalArgumentException("No contender for " + others + " others");
    }

    @Override
    public void close() {
        for (Contender c : contenders) {
            if (c.session.getTransaction().isActive()) {
                c.session.getTransaction().commit();
            }
            c.session.close();
        }
        bench.close();
    }

    /** One open Session with its managed entities. */
    public final class Contender {
        final int others;
        final boolean fast;
        final Session session;
        final FloatingIp target;
        private final SplittableRandom random = new SplittableRandom(17);
        private int ops;

        Contender(int others, long firstId, boolean fast) {
            this.others = others;
            this.fast = fast;
            this.session = bench.sessionFactory().openSession();
            session.setHibernateFlushMode(FlushMode.MANUAL);
            List<FloatingIp> loaded = session.createSelectionQuery(
                            "from FloatingIp where id between :a and :b order by id", FloatingIp.class)
                    .setParameter("a", firstId).setParameter("b", firstId + others).getResultList();
            if (loaded.size() != others + 1) {
                throw new IllegalStateException("Expected " + (others + 1) + " rows, got " + loaded.size());
            }
            this.target = loaded.get(0);
        }

        /** One update of the target; returns its new host. */
        public String update() {
            FloatingIpValues.random(random).applyTo(target);
            if (!session.getTransaction().isActive()) {
                session.getTransaction().begin();
            }
            try {
                if (fast) {
                    FastSave.save(session, target);
                } else {
                    session.flush();
                }
                if (commitEveryOp || ++ops % OPS_PER_TRANSACTION == 0) {
                    session.getTransaction().commit();
                }
            } catch (RuntimeException e) {
                session.getTransaction().rollback();
                throw e;
            }
            return target.getHost();
        }

        /** Entities the session manages (for the test). */
        public int managed() {
            return session.unwrap(org.hibernate.engine.spi.SessionImplementor.class).getPersistenceContextInternal()
                    .getNumberOfManagedEntities();
        }

        public FloatingIp target() {
            return target;
        }
    }
}

package dev.kiln.retry.facade;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbDeadlockException;
import dev.kiln.retry.DbErrors;
import dev.kiln.retry.policy.RetryPolicy;
import org.hibernate.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kiln.retry.facade.Accounts.balance;
import static dev.kiln.retry.facade.Accounts.bump;
import static dev.kiln.retry.facade.Accounts.ledgerRows;
import static dev.kiln.retry.facade.Accounts.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real deadlock storm: pairs of threads update the same two rows in opposite orders; on each round both threads
 * of a pair take their first lock and meet at a barrier before taking the second, so the server must pick a victim
 * every round. With retry every unit of work completes exactly once (balances and the ledger, whose key would
 * refuse a second commit, add up); without it the victims fail with {@link DbDeadlockException}.
 */
class DeadlockStormTest {
    private static final int PAIRS = 3;
    private static final int ROUNDS = 6;

    @DatabaseTest
    void withRetryEveryTransactionCompletesExactlyOnce(TestDatabase db) throws Exception {
        TransactionFacade facade = TransactionFacade.builder(Accounts.sessionFactory(db)).build();
        Accounts.reset(db);
        RetryPolicy policy = RetryPolicy.builder().retryOnDeadlock(true).maxAttempts(30)
                .initialDelay(Duration.ofMillis(2)).maxDelay(Duration.ofMillis(50)).build();
        Set<Session> sessions = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();

        List<Throwable> failures = storm(db, (thread, round, barrier) -> facade.writer().retry(policy).run(s -> {
            sessions.add(s);
            attempts.incrementAndGet();
            transfer(db, s, thread, round, barrier);
        }));

        assertThat(failures).isEmpty();
        int units = PAIRS * 2 * ROUNDS;
        assertThat(policy.metrics().calls()).isEqualTo(units);
        assertThat(policy.metrics().retries()).as("every round deadlocks once").isGreaterThanOrEqualTo(PAIRS * ROUNDS);
        assertThat(policy.metrics().giveUps()).isZero();
        assertThat(sessions).as("each attempt had a fresh Session").hasSize(attempts.get());
        assertThat(ledgerRows(db)).isEqualTo(units);
        for (int account = 1; account <= PAIRS * 2; account++) {
            assertThat(balance(db, account)).as("account %d: both threads of its pair, every round, once", account)
                    .isEqualTo(2L * ROUNDS);
        }
    }

    @DatabaseTest
    void withoutRetryTheVictimsFailWithDbDeadlockException(TestDatabase db) throws Exception {
        TransactionFacade facade = TransactionFacade.builder(Accounts.sessionFactory(db)).build();
        Accounts.reset(db);
        List<Throwable> failures = storm(db, (thread, round, barrier) ->
                facade.writer().run(s -> transfer(db, s, thread, round, barrier)));

        // the facade throws the Kiln exception itself (Hibernate's query API wraps it in JPA's PessimisticLockException);
        // H2 may also time out the lock wait of the other transaction (DbLockTimeoutException, a deadlock for oslo.db)
        assertThat(failures).allSatisfy(f -> assertThat(f).isInstanceOf(dev.kiln.retry.DbError.class)
                .matches(DbErrors::isDeadlock, "is a deadlock"));
        assertThat(failures.stream().filter(f -> f instanceof DbDeadlockException))
                .as("at least one victim per pair and round").hasSizeGreaterThanOrEqualTo(PAIRS * ROUNDS);
        long committed = PAIRS * 2L * ROUNDS - failures.size();
        assertThat(ledgerRows(db)).isEqualTo(committed);
        long total = 0;
        for (int account = 1; account <= PAIRS * 2; account++) {
            total += balance(db, account);
        }
        assertThat(total).as("each committed transfer bumped two accounts, victims none").isEqualTo(2 * committed);
    }

    interface Unit {
        void run(int thread, int round, CyclicBarrier barrier);
    }

    /** Thread t of pair p updates accounts 2p+1 and 2p+2, even threads in one order, odd threads in the other. */
    private static void transfer(TestDatabase db, Session s, int thread, int round, CyclicBarrier barrier) {
        if (db.backend() == Backend.POSTGRESQL) {
            s.createNativeMutationQuery("SET LOCAL deadlock_timeout = '50ms'").executeUpdate(); // default 1 s
        }
        int pair = thread / 2;
        int first = 2 * pair + 1 + thread % 2;
        int second = 2 * pair + 2 - thread % 2;
        bump(s, first);
        awaitOnce(barrier, round);
        bump(s, second);
        record(s, "t" + thread + "-r" + round);
    }

    private static final ThreadLocal<Integer> LAST_ROUND_MET = ThreadLocal.withInitial(() -> -1);

    /** Meets the other thread of the pair on the first attempt of each round only (a retry does not wait). */
    private static void awaitOnce(CyclicBarrier barrier, int round) {
        if (LAST_ROUND_MET.get() == round) {
            return;
        }
        LAST_ROUND_MET.set(round);
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other thread of the pair did not take its first lock", e);
        }
    }

    private static List<Throwable> storm(TestDatabase db, Unit unit) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PAIRS * 2);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<CyclicBarrier> firstLocks = new ArrayList<>();
            List<CyclicBarrier> roundEnds = new ArrayList<>();
            for (int p = 0; p < PAIRS; p++) {
                firstLocks.add(new CyclicBarrier(2));
                roundEnds.add(new CyclicBarrier(2));
            }
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < PAIRS * 2; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    LAST_ROUND_MET.remove();
                    for (int round = 0; round < ROUNDS; round++) {
                        try {
                            unit.run(thread, round, firstLocks.get(thread / 2));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                        // both threads of a pair end a round before either starts the next, so that a retry never
                        // meets the other thread's next round (which would wait for it at the barrier)
                        roundEnds.get(thread / 2).await(60, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(180, TimeUnit.SECONDS);
            }
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }
}

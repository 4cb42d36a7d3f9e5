package dev.kiln.samples.springtransactional;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.policy.RetryMetrics;
import dev.kiln.retry.spring.RetryAdvisor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The runnable sample: Alice and Bob send each other money at the same moment, round after round, so that every
 * round deadlocks; Kiln's {@code @Retry} around Spring's {@code @Transactional} runs each victim again in a fresh
 * transaction, and in the end every transfer is committed exactly once.
 *
 * <pre>
 * java ... SpringTransactionalSample [h2|mariadb|postgresql] [rounds]
 * </pre>
 */
public final class SpringTransactionalSample {
    static final long ALICE = 1;
    static final long BOB = 2;
    static final long OPENING_BALANCE = 1_000;

    private SpringTransactionalSample() {
    }

    /** What a run did. */
    public record Result(long transfers, long aliceBalance, long bobBalance, RetryMetrics retries) {
    }

    /** Kept strongly reachable: JUL forgets the level of a logger that was garbage collected. */
    private static final java.util.logging.Logger[] QUIET = {
            java.util.logging.Logger.getLogger(""),
            java.util.logging.Logger.getLogger("org.hibernate.orm.jdbc.error")};

    public static void main(String[] args) throws Exception {
        QUIET[0].setLevel(java.util.logging.Level.WARNING);    // Hibernate's and HikariCP's start-up INFO lines
        QUIET[1].setLevel(java.util.logging.Level.OFF);        // each deadlock victim is logged by Kiln's retry
        Backend backend = Backend.fromId(args.length > 0 ? args[0] : "h2");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (TestDatabase db = TestDatabase.create(backend, "spring_sample");
             AnnotationConfigApplicationContext context = context(db, SampleConfiguration.class)) {
            Result r = run(context, rounds);
            System.out.printf("%s: %d transfers committed, Alice %d, Bob %d (total %d)%n", backend.displayName(),
                    r.transfers(), r.aliceBalance(), r.bobBalance(), r.aliceBalance() + r.bobBalance());
            System.out.printf("Kiln @Retry: %d calls, %d attempts, %d retries, %d give-ups%n", r.retries().calls(),
                    r.retries().attempts(), r.retries().retries(), r.retries().giveUps());
        }
    }

    /** A Spring context on {@code db} made of {@code configuration}. */
    public static AnnotationConfigApplicationContext context(TestDatabase db, Class<?> configuration) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        // the caller owns the database: Spring must not close it (it would infer close() of an AutoCloseable bean)
        context.registerBean(TestDatabase.class, () -> db, definition -> definition.setDestroyMethodName(""));
        context.register(configuration);
        context.refresh();
        return context;
    }

    /** Opens the two accounts and runs {@code rounds} pairs of crossing transfers. */
    public static Result run(AnnotationConfigApplicationContext context, int rounds) throws Exception {
        TransferService service = context.getBean(TransferService.class);
        service.open(ALICE, "alice", OPENING_BALANCE);
        service.open(BOB, "bob", OPENING_BALANCE);
        crossingTransfers(service, rounds);
        Method transfer = TransferService.class.getMethod("transfer", String.class, long.class, long.class, long.class);
        RetryMetrics metrics = context.getBean(RetryAdvisor.class).getInterceptor().policyOf(transfer).metrics();
        return new Result(service.transfers(), service.balance(ALICE), service.balance(BOB), metrics);
    }

    /**
     * Each round, Alice pays Bob 7 and Bob pays Alice 5 at the same moment: both debit their own account, meet at a
     * barrier (first attempt only), then credit the other's, which the other transaction has locked: a deadlock.
     */
    static void crossingTransfers(TransferService service, int rounds) throws Exception {
        CyclicBarrier bothDebited = new CyclicBarrier(2);
        CyclicBarrier roundEnd = new CyclicBarrier(2);
        ThreadLocal<Integer> metInRound = ThreadLocal.withInitial(() -> -1);
        ThreadLocal<Integer> round = new ThreadLocal<>();
        service.setAfterDebit(() -> {
            if (!metInRound.get().equals(round.get())) {        // retries do not wait for the other side
                metInRound.set(round.get());
                await(bothDebited);
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            long[][] payments = {{ALICE, BOB, 7}, {BOB, ALICE, 5}};
            for (long[] p : payments) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        round.set(i);
                        service.transfer(p[0] + "->" + p[1] + "#" + i, p[0], p[1], p[2]);
                        await(roundEnd);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
            service.setAfterDebit(() -> { });
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other transfer did not arrive", e);
        }
    }
}

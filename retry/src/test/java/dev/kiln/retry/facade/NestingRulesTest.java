package dev.kiln.retry.facade;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.DbDuplicateEntryException;
import dev.kiln.retry.policy.RetryInsideTransactionException;
import dev.kiln.retry.policy.RetryPolicy;
import dev.kiln.retry.policy.RetryRequest;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.kiln.retry.facade.Accounts.ledgerRows;
import static dev.kiln.retry.facade.Accounts.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade's nesting rules and endings, one test each, on H2, MariaDB and PostgreSQL. */
class NestingRulesTest {

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TransactionFacade facade(TestDatabase db) {
        SessionFactory sf = Accounts.sessionFactory(db);
        Accounts.reset(db);
        return TransactionFacade.builder(sf).name("nesting").build();
    }

    @DatabaseTest
    void writersCommit(TestDatabase db) {
        TransactionFacade facade = facade(db);
        facade.writer().run(TransactionContext.create(), s -> record(s, "w"));
        assertThat(ledgerRows(db, "w")).isEqualTo(1);
    }

    @DatabaseTest
    void readersRollBackAndAreReadOnly(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        facade.reader().run(ctx, s -> {
            assertThat(s.isDefaultReadOnly()).isTrue();
            assertThatThrownBy(() -> record(s, "r")).as("Hibernate refuses mutation queries in a read-only session")
                    .isInstanceOf(org.hibernate.query.IllegalMutationQueryException.class);
            jdbcInsert(s, "r");                             // plain JDBC still writes; the rollback undoes it
            assertThat(ledgerRows(s)).isEqualTo(1);
        });
        facade.asyncReader().run(ctx, s -> jdbcInsert(s, "a"));
        assertThat(ledgerRows(db)).isZero();
    }

    private static void jdbcInsert(Session s, String txn) {
        s.doWork(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO kiln_ledger (txn) VALUES ('" + txn + "')");
            }
        });
    }

    @DatabaseTest
    void aWriterWhoseCaughtErrorMarkedItRollbackOnlyIsNotCommittedSilently(TestDatabase db) {
        TransactionFacade facade = facade(db);
        assertThatThrownBy(() -> facade.writer().run(s -> {
            record(s, "kept?");
            try {
                record(s, "kept?");                         // duplicate: Hibernate marks the transaction rollback-only
            } catch (DbDuplicateEntryException expected) {
                // swallowed by application code
            }
        })).isInstanceOf(org.hibernate.TransactionException.class)
                .hasMessageContaining("writer() of nesting was not committed: an error inside it marked the "
                        + "transaction rollback-only");
        assertThat(ledgerRows(db)).isZero();
    }

    @DatabaseTest
    void aReaderNestedInAWriterJoinsIt(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        facade.writer().run(ctx, outer -> {
            record(outer, "w");
            facade.reader().run(ctx, inner -> {
                assertThat(inner).isSameAs(outer);
                assertThat(ledgerRows(inner)).as("sees the writer's uncommitted row").isEqualTo(1);
                record(inner, "r-in-w");                     // part of the writer's transaction
            });
            facade.asyncReader().run(ctx, inner -> assertThat(inner).isSameAs(outer));
            assertThat(ctx.session()).isSameAs(outer);
            assertThat(ctx.transactionSlot().mode()).isEqualTo(TransactionMode.WRITER);
        });
        assertThat(ledgerRows(db)).as("the reader ended without rolling back the writer").isEqualTo(2);
        assertThat(ctx.transactionSlot().isActive()).isFalse();
    }

    @DatabaseTest
    void aWriterInsideAReaderIsRefused(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        AtomicInteger innerRan = new AtomicInteger();
        assertThatThrownBy(() -> facade.reader().run(ctx, s -> facade.writer().run(ctx, s2 -> innerRan.incrementAndGet())))
                .isInstanceOf(TransactionNestingException.class)
                .hasMessageStartingWith("Can't upgrade a READER transaction to a WRITER mid-transaction: "
                        + "writer() was nested inside reader()")
                .hasMessageContaining("independent()");
        assertThat(innerRan).hasValue(0);
        assertThat(ctx.transactionSlot().isActive()).isFalse();
    }

    @DatabaseTest
    void aWriterInsideAnAsyncReaderIsRefused(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        assertThatThrownBy(() -> facade.asyncReader().run(ctx, s -> facade.writer().run(ctx, s2 -> record(s2, "x"))))
                .isInstanceOf(TransactionNestingException.class)
                .hasMessageStartingWith("Can't upgrade an ASYNC_READER transaction to a WRITER mid-transaction: "
                        + "writer() was nested inside asyncReader()");
        assertThat(ledgerRows(db)).isZero();
    }

    @DatabaseTest
    void aPlainReaderInsideAnAsyncReaderIsRefused(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        assertThatThrownBy(() -> facade.asyncReader().run(ctx, s -> facade.reader().call(ctx, Accounts::ledgerRows)))
                .isInstanceOf(TransactionNestingException.class)
                .hasMessageStartingWith("Can't upgrade an ASYNC_READER transaction to a READER mid-transaction: "
                        + "reader() was nested inside asyncReader()")
                .hasMessageContaining("reader().allowAsync()");
    }

    @DatabaseTest
    void aReaderThatAllowsAsyncJoinsAnAsyncReader(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        facade.asyncReader().run(ctx, outer -> {
            facade.reader().allowAsync().run(ctx, inner -> assertThat(inner).isSameAs(outer));
            facade.asyncReader().run(ctx, inner -> assertThat(inner).isSameAs(outer));
        });
        assertThatThrownBy(() -> facade.writer().allowAsync()).hasMessageContaining("allowAsync() is for reader()");
    }

    @DatabaseTest
    void independentStartsANewTransactionAndRestoresTheOuterOne(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        AtomicReference<Session> innerSession = new AtomicReference<>();
        assertThatThrownBy(() -> facade.writer().run(ctx, outer -> {
            record(outer, "outer");
            facade.writer().independent().run(ctx, inner -> {
                innerSession.set(inner);
                assertThat(inner).isNotSameAs(outer);
                assertThat(ctx.session()).isSameAs(inner);
                record(inner, "independent");
            });
            assertThat(ctx.session()).as("the outer transaction is back").isSameAs(outer);
            assertThat(innerSession.get().isOpen()).isFalse();
            // also inside a reader, a writer may run independently
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");
        assertThat(ledgerRows(db, "independent")).as("committed at its own end").isEqualTo(1);
        assertThat(ledgerRows(db, "outer")).as("rolled back").isZero();

        facade.reader().run(ctx, r -> facade.writer().independent().run(ctx, w -> record(w, "from-reader")));
        assertThat(ledgerRows(db, "from-reader")).isEqualTo(1);
    }

    @DatabaseTest
    void aSavepointRollsBackAloneAndTheOuterTransactionGoesOn(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        facade.writer().run(ctx, outer -> {
            record(outer, "before");
            assertThatThrownBy(() -> facade.writer().savepoint().run(ctx, inner -> {
                assertThat(inner).isSameAs(outer);
                record(inner, "in-savepoint");
                record(inner, "before");                     // duplicate key: on PostgreSQL the transaction is aborted
            })).isInstanceOf(DbDuplicateEntryException.class);
            facade.writer().savepoint().run(ctx, inner -> record(inner, "second-savepoint"));
            record(outer, "after");                          // works: rolled back to the savepoint, not aborted
        });
        assertThat(ledgerRows(db, "before")).isEqualTo(1);
        assertThat(ledgerRows(db, "in-savepoint")).isZero();
        assertThat(ledgerRows(db, "second-savepoint")).isEqualTo(1);
        assertThat(ledgerRows(db, "after")).isEqualTo(1);
    }

    @DatabaseTest
    void aRetryableErrorInsideAJoinedUnitPropagatesUntouchedToTheOutermostRetry(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionContext ctx = TransactionContext.create();
        RetryPolicy inner = RetryPolicy.builder().initialDelay(Duration.ZERO).maxAttempts(5).build();
        RetryPolicy outer = RetryPolicy.builder().initialDelay(Duration.ZERO).maxAttempts(3).build();
        AtomicInteger innerRuns = new AtomicInteger();
        AtomicInteger outerRuns = new AtomicInteger();
        facade.writer().retry(outer).run(ctx, s -> {
            outerRuns.incrementAndGet();
            record(s, "attempt-" + outerRuns.get());
            facade.writer().retry(inner).run(ctx, s2 -> {
                if (innerRuns.incrementAndGet() < 3) {
                    throw new RetryRequest("again");
                }
            });
        });
        assertThat(innerRuns).as("the joined unit is never retried alone").hasValue(3);
        assertThat(outerRuns).hasValue(3);
        assertThat(inner.metrics().calls()).isZero();
        assertThat(outer.metrics().retries()).isEqualTo(2);
        assertThat(ledgerRows(db)).as("only the last attempt committed").isEqualTo(1);
        assertThat(ledgerRows(db, "attempt-3")).isEqualTo(1);
    }

    @DatabaseTest
    void aPolicyCalledInsideAnOpenTransactionRefusesToRetry(TestDatabase db) {
        TransactionFacade facade = facade(db);
        RetryPolicy policy = RetryPolicy.builder().retryOnDeadlock(true).build();
        assertThatThrownBy(() -> facade.writer().run(s -> policy.run(() -> record(s, "x"))))
                .isInstanceOf(RetryInsideTransactionException.class)
                .hasMessageContaining("RetryPolicy.call was asked to retry inside an already open transaction "
                        + "(writer() of nesting on thread");
        assertThat(ledgerRows(db)).isZero();
    }

    @DatabaseTest
    void theImplicitContextIsTheCurrentThreads(TestDatabase db) throws Exception {
        TransactionFacade facade = facade(db);
        facade.writer().run(s -> {
            assertThat(TransactionContext.implicit().session()).isSameAs(s);
            facade.reader().run(s2 -> assertThat(s2).isSameAs(s));
            // another thread has a context of its own: a new transaction, not a join
            Session other = await(CompletableFuture.supplyAsync(() -> facade.reader().call(s2 -> s2)));
            assertThat(other).isNotSameAs(s);
            record(s, "implicit");
        });
        assertThat(ledgerRows(db, "implicit")).isEqualTo(1);
        assertThat(TransactionContext.implicit().transactionSlot().isActive()).isFalse();
        assertThatThrownBy(() -> TransactionContext.implicit().session()).hasMessageContaining("No transaction is open");
    }

    @DatabaseTest
    void virtualThreadsEachHaveTheirOwnImplicitContext(TestDatabase db) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
        TransactionFacade facade = facade(db);
        int n = 6;
        Thread[] threads = new Thread[n];
        AtomicInteger ok = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            String txn = "virtual-" + i;
            Runnable work = () -> facade.writer().run(s -> {
                assertThat(TransactionContext.implicit().session()).isSameAs(s);
                record(s, txn);
                ok.incrementAndGet();
            });
            // Thread.ofVirtual().start(work), through reflection: the build targets Java 17
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            threads[i] = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class)
                    .invoke(builder, work);
            assertThat((Boolean) Thread.class.getMethod("isVirtual").invoke(threads[i])).isTrue();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(ok).hasValue(n);
        assertThat(ledgerRows(db)).isEqualTo(n);
    }

    @DatabaseTest
    void aContextInUseByAnotherThreadIsRefused(TestDatabase db) throws Exception {
        TransactionFacade facade = facade(db);
        TransactionContext shared = TransactionContext.create();
        facade.writer().run(shared, s -> {
            Throwable t = await(CompletableFuture.supplyAsync(() -> {
                try {
                    facade.reader().run(shared, s2 -> { });
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }));
            assertThat(t).isInstanceOf(IllegalStateException.class).hasMessageContaining("is in use by another thread");
        });
    }

    @DatabaseTest
    void aTransactionOfAnotherFacadeIsNotJoined(TestDatabase db) {
        TransactionFacade facade = facade(db);
        TransactionFacade other = TransactionFacade.builder(Accounts.sessionFactory(db)).name("other").build();
        TransactionContext ctx = TransactionContext.create();
        assertThatThrownBy(() -> facade.writer().run(ctx, s -> other.writer().run(ctx, s2 -> { })))
                .isInstanceOf(TransactionNestingException.class)
                .hasMessageContaining("writer() of other was nested inside writer() of nesting");
        facade.writer().run(ctx, s -> other.writer().independent().run(ctx, s2 -> record(s2, "other")));
        assertThat(ledgerRows(db, "other")).isEqualTo(1);
    }
}

package dev.kiln.retry.facade;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.policy.RetryInsideTransactionException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.kiln.retry.facade.Accounts.ledgerRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TransactionFacade#enhance}: the annotations on a plain class, on H2, MariaDB and PostgreSQL. */
class AnnotationWeaverTest {

    private TransactionFacade facade(TestDatabase db) {
        TransactionFacade facade = TransactionFacade.builder(Accounts.sessionFactory(db)).name("woven").build();
        Accounts.reset(db);
        lastFacade = facade;
        return facade;
    }

    @DatabaseTest
    void annotatedMethodsRunInTheirTransactions(TestDatabase db) {
        LedgerApi api = facade(db).enhance(LedgerApi.class);
        TransactionContext ctx = TransactionContext.create();
        api.record(ctx, "a");
        api.recordImplicitly("b");
        assertThat(ledgerRows(db)).isEqualTo(2);
        assertThat(api.count(ctx)).isEqualTo(2);
        assertThat(api.recordTwiceAndCount("c", ctx, "d")).as("joined: sees its own uncommitted rows").isEqualTo(4);
        assertThat(ledgerRows(db)).isEqualTo(4);
        assertThat(api.plain()).isEqualTo("plain");
        assertThat(ctx.transactionSlot().isActive()).isFalse();
    }

    @DatabaseTest
    void theNestingRulesHoldBetweenAnnotatedMethods(TestDatabase db) {
        LedgerApi api = facade(db).enhance(LedgerApi.class);
        TransactionContext ctx = TransactionContext.create();
        assertThatThrownBy(() -> api.writeInsideRead(ctx)).isInstanceOf(TransactionNestingException.class)
                .hasMessageStartingWith("Can't upgrade a READER transaction to a WRITER mid-transaction");
        assertThat(api.asyncCountThroughReaders(ctx)).isZero();
        assertThatThrownBy(() -> api.asyncCountThroughPlainReader(ctx)).isInstanceOf(TransactionNestingException.class)
                .hasMessageStartingWith("Can't upgrade an ASYNC_READER transaction to a READER mid-transaction");
        assertThat(ledgerRows(db)).isZero();
    }

    @DatabaseTest
    void retryRunsEachAttemptInAFreshTransaction(TestDatabase db) {
        LedgerApi api = facade(db).enhance(LedgerApi.class);
        TransactionContext ctx = TransactionContext.create();
        assertThat(api.recordAfterRetries(ctx, "r", 2)).isEqualTo(3);
        assertThat(api.sessions).hasSize(3).doesNotHaveDuplicates();
        assertThat(ledgerRows(db)).as("the failed attempts rolled back").isEqualTo(1);
        assertThat(ledgerRows(db, "r-3")).isEqualTo(1);
        assertThat(lastFacade.retryPolicyOf(method("recordAfterRetries")).metrics().retries()).isEqualTo(2);
    }

    private TransactionFacade lastFacade;

    private static java.lang.reflect.Method method(String name) {
        for (java.lang.reflect.Method m : LedgerApi.class.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @DatabaseTest
    void aRetryOnlyMethodRetriesOutsideTransactionsAndRefusesInsideOne(TestDatabase db) {
        TransactionFacade facade = facade(db);
        LedgerApi api = facade.enhance(LedgerApi.class);
        TransactionContext ctx = TransactionContext.create();
        assertThat(api.retriedWithoutTransaction(ctx)).isEqualTo(3);
        assertThatThrownBy(() -> facade.writer().run(ctx, s -> api.retriedWithoutTransaction(ctx)))
                .isInstanceOf(RetryInsideTransactionException.class)
                .hasMessageContaining("@Retry on dev.kiln.retry.facade.LedgerApi.retriedWithoutTransaction was asked "
                        + "to retry inside an already open transaction (writer() of woven");
    }

    @DatabaseTest
    void checkedExceptionsPassUnchangedAndRollBack(TestDatabase db) {
        LedgerApi api = facade(db).enhance(LedgerApi.class);
        TransactionContext ctx = TransactionContext.create();
        assertThatThrownBy(() -> api.failChecked(ctx, "x")).isExactlyInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(ledgerRows(db)).isZero();
    }

    @DatabaseTest
    void independentMethodsCommitOnTheirOwn(TestDatabase db) {
        TransactionFacade facade = facade(db);
        LedgerApi api = facade.enhance(LedgerApi.class);
        TransactionContext ctx = TransactionContext.create();
        assertThatThrownBy(() -> facade.writer().run(ctx, s -> {
            api.recordIndependently(ctx, "independent");
            Accounts.record(s, "outer");
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");
        assertThat(ledgerRows(db, "independent")).isEqualTo(1);
        assertThat(ledgerRows(db, "outer")).isZero();
    }

    @DatabaseTest(dev.kiln.fixtures.Backend.H2)
    void aNullContextIsNamed(TestDatabase db) {
        LedgerApi api = facade(db).enhance(LedgerApi.class);
        assertThatThrownBy(() -> api.record(null, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LedgerApi.record was called with a null TransactionContext (argument 1)");
    }

    @DatabaseTest(dev.kiln.fixtures.Backend.H2)
    void theGeneratedClassIsMadeOncePerFacadeAndType(TestDatabase db) {
        TransactionFacade facade = facade(db);
        assertThat(facade.enhance(LedgerApi.class).getClass()).isSameAs(facade.enhance(LedgerApi.class).getClass());
        assertThat(facade.enhance(LedgerApi.class)).isNotSameAs(facade.enhance(LedgerApi.class));
        assertThatThrownBy(() -> facade.retryPolicyOf(method("record"))).hasMessageContaining("has no @Retry woven by woven");
    }

    public static class FinalMethod {
        @Writer
        public final void write() {
        }
    }

    public static class TwoModes {
        @Writer
        @Reader
        public void both() {
        }
    }

    public static class NothingAnnotated {
        public void nothing() {
        }
    }

    static class NotPublic {
        @Writer
        public void write() {
        }
    }

    @Test
    void whatCannotBeWovenIsRefusedWithTheReason() {
        TransactionFacade facade = TransactionFacade.builder(
                (org.hibernate.SessionFactory) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.hibernate.SessionFactory.class}, (p, m, a) -> {
                            throw new UnsupportedOperationException("not used: weaving opens no session");
                        })).build();
        assertThatThrownBy(() -> facade.enhance(FinalMethod.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FinalMethod.write: annotated methods must be public or protected, and neither "
                        + "static nor final");
        assertThatThrownBy(() -> facade.enhance(TwoModes.class))
                .hasMessageContaining("TwoModes.both has more than one of @Writer, @Reader, @AsyncReader");
        assertThatThrownBy(() -> facade.enhance(NothingAnnotated.class))
                .hasMessageContaining("no method is annotated");
        assertThatThrownBy(() -> facade.enhance(NotPublic.class)).hasMessageContaining("must be a public");
    }
}

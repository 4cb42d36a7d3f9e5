package dev.kiln.retry.facade;

import dev.kiln.retry.policy.RetryRequest;
import org.hibernate.Session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain class written with the facade's annotations, for {@link AnnotationWeaverTest}. */
public class LedgerApi {
    final List<Session> sessions = new ArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();

    @Writer
    public void record(TransactionContext ctx, String txn) {
        Accounts.record(ctx.session(), txn);
    }

    /** No context parameter: the implicit one. */
    @Writer
    public void recordImplicitly(String txn) {
        Accounts.record(TransactionContext.implicit().session(), txn);
    }

    @Reader
    public long count(TransactionContext ctx) {
        return Accounts.ledgerRows(ctx.session());
    }

    /** Calls other annotated methods on this: they are woven too (no proxy self-invocation trap). */
    @Writer
    public long recordTwiceAndCount(String first, TransactionContext ctx, String second) {
        record(ctx, first);
        record(ctx, second);
        return count(ctx);
    }

    @Reader
    public void writeInsideRead(TransactionContext ctx) {
        record(ctx, "never");
    }

    @AsyncReader
    public long asyncCountThroughReaders(TransactionContext ctx) {
        return countAllowingAsync(ctx);
    }

    @AsyncReader
    public long asyncCountThroughPlainReader(TransactionContext ctx) {
        return count(ctx);
    }

    @Reader(allowAsync = true)
    public long countAllowingAsync(TransactionContext ctx) {
        return Accounts.ledgerRows(ctx.session());
    }

    @Writer
    @Retry(maxAttempts = 4, initialDelayMillis = 0, maxDelayMillis = 0)
    public int recordAfterRetries(TransactionContext ctx, String txn, int failures) {
        sessions.add(ctx.session());
        Accounts.record(ctx.session(), txn + "-" + attempts.incrementAndGet());
        if (attempts.get() <= failures) {
            throw new RetryRequest("attempt " + attempts.get() + " asks again");
        }
        return attempts.get();
    }

    @Retry(maxAttempts = 3, initialDelayMillis = 0, maxDelayMillis = 0)
    public int retriedWithoutTransaction(TransactionContext ctx) {
        if (attempts.incrementAndGet() < 3) {
            throw new RetryRequest("again");
        }
        return attempts.get();
    }

    @Writer
    public void failChecked(TransactionContext ctx, String txn) throws IOException {
        Accounts.record(ctx.session(), txn);
        throw new IOException("disk full");
    }

    @Writer(independent = true)
    public void recordIndependently(TransactionContext ctx, String txn) {
        Accounts.record(ctx.session(), txn);
    }

    /** Not annotated: runs as written. */
    public String plain() {
        return "plain";
    }
}

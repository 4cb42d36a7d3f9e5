package dev.kiln.retry.facade;

/**
 * A unit of work was nested inside another in a way the facade's rules forbid (oslo.db raises a {@code TypeError}
 * with the same first sentence). The message says what was nested inside what, and how to fix it.
 *
 * <pre>{@code
 * facade.reader().run(ctx, s -> facade.writer().run(ctx, s2 -> ...));
 * // TransactionNestingException: Can't upgrade a READER transaction to a WRITER mid-transaction: writer() was
 * // nested inside reader(). Declare the outer unit of work writer(), or run the inner one independent().
 * }</pre>
 */
public class TransactionNestingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TransactionNestingException(String message) {
        super(message);
    }
}

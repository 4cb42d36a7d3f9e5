package dev.kiln.retry.facade;

/**
 * What a unit of work declares itself to be, and so where it runs and how it ends.
 *
 * <pre>{@code
 * facade.writer()       // TransactionMode.WRITER: the primary; commits
 * facade.reader()       // TransactionMode.READER: a synchronous replica, else the primary; rolls back
 * facade.asyncReader()  // TransactionMode.ASYNC_READER: an asynchronous replica, else as READER; rolls back
 * }</pre>
 */
public enum TransactionMode {
    /** Writes: runs on the primary and commits. */
    WRITER("writer()"),
    /** Reads that must see the latest commits: a synchronous replica (e.g. Galera) or the primary; rolls back. */
    READER("reader()"),
    /** Reads that tolerate replication lag: an asynchronous replica; rolls back. */
    ASYNC_READER("asyncReader()");

    private final String declaration;

    TransactionMode(String declaration) {
        this.declaration = declaration;
    }

    /** How the mode is declared on a facade, e.g. {@code reader()}; used in error messages. */
    public String declaration() {
        return declaration;
    }

    /** The oslo.db name of the mode, e.g. {@code ASYNC_READER}; used in error messages. */
    String osloName() {
        return name();
    }

    /** "a READER" / "an ASYNC_READER", as oslo.db's messages say. */
    String withArticle() {
        return (this == ASYNC_READER ? "an " : "a ") + name();
    }
}

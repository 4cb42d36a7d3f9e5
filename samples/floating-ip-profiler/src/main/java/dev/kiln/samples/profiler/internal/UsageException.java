package dev.kiln.samples.profiler.internal;

/** A bad command line; the message says which option and what is expected. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

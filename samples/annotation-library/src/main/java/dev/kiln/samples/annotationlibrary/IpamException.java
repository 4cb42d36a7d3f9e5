package dev.kiln.samples.annotationlibrary;

/** A request the address manager refuses; {@link #reason()} says why, the message says what to do. */
public class IpamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        NO_FREE_ADDRESS, NOT_FOUND, NOT_ALLOWED, ASSOCIATED, NOT_ASSOCIATED
    }

    private final Reason reason;

    public IpamException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package dev.kiln.bulksave.internal;

/** A mapping bulk save cannot write; raised when the entity's plan is built, before any row is read. */
public final class UnsupportedMappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMappingException(String message) {
        super(message);
    }
}

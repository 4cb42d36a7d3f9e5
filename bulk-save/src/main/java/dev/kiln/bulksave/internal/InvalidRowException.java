package dev.kiln.bulksave.internal;

/** Thrown while reading a row that cannot be written (caught and reported with the row's position). */
public final class InvalidRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String attribute;

    public InvalidRowException(String attribute, String message) {
        super(message, null, false, false);
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}

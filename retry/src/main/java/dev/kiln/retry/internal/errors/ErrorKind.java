package dev.kiln.retry.internal.errors;

/** What a rule decided an error is; one value per Kiln exception class (constraint kinds separately). */
public enum ErrorKind {
    UNIQUE,
    FOREIGN_KEY,
    CHECK,
    NOT_NULL,
    CONSTRAINT_OTHER,
    DATA,
    DEADLOCK,
    LOCK_TIMEOUT,
    LOCK_OTHER,
    CONSISTENCY,
    CONNECTION,
    NON_EXISTENT_TABLE,
    NON_EXISTENT_DATABASE,
    NON_EXISTENT_CONSTRAINT,
    NOT_SUPPORTED,
    GRAMMAR,
    QUERY_TIMEOUT,
    ACCESS_DENIED,
    /** No rule recognised the error. */
    UNKNOWN
}

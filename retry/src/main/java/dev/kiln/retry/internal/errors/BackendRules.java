package dev.kiln.retry.internal.errors;

import java.sql.SQLException;

/** The rules of one backend: reads vendor codes, SQLStates, structured fields and messages into {@link ErrorFacts}. */
interface BackendRules {
    /**
     * Classifies {@code e}, leaving {@code f.kind} UNKNOWN if no rule applies. Must not throw for any input.
     *
     * @param state the first SQLState found in the exception chain, or null
     * @param message the driver's message (never null, possibly cut to a bounded length)
     */
    void classify(SQLException e, String state, String message, ErrorFacts f);

    /** Rules that recognise nothing: the standard rules alone decide. */
    BackendRules NONE = (e, state, message, f) -> { };
}

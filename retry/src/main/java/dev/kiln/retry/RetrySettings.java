package dev.kiln.retry;

/**
 * The {@code kiln.retry.*} settings, read from Hibernate's configuration (hibernate.properties, persistence.xml,
 * {@code StandardServiceRegistryBuilder.applySetting}, Spring's JPA properties).
 *
 * <pre>{@code
 * settings.put(RetrySettings.EXCEPTION_REWRITING, false);   // plain Hibernate exceptions for this SessionFactory
 * }</pre>
 */
public final class RetrySettings {
    /**
     * {@code kiln.retry.exception_rewriting}: rewrite every database error into a Kiln exception. Default
     * {@code true} as soon as {@code kiln-retry} is on the class path; {@code false} leaves Hibernate's conversion
     * untouched, statement errors and COMMIT/ROLLBACK errors alike.
     */
    public static final String EXCEPTION_REWRITING = "kiln.retry.exception_rewriting";

    /**
     * {@code kiln.retry.constraints_from_database}: besides the mapping, read the constraints of the current schema
     * from INFORMATION_SCHEMA once when the SessionFactory starts, for constraints the mapping does not declare
     * (unique indexes created by migration scripts). Default {@code false}: no extra query at startup.
     */
    public static final String CONSTRAINTS_FROM_DATABASE = "kiln.retry.constraints_from_database";

    private RetrySettings() {
    }
}

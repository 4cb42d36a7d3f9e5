package dev.kiln.softdelete;

/**
 * Hibernate settings read by Kiln soft delete. Kiln plugs itself in through Hibernate's service loader; an entity
 * model with neither Kiln annotations nor a {@link #CONFIGURATION} is left exactly as Hibernate maps it.
 *
 * <pre>{@code
 * Map<String, Object> settings = Map.of(SoftDeleteSettings.CONFIGURATION, config);
 * }</pre>
 */
public final class SoftDeleteSettings {
    /**
     * A {@link SoftDeleteConfiguration} instance, or the name of a class implementing
     * {@code java.util.function.Supplier<SoftDeleteConfiguration>} with a public no-argument constructor (for
     * {@code persistence.xml}).
     */
    public static final String CONFIGURATION = "kiln.soft_delete.configuration";

    /** {@code false} turns Kiln soft delete off for a SessionFactory even if entities carry its annotations. */
    public static final String ENABLED = "kiln.soft_delete.enabled";

    private SoftDeleteSettings() {
    }
}

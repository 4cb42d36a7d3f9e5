package dev.kiln.bundles;

/**
 * Hibernate settings read by Kiln bundles.
 *
 * <pre>{@code
 * SessionFactory sf = new Configuration()
 *         .addAnnotatedClass(FloatingIp.class) // ...
 *         .setProperty(BundleSettings.VIEWS, FloatingIpSummary.class.getName() + "," + FloatingIpRow.class.getName())
 *         .buildSessionFactory();   // fails here if a view names an attribute that does not exist
 * }</pre>
 */
public final class BundleSettings {
    /**
     * The {@link EntityView} types to validate when the SessionFactory starts: a collection of classes, or a
     * comma-separated list of class names. A view that does not match the mapping fails the startup with a message
     * naming the view, the accessor and the path.
     */
    public static final String VIEWS = "kiln.bundles.views";

    private BundleSettings() {
    }
}

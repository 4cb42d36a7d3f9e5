package dev.kiln.bundles;

/**
 * Thrown by a setter or any other mutating method of a bundle: bundles are read-only views, never flushed.
 *
 * <pre>{@code
 * FixedIp ip = Bundles.query(session, FixedIp.class).where("e.address = :a").parameter("a", "10.0.0.1").single();
 * ip.setHost("h2");   // ReadOnlyBundleException: FixedIp.host is read-only: ...
 * }</pre>
 *
 * To change the row, load the managed entity ({@code session.find(FixedIp.class, ip.getId())}) and change that.
 */
public class ReadOnlyBundleException extends BundleException {
    private static final long serialVersionUID = 1L;

    private final String method;

    public ReadOnlyBundleException(String entityName, String attribute, String method) {
        super(entityName, attribute, entityName + "." + (attribute != null ? attribute : method + "()")
                + " is read-only: " + entityName + " bundles are read-only views, " + method
                + "() cannot change them. Load the managed entity (session.find(" + entityName
                + ".class, id)) to change the row.");
        this.method = method;
    }

    /** The method that was called, e.g. {@code setHost}. */
    public String method() {
        return method;
    }
}

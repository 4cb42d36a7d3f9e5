package dev.kiln.bundles;

/**
 * Thrown when reading an attribute of a bundle needs a query (a lazy association, or an unselected attribute with
 * {@link BundleQuery#loadUnselectedLazily()}) but the session that read the bundle is closed, or the bundle was
 * deserialized and has no session.
 *
 * <pre>{@code
 * List<FixedIp> ips;
 * try (Session session = sessionFactory.openSession()) {
 *     ips = Bundles.query(session, FixedIp.class).list();
 * }
 * ips.get(0).getInstance();   // DetachedBundleException: FixedIp.instance is not loaded and ...
 * }</pre>
 *
 * Fetch the association in the query ({@link BundleQuery#fetch(String...)}), or read it before closing the session.
 */
public class DetachedBundleException extends BundleException {
    private static final long serialVersionUID = 1L;

    public DetachedBundleException(String entityName, String attribute, String why) {
        super(entityName, attribute, entityName + "." + attribute + " is not loaded and " + why
                + ". Fetch it in the query (fetch(\"" + attribute + "\")) or read it while the session is open.");
    }
}

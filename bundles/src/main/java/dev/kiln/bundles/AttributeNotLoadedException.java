package dev.kiln.bundles;

/**
 * Thrown when a getter of a column bundle reads an attribute that the query did not select.
 *
 * <pre>{@code
 * List<FixedIp> ips = Bundles.query(session, FixedIp.class).select(FixedIp_.address).list();
 * ips.get(0).getAddress();   // loaded
 * ips.get(0).getHost();      // AttributeNotLoadedException: FixedIp.host was not loaded ...
 * }</pre>
 *
 * Select the attribute, or let the bundles load unselected attributes on first access with
 * {@link BundleQuery#loadUnselectedLazily()}.
 */
public class AttributeNotLoadedException extends BundleException {
    private static final long serialVersionUID = 1L;

    public AttributeNotLoadedException(String entityName, String attribute, String loaded) {
        super(entityName, attribute, entityName + "." + attribute + " was not loaded: this " + entityName
                + " bundle holds only " + loaded + ". Add it to select(...) or call loadUnselectedLazily() on the query.");
    }
}

package dev.kiln.bundles;

/**
 * Base class of the errors a bundle raises when it is used in a way it cannot answer. Each names the entity and,
 * where there is one, the attribute.
 *
 * <pre>{@code
 * try {
 *     ip.getHost();
 * } catch (BundleException e) {
 *     log.warn("{}.{}: {}", e.entityName(), e.attribute(), e.getMessage());
 * }
 * }</pre>
 */
public class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String entityName;
    private final String attribute;

    public BundleException(String entityName, String attribute, String message) {
        super(message);
        this.entityName = entityName;
        this.attribute = attribute;
    }

    public BundleException(String entityName, String attribute, String message, Throwable cause) {
        super(message, cause);
        this.entityName = entityName;
        this.attribute = attribute;
    }

    /** The entity the bundle views, e.g. {@code FixedIp}. */
    public String entityName() {
        return entityName;
    }

    /** The attribute concerned, e.g. {@code host}; null if the error concerns no single attribute. */
    public String attribute() {
        return attribute;
    }
}

package dev.kiln.bakedquery;

/**
 * Thrown when a part of a baked query is a lambda (or object) that holds state: captured local variables, or
 * {@code this}. A baked query's lambdas run once per call site and their result is reused by every later call, so a
 * captured value would freeze into the cached query and later calls would silently see the first call's value. The
 * message names the call site, the captured variables and the parameter form to use instead:
 *
 * <pre>{@code
 * // refused: 'address' is captured
 * bakery.hql(FloatingIp.class, () -> "from FloatingIp where address = '" + address + "'");
 * // the parameter form
 * bakery.hql(FloatingIp.class, () -> "from FloatingIp where address = :address").on(session).param("address", address);
 * }</pre>
 *
 * Parts that really differ per call may capture after {@link BakedQuery#spoil()}; they then run on every call.
 */
public class CapturedStateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CapturedStateException(String message) {
        super(message);
    }
}

package dev.kiln.bundles;

import dev.kiln.bundles.internal.BundleEngine;
import dev.kiln.bundles.internal.BundleObject;
import org.hibernate.SharedSessionContract;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The entry point of Kiln bundles: read-only views of entities, read straight from the JDBC results without the
 * persistence context.
 *
 * <p>A bundle <em>is</em> an instance of the entity class (a subclass generated once per type), so code written
 * against the entity reads it unchanged; but it is not managed, never dirty-checked or flushed, and its setters throw
 * {@link ReadOnlyBundleException}. To-one associations and collections load lazily as bundles too, with one query
 * for all bundles of a result; to-ones can also be fetched in the same query.
 *
 * <pre>{@code
 * try (Session session = sessionFactory.openSession()) {
 *     List<FixedIp> ips = Bundles.query(session, FixedIp.class)
 *             .where("e.host = :host").parameter("host", "compute-1")
 *             .fetch("instance")                    // left join, same query
 *             .list();
 *     String vm = ips.get(0).getInstance().getHostname();
 *
 *     List<FixedIp> slim = Bundles.query(session, FixedIp.class)
 *             .select(FixedIp::getAddress)          // column bundle: id + address only
 *             .list();
 * }
 * }</pre>
 *
 * Works with a {@code Session} or a {@code StatelessSession} (for an {@code EntityManager}, pass
 * {@code em.unwrap(Session.class)}).
 */
public final class Bundles {
    private Bundles() {
    }

    /** Starts a query of {@code type} bundles on a session. */
    public static <E> BundleQuery<E> query(SharedSessionContract session, Class<E> type) {
        SharedSessionContractImplementor s = implementor(session);
        return new BundleQuery<>(s, BundleEngine.of(s.getFactory()), type);
    }

    /**
     * Starts a query of {@link EntityView}s (an interface or a record mapping entity attributes), reading exactly the
     * columns the view needs.
     */
    public static <V> ViewQuery<V> view(SharedSessionContract session, Class<V> viewType) {
        SharedSessionContractImplementor s = implementor(session);
        return new ViewQuery<>(s, BundleEngine.of(s.getFactory()), viewType);
    }

    /** Whether {@code object} is a bundle (as opposed to a managed or detached entity, or anything else). */
    public static boolean isBundle(Object object) {
        return object instanceof BundleObject;
    }

    /**
     * Whether a bundle holds {@code attribute} without a further query: a selected column, or an association that
     * was fetched or already loaded.
     *
     * @throws IllegalArgumentException if {@code bundle} is not a bundle or has no such attribute
     */
    public static boolean isLoaded(Object bundle, String attribute) {
        if (!(bundle instanceof BundleObject b)) {
            throw new IllegalArgumentException("Not a bundle: " + (bundle == null ? "null" : bundle.getClass().getName()));
        }
        return dev.kiln.bundles.internal.BundleInspector.isLoaded(b, attribute);
    }

    static SharedSessionContractImplementor implementor(SharedSessionContract session) {
        if (session instanceof SharedSessionContractImplementor s) {
            return s;
        }
        throw new IllegalArgumentException("Not a Hibernate session: " + session.getClass().getName()
                + "; pass a Session or StatelessSession (em.unwrap(Session.class) for an EntityManager).");
    }
}

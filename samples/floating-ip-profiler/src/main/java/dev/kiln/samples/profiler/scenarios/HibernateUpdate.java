package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.SoftDelete;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.List;

/**
 * floating_ip_update on Hibernate, assembled from a {@link Lookup} ({@code _floating_ip_get_by_address}) and a
 * {@link Save}, so that every Hibernate scenario runs the same transaction around them: open a session, set its
 * soft-delete context (if any), begin, look up, apply nova_poc's values, save, commit, close.
 */
final class HibernateUpdate {
    /** {@code _floating_ip_get_by_address}: the managed floating IP with that address. */
    @FunctionalInterface
    interface Lookup {
        FloatingIp find(Session session, String address);
    }

    /** How the change reaches the database before the commit. */
    @FunctionalInterface
    interface Save {
        void save(Session session, FloatingIp ip);
    }

    /** nova_poc's default: eager join of {@code fixed_ip.instance}, {@code .first()}. */
    static final Lookup EAGER_FIRST = (session, address) -> {
        List<FloatingIp> found = session.createSelectionQuery(
                        "from FloatingIp f left join fetch f.fixedIp fi left join fetch fi.instance where f.address = :address",
                        FloatingIp.class)
                .setParameter("address", address)
                .setMaxResults(1)
                .getResultList();
        if (found.isEmpty()) {
            throw FloatingIpRows.missing(address);
        }
        return found.get(0);
    };

    /** nova_poc's default_optimized: no eager load, {@code .one()}. */
    static final Lookup ONE = (session, address) -> session
            .createSelectionQuery("from FloatingIp where address = :address", FloatingIp.class)
            .setParameter("address", address)
            .getSingleResult();

    /** {@code session.add(obj); session.flush()}. */
    static final Save PERSIST_AND_FLUSH = (session, ip) -> {
        session.persist(ip);   // a no-op for a managed entity, as session.add() in nova_poc
        session.flush();
    };

    private HibernateUpdate() {
    }

    /**
     * @param context   the soft-delete context of each session, or null for none
     * @param flushMode the sessions' flush mode; MANUAL when the {@code save} writes the entity itself, so that the
     *                  commit does not flush a second time
     */
    static Operation operation(SessionFactory sf, CriteriaContext context, FlushMode flushMode, Lookup lookup, Save save) {
        return input -> {
            try (Session session = sf.openSession()) {
                if (context != null) {
                    SoftDelete.setContext(session, context);
                }
                session.setHibernateFlushMode(flushMode);
                session.getTransaction().begin();
                try {
                    FloatingIp ip = lookup.find(session, input.address());
                    input.values().applyTo(ip);
                    save.save(session, ip);
                    session.getTransaction().commit();
                } catch (RuntimeException e) {
                    if (session.getTransaction().isActive()) {
                        session.getTransaction().rollback();
                    }
                    throw e;
                }
            }
        };
    }
}

package dev.kiln.benchmarks.baked;

import dev.kiln.bakedquery.Bakery;
import dev.kiln.benchmarks.NovaBench;
import dev.kiln.benchmarks.lookup.LookupWorkload;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;

import java.sql.SQLException;

/**
 * "Find one FloatingIp by address" (10,000 rows, {@link NovaBench}), each contender opening its unit of work from the
 * same pool, running one query, and returning the entity (or the mapped row):
 * <ul>
 *   <li>{@link #baked}: a Kiln baked query, {@code from FloatingIp where address = :address};</li>
 *   <li>{@link #hql}: the same HQL string through {@code createSelectionQuery} (Hibernate's plan cache on);</li>
 *   <li>{@link #criteria}: the same query built per call with the criteria API, native bootstrap;</li>
 *   <li>{@link #criteriaJpa}: the same, on a JPA-bootstrapped SessionFactory (criteria trees copied per query,
 *       JPA's {@code copy_tree} default), through an {@code EntityManager};</li>
 *   <li>{@link #jdbc} and {@link #jdbi}: raw JDBC and Jdbi mapping the same 12 columns (from {@link LookupWorkload}).</li>
 * </ul>
 */
public final class BakedWorkload implements AutoCloseable {
    private static final String HQL = "from FloatingIp where address = :address";

    private final LookupWorkload lookup;
    private final NovaBench bench;
    private final SessionFactory jpa;
    private final Bakery bakery = Bakery.create();

    public BakedWorkload(Backend backend) {
        this.bench = NovaBench.builder(backend).build();
        this.lookup = new LookupWorkload(bench);
        try {
            this.jpa = HibernateBootstrap.on(bench.dataSource(), backend).schema(HibernateBootstrap.Schema.NONE)
                    .entities(NovaModel.ENTITIES).mode(HibernateBootstrap.Mode.JPA).build();
            bench.database().register(jpa);
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    public String nextAddress() {
        return lookup.nextAddress();
    }

    /** A cursor of its own for a thread (cursors are not thread-safe). */
    public NovaBench.AddressCursor cursor(long seed) {
        return bench.addresses(seed);
    }

    public Bakery bakery() {
        return bakery;
    }

    public FloatingIp baked(String address) {
        try (Session session = bench.sessionFactory().openSession()) {
            return bakery.hql(FloatingIp.class, () -> HQL).on(session).param("address", address).single();
        }
    }

    public FloatingIp hql(String address) {
        return lookup.hql(address);
    }

    /** A session kept open by the caller: isolates the per-query cost from opening and closing sessions. */
    public Session openSession() {
        return bench.sessionFactory().openSession();
    }

    /** {@link #baked} in an open session, cleared first so that the row is loaded, not found in the identity map. */
    public FloatingIp bakedIn(Session session, String address) {
        session.clear();
        return bakery.hql(FloatingIp.class, () -> HQL).on(session).param("address", address).single();
    }

    /** {@link #hql} in an open session, cleared first. */
    public FloatingIp hqlIn(Session session, String address) {
        session.clear();
        return session.createSelectionQuery(HQL, FloatingIp.class).setParameter("address", address).getSingleResult();
    }

    public FloatingIp criteria(String address) {
        try (Session session = bench.sessionFactory().openSession()) {
            return session.createSelectionQuery(byAddress(session.getCriteriaBuilder()))
                    .setParameter("address", address).getSingleResult();
        }
    }

    public FloatingIp criteriaJpa(String address) {
        EntityManager em = jpa.createEntityManager();
        try {
            HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) em.getCriteriaBuilder();
            return em.createQuery(byAddress(cb)).setParameter("address", address).getSingleResult();
        } finally {
            em.close();
        }
    }

    private static JpaCriteriaQuery<FloatingIp> byAddress(HibernateCriteriaBuilder cb) {
        JpaCriteriaQuery<FloatingIp> q = cb.createQuery(FloatingIp.class);
        JpaRoot<FloatingIp> f = q.from(FloatingIp.class);
        return q.where(cb.equal(f.get("address"), cb.parameter(String.class, "address")));
    }

    public FloatingIp jdbc(String address) throws SQLException {
        return lookup.jdbc(address);
    }

    public FloatingIp jdbi(String address) {
        return lookup.jdbi(address);
    }

    @Override
    public void close() {
        lookup.close();
    }
}

package dev.kiln.benchmarks.softdelete;

import dev.kiln.benchmarks.NovaBench;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.SoftDelete;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteSettings;
import dev.kiln.softdelete.SoftDeleteStyle;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

import java.util.List;

/**
 * "Look up one FloatingIp by address among live rows", three ways, each with its own SessionFactory on the same pool
 * and data ({@link NovaBench}, 10,000 floating IPs), each opening a Session, running one HQL query, returning the row:
 * <ul>
 *   <li>{@link #criteria}: Kiln soft delete registered for the Nova model (Nova style on every entity, floating IPs
 *       scoped by project with allow_none), the session's context set to read_deleted NO as admin, and the query
 *       {@code from FloatingIp where address = :address}; Kiln adds {@code deleted = 0};</li>
 *   <li>{@link #handWhere}: plain Hibernate with {@code and deleted = 0} written in the query;</li>
 *   <li>{@link #filter}: plain Hibernate with the same criterion as a {@code @Filter} enabled on the session; the
 *       Nova entities carry no filter, so it is added to the unchanged {@code FloatingIp} class by
 *       {@code floating-ip-filter.orm.xml} (JPA bootstrap, which reads {@code hibernate.orm_xml_files}).</li>
 * </ul>
 * All three send equivalent SQL (the same predicates; the order of the two conditions differs).
 */
public final class CriteriaWorkload implements AutoCloseable {
    static final String KILN_HQL = "from FloatingIp where address = :address";
    static final String HAND_HQL = "from FloatingIp where address = :address and deleted = 0";
    static final String FILTER = "live";
    static final String ORM_XML = "dev/kiln/benchmarks/softdelete/floating-ip-filter.orm.xml";

    /** Kiln's registration of the shared Nova model (it cannot carry Kiln annotations). */
    public static SoftDeleteConfiguration novaConfiguration() {
        return SoftDeleteConfiguration.builder()
                .softDelete(NovaBase.class, SoftDeleteStyle.nova())
                .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone())
                .build();
    }

    private static final CriteriaContext CONTEXT = CriteriaContext.admin();

    private final NovaBench bench;
    private final SessionFactory kiln;
    private final SessionFactory filtered;
    private final NovaBench.AddressCursor addresses;

    public CriteriaWorkload(Backend backend) {
        this.bench = NovaBench.builder(backend).build();
        try {
            // Same pool as the plain SessionFactory, uncounted: the contenders differ only in what Hibernate does.
            this.kiln = HibernateBootstrap.on(bench.dataSource(), backend).schema(HibernateBootstrap.Schema.NONE)
                    .entities(NovaModel.ENTITIES)
                    .setting(SoftDeleteSettings.CONFIGURATION, novaConfiguration())
                    .build();
            bench.database().register(kiln);
            this.filtered = HibernateBootstrap.on(bench.dataSource(), backend).schema(HibernateBootstrap.Schema.NONE)
                    .entities(NovaModel.ENTITIES).mode(HibernateBootstrap.Mode.JPA)
                    .setting(AvailableSettings.ORM_XML_FILES, List.of(ORM_XML))
                    .build();
            bench.database().register(filtered);
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
        this.addresses = bench.addresses(11);
    }

    public String nextAddress() {
        return addresses.next();
    }

    public NovaBench bench() {
        return bench;
    }

    public FloatingIp criteria(String address) {
        try (Session session = kiln.openSession()) {
            SoftDelete.setContext(session, CONTEXT);
            return session.createSelectionQuery(KILN_HQL, FloatingIp.class).setParameter("address", address).getSingleResultOrNull();
        }
    }

    public FloatingIp handWhere(String address) {
        try (Session session = bench.sessionFactory().openSession()) {
            return session.createSelectionQuery(HAND_HQL, FloatingIp.class).setParameter("address", address).getSingleResultOrNull();
        }
    }

    public FloatingIp filter(String address) {
        try (Session session = filtered.openSession()) {
            session.enableFilter(FILTER);
            return session.createSelectionQuery(KILN_HQL, FloatingIp.class).setParameter("address", address).getSingleResultOrNull();
        }
    }

    @Override
    public void close() {
        bench.close();
    }
}

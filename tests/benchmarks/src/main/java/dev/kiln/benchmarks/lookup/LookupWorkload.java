package dev.kiln.benchmarks.lookup;

import dev.kiln.benchmarks.NovaBench;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIpJdbc;
import org.hibernate.Session;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * "Load one FloatingIp by address", three ways, each opening its unit of work (Session / Handle / Connection) from the
 * same pool, running one query, and returning a {@link FloatingIp}:
 * <ul>
 *   <li>{@link #hql}: plain Hibernate, an HQL string (query plan cache on, as by default);</li>
 *   <li>{@link #jdbc}: raw JDBC, mapping the row by column index;</li>
 *   <li>{@link #jdbi}: Jdbi 3 with the same row mapper.</li>
 * </ul>
 * All three read the same 12 columns; the JDBC and Jdbi rows point at a {@link FixedIp} reference holding only its id,
 * as Hibernate's lazy proxy does.
 */
public final class LookupWorkload implements AutoCloseable {
    static final String HQL = "from FloatingIp where address = :address";
    static final String SQL = FloatingIpJdbc.SELECT_BY_ADDRESS;

    private static final RowMapper<FloatingIp> JDBI_MAPPER = (rs, ctx) -> map(rs);

    private final NovaBench bench;
    private final NovaBench.AddressCursor addresses;

    public LookupWorkload(Backend backend) {
        this(NovaBench.builder(backend).build());
    }

    /** The three contenders over an existing bench (closed with this workload), for suites that add contenders. */
    public LookupWorkload(NovaBench bench) {
        this.bench = bench;
        this.addresses = bench.addresses(7);
    }

    public NovaBench bench() {
        return bench;
    }

    public String nextAddress() {
        return addresses.next();
    }

    public FloatingIp hql(String address) {
        try (Session session = bench.sessionFactory().openSession()) {
            return session.createSelectionQuery(HQL, FloatingIp.class).setParameter("address", address).getSingleResult();
        }
    }

    public FloatingIp jdbc(String address) throws SQLException {
        try (Connection c = bench.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No floating IP " + address);
                }
                return map(rs);
            }
        }
    }

    public FloatingIp jdbi(String address) {
        return bench.jdbi().withHandle(h -> h.createQuery(SQL).bind(0, address).map(JDBI_MAPPER).one());
    }

    static FloatingIp map(ResultSet rs) throws SQLException {
        return FloatingIpJdbc.map(rs);
    }

    @Override
    public void close() {
        bench.close();
    }
}

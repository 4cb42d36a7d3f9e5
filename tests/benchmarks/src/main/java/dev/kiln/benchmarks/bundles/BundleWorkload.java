package dev.kiln.benchmarks.bundles;

import dev.kiln.benchmarks.NovaBench;
import dev.kiln.bundles.Bundles;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * "Read all 10,000 FixedIps", seven ways, on one pool and data set ({@link NovaBench} with 10,000 fixed IPs, each
 * with its instance). Every contender opens what it needs (Session, StatelessSession, Jdbi handle or connection),
 * reads every column of every row into objects, and returns them:
 * <ul>
 *   <li>{@link #bundles}: {@code Bundles.query(session, FixedIp.class).list()}, read-only FixedIp views;</li>
 *   <li>{@link #managed}: {@code from FixedIp} as managed entities;</li>
 *   <li>{@link #readOnly}: the same with {@code setReadOnly(true)};</li>
 *   <li>{@link #stateless}: the same on a {@code StatelessSession};</li>
 *   <li>{@link #record}: {@code select new FixedIpRow(...)};</li>
 *   <li>{@link #jdbi}: Jdbi with a hand-written row mapper to {@link FixedIpRow};</li>
 *   <li>{@link #jdbc}: a prepared statement and a loop building {@link FixedIpRow}s.</li>
 * </ul>
 * The Nova mapping makes the managed contenders also load each FixedIp's Instance: {@code fixed_ips.instance_uuid}
 * references {@code instances.uuid}, not the primary key, and Hibernate cannot proxy such a to-one, so it loads it
 * (a bundle keeps it lazy). {@link #floatingBundles} and {@link #floatingManaged} read the 10,000 FloatingIps instead,
 * whose to-one references a primary key and stays a lazy proxy: the comparison without that effect.
 */
public final class BundleWorkload implements AutoCloseable {
    public static final int ROWS = 10_000;

    private final NovaBench bench;
    private final SessionFactory sf;

    public BundleWorkload(Backend backend) {
        this(backend, ROWS);
    }

    public BundleWorkload(Backend backend, int rows) {
        this.bench = NovaBench.builder(backend).fixedIps(rows).floatingIps(rows).build();
        this.sf = bench.sessionFactory();
    }

    public NovaBench bench() {
        return bench;
    }

    public List<FixedIp> bundles() {
        try (Session session = sf.openSession()) {
            return Bundles.query(session, FixedIp.class).list();
        }
    }

    public List<FloatingIp> floatingBundles() {
        try (Session session = sf.openSession()) {
            return Bundles.query(session, FloatingIp.class).list();
        }
    }

    public List<FloatingIp> floatingManaged() {
        try (Session session = sf.openSession()) {
            return session.createSelectionQuery("from FloatingIp", FloatingIp.class).list();
        }
    }

    public List<FixedIp> managed() {
        try (Session session = sf.openSession()) {
            return session.createSelectionQuery("from FixedIp", FixedIp.class).list();
        }
    }

    public List<FixedIp> readOnly() {
        try (Session session = sf.openSession()) {
            return session.createSelectionQuery("from FixedIp", FixedIp.class).setReadOnly(true).list();
        }
    }

    public List<FixedIp> stateless() {
        try (StatelessSession session = sf.openStatelessSession()) {
            return session.createSelectionQuery("from FixedIp", FixedIp.class).list();
        }
    }

    public List<FixedIpRow> record() {
        try (Session session = sf.openSession()) {
            return session.createSelectionQuery(FixedIpRow.HQL, FixedIpRow.class).list();
        }
    }

    public List<FixedIpRow> jdbi() {
        try (Handle handle = bench.jdbi().open()) {
            return handle.createQuery(FixedIpRow.SQL).map((rs, ctx) -> row(rs)).list();
        }
    }

    public List<FixedIpRow> jdbc() throws SQLException {
        try (Connection c = bench.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(FixedIpRow.SQL);
             ResultSet rs = ps.executeQuery()) {
            List<FixedIpRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs));
            }
            return rows;
        }
    }

    private static FixedIpRow row(ResultSet rs) throws SQLException {
        return new FixedIpRow(rs.getLong(1), rs.getString(2), integer(rs, 3), integer(rs, 4), rs.getString(5),
                rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9),
                rs.getObject(10, LocalDateTime.class), rs.getObject(11, LocalDateTime.class),
                rs.getObject(12, LocalDateTime.class), rs.getLong(13));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void close() {
        bench.close();
    }
}

package dev.kiln.benchmarks.bulk;

import dev.kiln.benchmarks.NovaBench;
import dev.kiln.bulksave.BulkSave;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.FloatingIpValues;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Insert 10,000 new FloatingIps, and update 10,000 changed FloatingIps, with five contenders on one pool:
 * <ul>
 *   <li><b>kiln</b>: {@link BulkSave} (a {@code StatelessSession} for inserts; for updates a {@code Session} that loads
 *       the rows, changes them and writes them with {@code BulkSave.update}, with flush mode MANUAL since nothing is
 *       left to flush);</li>
 *   <li><b>persist</b>: {@code session.persist} + commit (flush) on a SessionFactory with {@code batch_size=100},
 *       {@code order_inserts} and {@code order_updates}; updates load, change and commit;</li>
 *   <li><b>stateless</b>: {@code StatelessSession.insertMultiple} / {@code updateMultiple} (same settings);</li>
 *   <li><b>jdbi</b>: a Jdbi {@code PreparedBatch};</li>
 *   <li><b>jdbc</b>: raw JDBC {@code addBatch}, {@code executeBatch} every 1,000 rows, with the driver's default
 *       settings (no {@code rewriteBatchedStatements}).</li>
 * </ul>
 * Every insert contender writes the same 12 columns and takes its ids from {@code floating_ips_seq} one call per 50
 * rows (Hibernate's pooled optimizer; the raw contenders do the same), in one transaction. Every update contender
 * loads the 10,000 rows (one query; the raw contenders their ids) and writes the values nova_poc's
 * {@code floating_ip_update} writes plus {@code updated_at}. Insert variants start from an emptied table (untimed).
 */
public final class BulkWorkload implements AutoCloseable {
    public static final int ROWS = 10_000;
    static final String INSERT_SQL = "insert into floating_ips (id,address,auto_assigned,created_at,deleted,deleted_at,"
            + "fixed_ip_id,host,interface,pool,project_id,updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String UPDATE_SQL = "update floating_ips set auto_assigned=?,fixed_ip_id=?,host=?,interface=?,pool=?,"
            + "project_id=?,updated_at=? where id=?";

    private final NovaBench bench;
    private final SessionFactory batched;
    private final String nextIdSql;
    private final SplittableRandom random = new SplittableRandom(23);
    private int generation;

    public BulkWorkload(Backend backend, boolean withRows) {
        this.bench = NovaBench.builder(backend).floatingIps(withRows ? ROWS : 1).build();
        try {
            this.batched = HibernateBootstrap.on(bench.dataSource(), backend).schema(HibernateBootstrap.Schema.NONE)
                    .entities(NovaModel.ENTITIES)
                    .setting(AvailableSettings.STATEMENT_BATCH_SIZE, 100)
                    .setting(AvailableSettings.ORDER_INSERTS, true)
                    .setting(AvailableSettings.ORDER_UPDATES, true)
                    .build();
            bench.database().register(batched);
            this.nextIdSql = batched.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                    .getSequenceSupport().getSequenceNextValString("floating_ips_seq");
            if (!withRows) {
                emptyTable();
            }
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    public NovaBench bench() {
        return bench;
    }

    // ---- inserts ----

    /** Untimed: empties the table and returns 10,000 new FloatingIps. */
    public List<FloatingIp> prepareInsert() {
        emptyTable();
        generation++;
        List<FloatingIp> ips = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            FloatingIp ip = new FloatingIp();
            ip.setAddress("10." + (generation % 200) + "." + (i / 250) + "." + (i % 250));
            ip.setProjectId("fake_project_" + (i % 100));
            ip.setHost(i % 2 == 0 ? "host" + i : null);
            ip.setPool(FloatingIpValues.POOL);
            ip.setInterface("eth" + (i % 4));
            ips.add(ip);
        }
        return ips;
    }

    public void emptyTable() {
        try (Connection c = bench.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from floating_ips");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int kilnInsert(List<FloatingIp> ips) {
        try (StatelessSession s = bench.sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            int n = BulkSave.insert(s, ips);
            s.getTransaction().commit();
            return n;
        }
    }

    public int persistInsert(List<FloatingIp> ips) {
        try (Session s = batched.openSession()) {
            s.getTransaction().begin();
            for (FloatingIp ip : ips) {
                s.persist(ip);
            }
            s.getTransaction().commit();
            return ips.size();
        }
    }

    public int statelessInsert(List<FloatingIp> ips) {
        try (StatelessSession s = batched.openStatelessSession()) {
            s.getTransaction().begin();
            s.insertMultiple(ips);
            s.getTransaction().commit();
            return ips.size();
        }
    }

    public int jdbcInsert(List<FloatingIp> ips) throws SQLException {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        try (Connection c = bench.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT_SQL); PreparedStatement seq = c.prepareStatement(nextIdSql)) {
                long id = 0;
                for (int i = 0; i < ips.size(); i++) {
                    if (i % 50 == 0) {
                        id = nextBlock(seq);
                    }
                    FloatingIp ip = ips.get(i);
                    ps.setLong(1, id + i % 50);
                    ps.setString(2, ip.getAddress());
                    ps.setBoolean(3, false);
                    ps.setTimestamp(4, now);
                    ps.setLong(5, 0L);
                    ps.setNull(6, Types.TIMESTAMP);
                    ps.setNull(7, Types.BIGINT);
                    ps.setString(8, ip.getHost());
                    ps.setString(9, ip.getInterface());
                    ps.setString(10, ip.getPool());
                    ps.setString(11, ip.getProjectId());
                    ps.setTimestamp(12, now);
                    ps.addBatch();
                    if ((i + 1) % 1_000 == 0 || i == ips.size() - 1) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return ips.size();
    }

    public int jdbiInsert(List<FloatingIp> ips) {
        LocalDateTime now = LocalDateTime.now();
        return bench.jdbi().inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT_SQL.replace("?,?,?,?,?,?,?,?,?,?,?,?",
                    ":id,:address,false,:now,0,null,null,:host,:iface,:pool,:project,:now"));
            long id = 0;
            for (int i = 0; i < ips.size(); i++) {
                if (i % 50 == 0) {
                    id = h.createQuery(nextIdSql).mapTo(Long.class).one();
                }
                FloatingIp ip = ips.get(i);
                batch.bind("id", id + i % 50).bind("address", ip.getAddress()).bind("now", now)
                        .bind("host", ip.getHost()).bind("iface", ip.getInterface()).bind("pool", ip.getPool())
                        .bind("project", ip.getProjectId()).add();
            }
            return batch.execute().length;
        });
    }

    private static long nextBlock(PreparedStatement seq) throws SQLException {
        try (ResultSet rs = seq.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- updates ----

    public int kilnUpdate() {
        try (Session s = bench.sessionFactory().openSession()) {
            s.setHibernateFlushMode(FlushMode.MANUAL);
            s.getTransaction().begin();
            List<FloatingIp> ips = loadAndChange(s);
            int n = BulkSave.update(s, ips);
            s.getTransaction().commit();
            return n;
        }
    }

    public int persistUpdate() {
        try (Session s = batched.openSession()) {
            s.getTransaction().begin();
            List<FloatingIp> ips = loadAndChange(s);
            s.getTransaction().commit();
            return ips.size();
        }
    }

    public int statelessUpdate() {
        try (StatelessSession s = batched.openStatelessSession()) {
            s.getTransaction().begin();
            List<FloatingIp> ips = s.createSelectionQuery("from FloatingIp", FloatingIp.class).getResultList();
            FloatingIpValues values = FloatingIpValues.random(random);
            for (FloatingIp ip : ips) {
                values.applyTo(ip);
                ip.setUpdatedAt(LocalDateTime.now());
            }
            s.updateMultiple(ips);
            s.getTransaction().commit();
            return ips.size();
        }
    }

    public int jdbcUpdate() throws SQLException {
        FloatingIpValues values = FloatingIpValues.random(random);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        int n = 0;
        try (Connection c = bench.dataSource().getConnection()) {
            c.setAutoCommit(false);
            List<Long> ids = new ArrayList<>(ROWS);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from floating_ips")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE_SQL)) {
                for (long id : ids) {
                    ps.setBoolean(1, false);
                    ps.setNull(2, Types.BIGINT);
                    ps.setString(3, values.host());
                    ps.setString(4, values.interfaceName());
                    ps.setString(5, FloatingIpValues.POOL);
                    ps.setString(6, values.projectId());
                    ps.setTimestamp(7, now);
                    ps.setLong(8, id);
                    ps.addBatch();
                    if (++n % 1_000 == 0 || n == ids.size()) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return n;
    }

    private List<FloatingIp> loadAndChange(Session s) {
        List<FloatingIp> ips = s.createSelectionQuery("from FloatingIp", FloatingIp.class).getResultList();
        FloatingIpValues values = FloatingIpValues.random(random);
        for (FloatingIp ip : ips) {
            values.applyTo(ip);
        }
        return ips;
    }

    @Override
    public void close() {
        bench.close();
    }
}

package dev.kiln.softdelete.testing;

import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.Instance;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteSettings;
import dev.kiln.softdelete.SoftDeleteStyle;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A small, hand-made Nova data set with live and deleted rows in projects A and B (and floating IPs of no project),
 * held twice: in the database, and here in Java, so that tests compute the rows a context must see without asking
 * Kiln. The shared Nova model carries no Kiln annotation; it is registered with {@link #configuration()}.
 *
 * <pre>
 * instances   id project deleted host   uuid
 *             1  A       -       h1     u1
 *             2  A       yes     h2     u2
 *             3  B       -       h1     u3
 *             4  B       yes     h3     u4
 * fixed_ips   id instance deleted address
 *             1  1        -       10.0.0.1
 *             2  1        yes     10.0.0.2
 *             3  2        -       10.0.0.3
 *             4  3        -       10.0.0.4
 *             5  4        yes     10.0.0.5
 *             6  (none)   -       10.0.0.6
 * floating_ips id project fixed deleted
 *             1  A       1     -
 *             2  A       2     -
 *             3  A       3     yes
 *             4  B       4     -
 *             5  B       5     yes
 *             6  (none)  1     -
 *             7  (none)  -     yes
 *             8  A       4     -
 *             9  B       6     -
 *             10 A       -     -
 * </pre>
 */
public final class NovaWorld {
    public static final String A = "A";
    public static final String B = "B";
    public static final LocalDateTime DELETED_AT = LocalDateTime.of(2020, 1, 2, 3, 4, 5);

    /** An instance row. */
    public record InstanceRow(long id, String project, boolean deleted, String host, String uuid) {
    }

    /** A fixed IP row; {@code instance} is the instance id or null. */
    public record FixedRow(long id, Long instance, boolean deleted, String address, String host) {
    }

    /** A floating IP row; {@code fixed} is the fixed IP id or null. */
    public record FloatingRow(long id, String project, Long fixed, boolean deleted, String address, String host,
                              String pool) {
    }

    public static final List<InstanceRow> INSTANCES = List.of(
            new InstanceRow(1, A, false, "h1", "u1"),
            new InstanceRow(2, A, true, "h2", "u2"),
            new InstanceRow(3, B, false, "h1", "u3"),
            new InstanceRow(4, B, true, "h3", "u4"));

    public static final List<FixedRow> FIXED = List.of(
            new FixedRow(1, 1L, false, "10.0.0.1", "net1"),
            new FixedRow(2, 1L, true, "10.0.0.2", "net1"),
            new FixedRow(3, 2L, false, "10.0.0.3", "net2"),
            new FixedRow(4, 3L, false, "10.0.0.4", "net1"),
            new FixedRow(5, 4L, true, "10.0.0.5", "net2"),
            new FixedRow(6, null, false, "10.0.0.6", "net2"));

    public static final List<FloatingRow> FLOATING = List.of(
            new FloatingRow(1, A, 1L, false, "203.0.113.1", "h1", "pool1"),
            new FloatingRow(2, A, 2L, false, "203.0.113.2", "h2", "pool1"),
            new FloatingRow(3, A, 3L, true, "203.0.113.3", "h1", "pool2"),
            new FloatingRow(4, B, 4L, false, "203.0.113.4", "h1", "pool1"),
            new FloatingRow(5, B, 5L, true, "203.0.113.5", "h3", "pool2"),
            new FloatingRow(6, null, 1L, false, "203.0.113.6", "h2", "pool1"),
            new FloatingRow(7, null, null, true, "203.0.113.7", "h1", "pool2"),
            new FloatingRow(8, A, 4L, false, "203.0.113.8", "h2", "pool2"),
            new FloatingRow(9, B, 6L, false, "203.0.113.9", "h1", "pool1"),
            new FloatingRow(10, A, null, false, "203.0.113.10", "h3", "pool1"));

    private NovaWorld() {
    }

    /**
     * Nova registration: Nova-style soft delete on every entity, floating IPs scoped by project with allow_none,
     * instances scoped by project; fixed IPs have no project column.
     */
    public static SoftDeleteConfiguration configuration() {
        return configurationBuilder().build();
    }

    /** {@link #configuration()}, still open for changes. */
    public static SoftDeleteConfiguration.Builder configurationBuilder() {
        return SoftDeleteConfiguration.builder()
                .softDelete(NovaBase.class, SoftDeleteStyle.nova())
                .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone())
                .rule(CriteriaRule.projectScope(Instance.class, "project_id"))
                .cascade(Instance.class, "fixedIps");
    }

    /** A SessionFactory on the Nova model with {@link #configuration()}, shared by the test class. */
    public static SessionFactory sessionFactory(TestDatabase db) {
        return db.shared("nova-kiln", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .setting(SoftDeleteSettings.CONFIGURATION, configuration()).build());
    }

    /** Deletes every row and inserts the data set (explicit ids); sequences restart at 1000. */
    public static void load(TestDatabase db) {
        try (Connection c = db.openConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from floating_ips");
                s.executeUpdate("delete from fixed_ips");
                s.executeUpdate("delete from instances");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into instances (id, uuid, project_id, host, "
                    + "created_at, deleted, deleted_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (InstanceRow r : INSTANCES) {
                    ps.setLong(1, r.id());
                    ps.setString(2, r.uuid());
                    ps.setString(3, r.project());
                    ps.setString(4, r.host());
                    ps.setObject(5, DELETED_AT.minusDays(10));
                    ps.setLong(6, r.deleted() ? r.id() : 0);
                    ps.setObject(7, r.deleted() ? DELETED_AT : null);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into fixed_ips (id, address, instance_uuid, allocated, "
                    + "leased, reserved, host, created_at, deleted, deleted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (FixedRow r : FIXED) {
                    ps.setLong(1, r.id());
                    ps.setString(2, r.address());
                    ps.setString(3, r.instance() == null ? null : instance(r.instance()).uuid());
                    ps.setBoolean(4, true);
                    ps.setBoolean(5, false);
                    ps.setBoolean(6, false);
                    ps.setString(7, r.host());
                    ps.setObject(8, DELETED_AT.minusDays(10));
                    ps.setLong(9, r.deleted() ? r.id() : 0);
                    ps.setObject(10, r.deleted() ? DELETED_AT : null);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into floating_ips (id, address, fixed_ip_id, "
                    + "project_id, host, auto_assigned, pool, created_at, deleted, deleted_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (FloatingRow r : FLOATING) {
                    ps.setLong(1, r.id());
                    ps.setString(2, r.address());
                    ps.setObject(3, r.fixed());
                    ps.setString(4, r.project());
                    ps.setString(5, r.host());
                    ps.setBoolean(6, false);
                    ps.setString(7, r.pool());
                    ps.setObject(8, DELETED_AT.minusDays(10));
                    ps.setLong(9, r.deleted() ? r.id() : 0);
                    ps.setObject(10, r.deleted() ? DELETED_AT : null);
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the soft-delete test world failed: " + e.getMessage(), e);
        }
        restartSequences(db, 1000);
    }

    private static void restartSequences(TestDatabase db, long next) {
        List<String> statements = new ArrayList<>();
        for (String seq : NovaModel.SEQUENCES) {
            statements.add(db.backend() == dev.kiln.fixtures.Backend.MARIADB && !db.isMariaDbServer()
                    ? "UPDATE " + seq + " SET next_val = " + next
                    : "ALTER SEQUENCE " + seq + " RESTART WITH " + next);
        }
        db.execute(statements.toArray(new String[0]));
    }

    public static InstanceRow instance(long id) {
        return INSTANCES.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    public static FixedRow fixed(long id) {
        return FIXED.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    public static FloatingRow floating(long id) {
        return FLOATING.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    // ---- what a context sees, computed from the rows above (not through Kiln) ----

    static boolean deletedOk(boolean deleted, CriteriaContext ctx) {
        return switch (ctx.readDeleted()) {
            case NO -> !deleted;
            case YES -> true;
            case ONLY -> deleted;
        };
    }

    public static boolean sees(CriteriaContext ctx, InstanceRow r) {
        return deletedOk(r.deleted(), ctx) && (ctx.isAdmin() || Objects.equals(r.project(), ctx.valueOrNull(CriteriaContext.PROJECT)));
    }

    public static boolean sees(CriteriaContext ctx, FixedRow r) {
        return deletedOk(r.deleted(), ctx);
    }

    public static boolean sees(CriteriaContext ctx, FloatingRow r) {
        return deletedOk(r.deleted(), ctx) && (ctx.isAdmin() || r.project() == null
                || r.project().equals(ctx.valueOrNull(CriteriaContext.PROJECT)));
    }

    /** The fixed IP a floating IP's association resolves to under {@code ctx} (null if none or hidden). */
    public static FixedRow fixedOf(CriteriaContext ctx, FloatingRow f) {
        if (f.fixed() == null) {
            return null;
        }
        FixedRow x = fixed(f.fixed());
        return sees(ctx, x) ? x : null;
    }

    /** The instance a fixed IP's association resolves to under {@code ctx} (null if none or hidden). */
    public static InstanceRow instanceOf(CriteriaContext ctx, FixedRow x) {
        if (x.instance() == null) {
            return null;
        }
        InstanceRow i = instance(x.instance());
        return sees(ctx, i) ? i : null;
    }

    public static Set<Long> floatingIds(CriteriaContext ctx, Predicate<FloatingRow> where) {
        return ids(FLOATING, r -> sees(ctx, r) && where.test(r), FloatingRow::id);
    }

    public static Set<Long> fixedIds(CriteriaContext ctx, Predicate<FixedRow> where) {
        return ids(FIXED, r -> sees(ctx, r) && where.test(r), FixedRow::id);
    }

    public static Set<Long> instanceIds(CriteriaContext ctx, Predicate<InstanceRow> where) {
        return ids(INSTANCES, r -> sees(ctx, r) && where.test(r), InstanceRow::id);
    }

    private static <T> Set<Long> ids(Collection<T> rows, Predicate<T> where, java.util.function.ToLongFunction<T> id) {
        Set<Long> out = new TreeSet<>();
        for (T r : rows) {
            if (where.test(r)) {
                out.add(id.applyAsLong(r));
            }
        }
        return out;
    }

    /** The nine contexts of the conformance matrix: {NO, YES, ONLY} x {project A, project B, admin}. */
    public static List<NamedContext> contexts() {
        List<NamedContext> out = new ArrayList<>();
        for (ReadDeleted rd : ReadDeleted.values()) {
            out.add(new NamedContext("A/" + rd, CriteriaContext.project(A).withReadDeleted(rd)));
            out.add(new NamedContext("B/" + rd, CriteriaContext.project(B).withReadDeleted(rd)));
            out.add(new NamedContext("admin/" + rd, CriteriaContext.admin().withReadDeleted(rd)));
        }
        return out;
    }

    /** A context with a short name for messages. */
    public record NamedContext(String name, CriteriaContext context) {
        @Override
        public String toString() {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}

package dev.kiln.softdelete;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.softdelete.testing.NovaWorld;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Native SQL is not rewritten; {@link NativeCriteria} applies the same criteria by hand, through Hibernate or JDBC. */
class NativeCriteriaTest {
    @BeforeEach
    void load(TestDatabase db) {
        NovaWorld.sessionFactory(db);
        NovaWorld.load(db);
    }

    @DatabaseTest
    void nativeQueriesAreNotRewritten(TestDatabase db) {
        try (Session s = NovaWorld.sessionFactory(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.A));
            List<Long> all = s.createNativeQuery("select id from floating_ips", Long.class).list();
            assertThat(all).hasSize(NovaWorld.FLOATING.size());
        }
    }

    @DatabaseTest
    void theFragmentAppliesTheContextsCriteriaThroughHibernate(TestDatabase db) {
        for (NovaWorld.NamedContext ctx : NovaWorld.contexts()) {
            try (Session s = NovaWorld.sessionFactory(db).openSession()) {
                SoftDelete.setContext(s, ctx.context());
                NativeCriteria c = SoftDelete.nativeCriteria(s, FloatingIp.class, "f");
                List<Long> ids = c.bind(s.createNativeQuery(
                        "select f.id from floating_ips f where f.pool = :pool and " + c.sql(), Long.class))
                        .setParameter("pool", "pool1").list();
                assertThat(new TreeSet<>(ids)).as("%s: %s", ctx, c)
                        .isEqualTo(NovaWorld.floatingIds(ctx.context(), f -> f.pool().equals("pool1")));
            }
        }
    }

    @DatabaseTest
    void theFragmentWorksOnPlainJdbc(TestDatabase db) throws Exception {
        NativeCriteria c;
        try (Session s = NovaWorld.sessionFactory(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project(NovaWorld.B).withReadDeleted(ReadDeleted.ONLY));
            c = SoftDelete.nativeCriteria(s, FloatingIp.class, null);
        }
        assertThat(c.jdbcSql()).isEqualTo("deleted <> ? and (project_id = ? or project_id is null)");
        Set<Long> ids = new TreeSet<>();
        try (Connection connection = db.openConnection();
             PreparedStatement ps = connection.prepareStatement("select id from floating_ips where " + c.jdbcSql())) {
            c.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        assertThat(ids).isEqualTo(NovaWorld.floatingIds(CriteriaContext.project(NovaWorld.B).withReadDeleted(ReadDeleted.ONLY), f -> true));
    }
}

package dev.kiln.retry.replay;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.DbErrors;
import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code kiln.replay.enabled=true}: Hibernate's own connection provider is wrapped (the adapter over Hibernate's
 * {@code ConnectionProviderInitiator}), and a Session's transaction survives the server killing its connection.
 */
class HibernateReplayTest {
    static {
        Faults.quiet();
    }


    private static SessionFactory replaying(TestDatabase db) {
        SessionFactory sf = db.shared("replay-nova", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .setting(ReplaySettings.ENABLED, "true").build());
        db.shared("replay-nova-data", d -> NovaDataLoader.builder().floatingIps(20).fixedIps(3).projects(2).build()
                .load(d.dataSource()));
        return sf;
    }

    private static ReplayingConnectionProvider provider(SessionFactory sf) {
        ConnectionProvider p = sf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(ConnectionProvider.class);
        assertThat(p).isInstanceOf(ReplayingConnectionProvider.class);
        return (ReplayingConnectionProvider) p;
    }

    @DatabaseTest
    void aSessionTransactionGoesOnAfterTheServerKilledItsConnection(TestDatabase db) {
        SessionFactory sf = replaying(db);
        long id = db.queryLong("SELECT MIN(id) FROM floating_ips");
        long replayedBefore = provider(sf).metrics().replaysSucceeded();
        sf.inTransaction(s -> {
            FloatingIp ip = s.find(FloatingIp.class, id);
            ip.setHost("compute-replayed");
            s.flush();                                                   // SELECT and UPDATE are in the log
            s.doWork(c -> Faults.kill(c, db));
            FloatingIp next = s.createQuery("from FloatingIp where id = :id", FloatingIp.class)
                    .setParameter("id", id + 1).getSingleResult();      // lost connection: replayed, then this runs
            next.setHost("compute-next");
        });
        assertThat(provider(sf).metrics().replaysSucceeded()).isEqualTo(replayedBefore + 1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM floating_ips WHERE host = 'compute-replayed' AND id = " + id)).isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM floating_ips WHERE host = 'compute-next' AND id = " + (id + 1))).isEqualTo(1);
    }

    @DatabaseTest
    void aConcurrentChangeToARowTheSessionReadAbortsTheTransaction(TestDatabase db) {
        SessionFactory sf = replaying(db);
        long id = db.queryLong("SELECT MIN(id) FROM floating_ips") + 5;
        assertThatThrownBy(() -> sf.inTransaction(s -> {
            FloatingIp ip = s.find(FloatingIp.class, id);
            FloatingIp other = s.find(FloatingIp.class, id + 1);
            other.setHost("compute-" + ip.getHost());
            s.flush();
            s.doWork(c -> Faults.kill(c, db));
            db.execute("UPDATE floating_ips SET host = 'moved-by-someone-else' WHERE id = " + id);
            s.createQuery("from FloatingIp where id = :id", FloatingIp.class).setParameter("id", id + 2).getSingleResult();
        })).satisfies(e -> {
            assertThat(DbReplayMismatchException.find(e)).hasValueSatisfying(m ->
                    assertThat(m.getDifference()).contains("row 1 differs"));
            // Kiln's translation, the same on every backend: a serialization failure (SQLState 40001), so a retry
            // policy with retryOnDeadlock runs the unit of work again
            assertThat(DbErrors.find(e)).as(chain(e)).hasValueSatisfying(error -> {
                assertThat(error).isInstanceOf(dev.kiln.retry.DbDeadlockException.class);
                assertThat(((dev.kiln.retry.DbDeadlockException) error).getReason())
                        .isEqualTo(dev.kiln.retry.DbDeadlockException.Reason.SERIALIZATION_FAILURE);
                assertThat(error.isDeadlock()).isTrue();
                assertThat(error.getSQLState()).isEqualTo("40001");
            });
        });
        assertThat(db.queryLong("SELECT COUNT(*) FROM floating_ips WHERE host LIKE 'compute-%' AND id = " + (id + 1))).isZero();
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return b.toString();
    }

    @DatabaseTest
    void withoutTheSettingHibernatesProviderIsLeftAlone(TestDatabase db) throws SQLException {
        SessionFactory sf = db.shared("plain-nova", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .schema(dev.kiln.fixtures.HibernateBootstrap.Schema.NONE).build());
        ConnectionProvider p = sf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(ConnectionProvider.class);
        assertThat(p).isNotInstanceOf(ReplayingConnectionProvider.class);
        assertThat(p.getConnection()).isNotInstanceOf(dev.kiln.retry.replay.internal.ConnectionSource.class)
                .satisfies(c -> {
                    assertThat(ReplayingDataSource.physicalConnection(c)).isSameAs(c);
                    p.closeConnection(c);
                });
    }
}

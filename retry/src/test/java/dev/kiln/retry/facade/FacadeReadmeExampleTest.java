package dev.kiln.retry.facade;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.policy.RetryPolicy;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of the README's facade section, as written there, on H2, MariaDB and PostgreSQL. */
class FacadeReadmeExampleTest {
    private final List<Session> audited = new ArrayList<>();

    private void audit(Session s) {
        audited.add(s);
    }

    @DatabaseTest
    void readmeExample(TestDatabase db) {
        SessionFactory sessionFactory = db.shared("nova", d -> d.hibernate().entities(NovaModel.ENTITIES).build());
        db.execute("DELETE FROM floating_ips");
        javax.sql.DataSource replicaDataSource = db.dataSource();       // the same database plays the replica here

        TransactionFacade facade = TransactionFacade.builder(sessionFactory)   // writers: the primary
                .asyncReader(replicaDataSource)                                // optional: syncReader(...), asyncReader(...)
                .build();
        RetryPolicy policy = RetryPolicy.builder()
                .retryOnDeadlock(true).retryOnDisconnect(true)                 // oslo.db's retry_on_deadlock / _disconnect
                .maxAttempts(5).initialDelay(Duration.ofMillis(20))
                .build();
        TransactionContext ctx = TransactionContext.create();                  // or your request context (a tiny interface)

        long id = facade.writer().retry(policy).call(ctx, session -> {
            FloatingIp ip = new FloatingIp();
            ip.setAddress("203.0.113.7");
            session.persist(ip);
            facade.reader().run(ctx, s -> audit(s));                           // joins the writer: same Session
            return ip.getId();
        });                                                                    // committed here
        String address = facade.asyncReader().call(ctx, s -> s.find(FloatingIp.class, id).getAddress()); // replica, rolls back

        assertThat(address).isEqualTo("203.0.113.7");
        assertThat(audited).hasSize(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM floating_ips WHERE address = '203.0.113.7'")).isEqualTo(1);
        assertThat(policy.metrics().calls()).isEqualTo(1);
        assertThat(policy.metrics().retries()).isZero();
    }
}

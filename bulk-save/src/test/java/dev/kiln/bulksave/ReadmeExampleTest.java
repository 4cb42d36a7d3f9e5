package dev.kiln.bulksave;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of bulk-save/README.md, run as written (keep the two in step). */
class ReadmeExampleTest {
    @DatabaseTest
    void readmeExample(TestDatabase db) {
        SessionFactory sessionFactory = db.hibernate().entities(NovaModel.ENTITIES).build();
        // --- README example starts
        List<FloatingIp> ips = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            FloatingIp ip = new FloatingIp();
            ip.setAddress("198.51." + (i / 250) + "." + (i % 250));
            ip.setPool("nova");
            ips.add(ip);
        }
        try (StatelessSession session = sessionFactory.openStatelessSession()) {
            session.getTransaction().begin();
            BulkSave.insert(session, ips);            // 10 multi-row INSERTs; ids from floating_ips_seq set on the objects
            session.getTransaction().commit();
        }

        try (Session session = sessionFactory.openSession()) {
            session.setHibernateFlushMode(FlushMode.MANUAL);
            session.getTransaction().begin();
            List<FloatingIp> pool = session.createSelectionQuery("from FloatingIp where pool = 'nova'", FloatingIp.class)
                    .getResultList();                 // 10,000 managed entities
            FloatingIp one = pool.get(42);
            one.setHost("compute-7");
            FastSave.save(session, one);              // one UPDATE, without dirty-checking the other 9,999

            pool.forEach(ip -> ip.setProjectId("p-42"));
            BulkSave.update(session, pool);           // changed columns only, batched; snapshots kept in step
            session.getTransaction().commit();
        }
        // --- README example ends
        assertThat(ips).allSatisfy(ip -> assertThat(ip.getId()).isNotNull());
        assertThat(db.queryLong("select count(*) from floating_ips where project_id = 'p-42'")).isEqualTo(10_000);
        assertThat(db.queryLong("select count(*) from floating_ips where host = 'compute-7'")).isEqualTo(1);
    }
}

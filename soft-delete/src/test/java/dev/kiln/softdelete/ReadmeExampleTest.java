package dev.kiln.softdelete;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.Instance;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of soft-delete/README.md, run as written (keep the two in step). */
class ReadmeExampleTest {
    @DatabaseTest
    void readmeExample(TestDatabase db) {
        // --- README example starts
        SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
                .softDelete(NovaBase.class, SoftDeleteStyle.nova())                          // deleted = id, deleted_at
                .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone()) // project_id = ? or null
                .rule(CriteriaRule.projectScope(Instance.class, "project_id"))
                .cascade(Instance.class, "fixedIps")
                .build();
        SessionFactory sessionFactory = db.hibernate().entities(NovaModel.ENTITIES)
                .setting(SoftDeleteSettings.CONFIGURATION, config)
                .build();

        sessionFactory.inTransaction(session -> {
            SoftDelete.setContext(session, CriteriaContext.admin());
            FloatingIp ip = new FloatingIp();
            ip.setAddress("203.0.113.9");
            ip.setProjectId("p-42");
            session.persist(ip);
        });

        try (Session session = sessionFactory.openSession()) {
            SoftDelete.setContext(session, CriteriaContext.project("p-42"));   // read_deleted NO, project p-42
            session.getTransaction().begin();
            FloatingIp ip = session.createSelectionQuery("from FloatingIp where address = :a", FloatingIp.class)
                    .setParameter("a", "203.0.113.9").getSingleResult();
            // SQL: ... where fi1_0.deleted=0 and (fi1_0.project_id=? or fi1_0.project_id is null) and fi1_0.address=?
            SoftDelete.softDelete(session, ip);                                  // deleted = id, deleted_at = now
            session.getTransaction().commit();

            List<FloatingIp> live = session.createSelectionQuery("from FloatingIp", FloatingIp.class).list();
            SoftDelete.setContext(session, CriteriaContext.project("p-42").withReadDeleted(ReadDeleted.ONLY));
            List<FloatingIp> deleted = session.createSelectionQuery("from FloatingIp", FloatingIp.class).list();
            // --- README example ends
            assertThat(live).isEmpty();
            assertThat(deleted).extracting(FloatingIp::getAddress).containsExactly("203.0.113.9");
            assertThat(deleted.get(0).getDeleted()).isEqualTo(deleted.get(0).getId());
        }
    }
}

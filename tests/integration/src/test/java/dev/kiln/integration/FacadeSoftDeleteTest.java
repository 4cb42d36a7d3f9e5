package dev.kiln.integration;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.facade.TransactionContext;
import dev.kiln.retry.facade.TransactionFacade;
import dev.kiln.retry.facade.internal.SoftDeleteContextPreparer;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDelete;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteSettings;
import dev.kiln.softdelete.SoftDeleteStyle;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transaction facade (kiln-retry) and soft-delete criteria (kiln-soft-delete) together: the criteria context a
 * facade context carries is set on every Session the facade opens, so that each unit of work sees exactly its
 * project's live rows. kiln-retry does not depend on kiln-soft-delete; the bridge is found by the ServiceLoader.
 */
class FacadeSoftDeleteTest {

    /** Also used by {@link BakedFacadeSoftDeleteTest}. */
    static SessionFactory sessionFactory(TestDatabase db) {
        return db.shared("facade-soft-delete", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .setting(SoftDeleteSettings.CONFIGURATION, SoftDeleteConfiguration.builder()
                        .softDelete(FloatingIp.class, SoftDeleteStyle.nova())
                        .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id"))
                        .build())
                .build());
    }

    private static List<String> addresses(Session s) {
        return s.createSelectionQuery("select address from FloatingIp order by address", String.class).list();
    }

    private static void load(TestDatabase db, TransactionFacade facade) {
        db.execute("DELETE FROM floating_ips");     // HQL would only delete the rows the criteria let it see
        TransactionContext admin = TransactionContext.create(CriteriaContext.admin());
        facade.writer().run(admin, s -> {
            for (String[] row : new String[][] {{"203.0.113.1", "a"}, {"203.0.113.2", "b"}, {"203.0.113.3", "a"}}) {
                FloatingIp ip = new FloatingIp();
                ip.setAddress(row[0]);
                ip.setProjectId(row[1]);
                s.persist(ip);
            }
        });
        facade.writer().run(admin, s -> SoftDelete.softDelete(s, s.createSelectionQuery(
                "from FloatingIp where address = '203.0.113.3'", FloatingIp.class).getSingleResult()));
    }

    @DatabaseTest
    void eachUnitOfWorkSeesItsContextsRows(TestDatabase db) {
        assertThat(SoftDeleteContextPreparer.isActive()).isTrue();
        TransactionFacade facade = TransactionFacade.builder(sessionFactory(db)).build();
        load(db, facade);

        TransactionContext a = TransactionContext.create(CriteriaContext.project("a"));
        TransactionContext b = TransactionContext.create(CriteriaContext.project("b"));
        TransactionContext adminAll = TransactionContext.create(
                CriteriaContext.admin().toBuilder().readDeleted(ReadDeleted.YES).build());
        assertThat(facade.reader().call(a, FacadeSoftDeleteTest::addresses)).containsExactly("203.0.113.1");
        assertThat(facade.asyncReader().call(b, FacadeSoftDeleteTest::addresses)).containsExactly("203.0.113.2");
        assertThat(facade.reader().call(adminAll, FacadeSoftDeleteTest::addresses))
                .containsExactly("203.0.113.1", "203.0.113.2", "203.0.113.3");

        // a reader nested in a writer shares its Session, and so its criteria context
        facade.writer().run(a, s -> {
            assertThat(SoftDelete.context(s)).isEqualTo(CriteriaContext.project("a"));
            assertThat(facade.reader().call(a, FacadeSoftDeleteTest::addresses)).containsExactly("203.0.113.1");
            // an independent unit of work with another context gets its own Session and criteria
            assertThat(facade.reader().independent().call(b, FacadeSoftDeleteTest::addresses))
                    .containsExactly("203.0.113.2");
        });
    }

    @DatabaseTest
    void withoutACriteriaContextTheScopedEntityIsRefused(TestDatabase db) {
        TransactionFacade facade = TransactionFacade.builder(sessionFactory(db)).build();
        load(db, facade);
        assertThatThrownBy(() -> facade.reader().call(TransactionContext.create(), FacadeSoftDeleteTest::addresses))
                .hasMessageContaining("FloatingIp");
        TransactionFacade undiscovered = TransactionFacade.builder(sessionFactory(db)).discoverSessionPreparers(false)
                .build();
        assertThatThrownBy(() -> undiscovered.reader().call(TransactionContext.create(CriteriaContext.project("a")),
                FacadeSoftDeleteTest::addresses)).as("the bridge is what sets the context").hasMessageContaining("FloatingIp");
    }
}

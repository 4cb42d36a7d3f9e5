package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.Instance;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDelete;
import dev.kiln.softdelete.testing.NovaWorld;
import dev.kiln.softdelete.testing.model.Article;
import dev.kiln.softdelete.testing.model.Label;
import dev.kiln.softdelete.testing.model.Owner;
import dev.kiln.softdelete.testing.model.Pet;
import dev.kiln.softdelete.testing.model.Truck;
import dev.kiln.softdelete.testing.model.Vehicle;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.entity.SingleTableEntityPersister;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins which persisters Kiln installs, and the Hibernate hooks they override. */
class KilnPersistersTest {
    private static MappingMetamodel model(SessionFactory sf) {
        return sf.unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
    }

    private static SessionFactory styles(TestDatabase db) {
        return db.shared("styles", d -> d.hibernate()
                .entities(Owner.class, Pet.class, Label.class, Article.class, Vehicle.class, Truck.class).build());
    }

    @DatabaseTest(Backend.H2)
    void kilnPersistersOnlyWhereCriteriaApply(TestDatabase db) {
        MappingMetamodel nova = model(NovaWorld.sessionFactory(db));
        assertThat(nova.getEntityDescriptor(FloatingIp.class)).isExactlyInstanceOf(KilnPersisters.SingleTable.class);
        assertThat(nova.getCollectionDescriptor(Instance.class.getName() + ".fixedIps"))
                .isExactlyInstanceOf(KilnPersisters.OneToMany.class);
        MappingMetamodel styles = model(styles(db));
        // Pet has no criteria, but Kiln made it a dynamic-update owner (its owner may be hidden): the standard
        // persister with the translated UPDATE reused; Article (no criteria, no such reference) keeps the standard one.
        assertThat(styles.getEntityDescriptor(Pet.class)).isExactlyInstanceOf(KilnPersisters.ProtectedOwner.class);
        assertThat(styles.getEntityDescriptor(Pet.class)).isInstanceOf(SingleTableEntityPersister.class);
        assertThat(styles.getEntityDescriptor(Article.class)).isExactlyInstanceOf(SingleTableEntityPersister.class);
        assertThat(styles.getEntityDescriptor(Vehicle.class)).isExactlyInstanceOf(KilnPersisters.Joined.class);
        assertThat(styles.getEntityDescriptor(Truck.class)).isExactlyInstanceOf(KilnPersisters.Joined.class);
        assertThat(styles.getCollectionDescriptor(Article.class.getName() + ".labels"))
                .isExactlyInstanceOf(KilnPersisters.ManyToMany.class);
    }

    @DatabaseTest(Backend.H2)
    void ownersOfReferencesToCriteriaEntitiesUpdateOnlyChangedColumns(TestDatabase db) {
        MappingMetamodel styles = model(styles(db));
        assertThat(styles.getEntityDescriptor(Pet.class).isDynamicUpdate()).isTrue();
        assertThat(styles.getEntityDescriptor(Owner.class).isDynamicUpdate()).isFalse();
        MappingMetamodel nova = model(NovaWorld.sessionFactory(db));
        assertThat(nova.getEntityDescriptor(FloatingIp.class).isDynamicUpdate()).isTrue();
        assertThat(nova.getEntityDescriptor(FixedIp.class).isDynamicUpdate()).isTrue();
        assertThat(nova.getEntityDescriptor(Instance.class).isDynamicUpdate()).isFalse();
    }

    @DatabaseTest(Backend.H2)
    void collectionsCountAsFilteredWhileTheCriteriaHideElements(TestDatabase db) {
        SessionFactory sf = styles(db);
        var labels = model(sf).getCollectionDescriptor(Article.class.getName() + ".labels");
        try (Session s = sf.openSession()) {
            SessionImplementor session = s.unwrap(SessionImplementor.class);
            SoftDelete.setContext(s, CriteriaContext.builder().value("tenant", "t").build());
            assertThat(labels.isAffectedByEnabledFilters(session)).isTrue();
            SoftDelete.setContext(s, CriteriaContext.admin().withReadDeleted(ReadDeleted.YES));
            assertThat(labels.isAffectedByEnabledFilters(session)).as("admin, read_deleted yes: nothing hidden").isFalse();
        }
    }
}

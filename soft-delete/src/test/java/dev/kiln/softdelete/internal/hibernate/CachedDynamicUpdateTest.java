package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.SoftDelete;
import dev.kiln.softdelete.testing.model.Owner;
import dev.kiln.softdelete.testing.model.Pet;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins {@link CachedDynamicUpdate}: owners of hidden-able associations update only changed columns (dynamic update),
 * and the translated UPDATE is reused per update shape while each execution still writes exactly its own changes.
 */
class CachedDynamicUpdateTest {

    private static SessionFactory sessionFactory(TestDatabase db) {
        return db.shared("kiln", d -> d.hibernate().entities(Owner.class, Pet.class).build());
    }

    private static CachedDynamicUpdate coordinatorOf(SessionFactory sf, Class<?> entity) {
        EntityPersister persister = sf.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(entity);
        assertThat(persister.getUpdateCoordinator()).isInstanceOf(CachedDynamicUpdate.class);
        return (CachedDynamicUpdate) persister.getUpdateCoordinator();
    }

    @DatabaseTest
    void reusesTheUpdateOfOneShapeAndWritesOnlyEachUpdatesOwnChanges(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        sf.inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.admin());
            Owner a = new Owner(1L, "a");
            Owner b = new Owner(2L, "b");
            s.persist(a);
            s.persist(b);
            s.persist(new Pet(1L, "p1", a));
            s.persist(new Pet(2L, "p2", a));
            s.persist(new Pet(3L, "p3", a));
        });
        CachedDynamicUpdate pets = coordinatorOf(sf, Pet.class);
        int before = pets.cachedShapes();

        sf.inTransaction(s -> s.find(Pet.class, 1L).setName("p1-renamed"));        // shape: name
        assertThat(pets.cachedShapes()).isEqualTo(before + 1);
        sf.inTransaction(s -> s.find(Pet.class, 2L).setName("p2-renamed"));        // same shape, reused
        assertThat(pets.cachedShapes()).isEqualTo(before + 1);
        sf.inTransaction(s -> s.find(Pet.class, 3L).setOwner(s.find(Owner.class, 2L))); // shape: owner
        assertThat(pets.cachedShapes()).isEqualTo(before + 2);
        sf.inTransaction(s -> {                                                     // shape: name + owner
            Pet p = s.find(Pet.class, 1L);
            p.setName("p1-again");
            p.setOwner(s.find(Owner.class, 2L));
        });
        assertThat(pets.cachedShapes()).isEqualTo(before + 3);
        sf.inTransaction(s -> s.find(Pet.class, 2L).setOwner(null));               // owner to null: own shape
        sf.inTransaction(s -> s.find(Pet.class, 3L).setName("p3-renamed"));        // name shape again

        assertThat(db.queryLong("select count(*) from pets where id = 1 and name = 'p1-again' and owner_id = 2"))
                .isEqualTo(1);
        assertThat(db.queryLong("select count(*) from pets where id = 2 and name = 'p2-renamed' and owner_id is null"))
                .isEqualTo(1);
        assertThat(db.queryLong("select count(*) from pets where id = 3 and name = 'p3-renamed' and owner_id = 2"))
                .isEqualTo(1);
    }

    @DatabaseTest
    void aReusedUpdateStillLeavesTheKeyOfAHiddenTargetAlone(TestDatabase db) {
        SessionFactory sf = sessionFactory(db);
        sf.inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.admin());
            Owner owner = new Owner(10L, "o");
            s.persist(owner);
            s.persist(new Pet(10L, "p10", owner));
            s.persist(new Pet(11L, "p11", owner));
        });
        sf.inTransaction(s -> s.find(Pet.class, 10L).setName("warm"));             // caches the name-only shape
        sf.inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.admin());
            assertThat(SoftDelete.softDelete(s, s.find(Owner.class, 10L))).isTrue();
        });
        sf.inTransaction(s -> {
            Pet pet = s.find(Pet.class, 11L);                                        // owner hidden: loads as null
            assertThat(pet.getOwner()).isNull();
            pet.setName("renamed");
        });
        assertThat(db.queryLong("select count(*) from pets where id = 11 and name = 'renamed' and owner_id = 10"))
                .isEqualTo(1);
    }
}

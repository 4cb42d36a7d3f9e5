package dev.kiln.softdelete;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.softdelete.testing.NovaWorld;
import dev.kiln.softdelete.testing.model.HibernateChild;
import dev.kiln.softdelete.testing.model.HibernateSoftDeletedParent;
import dev.kiln.softdelete.testing.model.Owner;
import dev.kiln.softdelete.testing.model.Pet;
import org.hibernate.SessionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazard: an entity whose to-one target is hidden (soft-deleted) loads that association as null, and Hibernate's
 * default full-row UPDATE then writes the foreign key as NULL on an unrelated change: silent data loss. Plain
 * Hibernate {@code @SoftDelete} loses the key; Kiln keeps it.
 */
class ForeignKeyHazardTest {
    private static SessionFactory kiln(TestDatabase db) {
        return db.shared("kiln", d -> d.hibernate().entities(Owner.class, Pet.class).build());
    }

    private static SessionFactory kilnWithoutProtection(TestDatabase db) {
        kiln(db); // owns the schema
        return db.shared("kiln-unprotected", d -> d.hibernate().entities(Owner.class, Pet.class)
                .schema(HibernateBootstrap.Schema.NONE)
                .setting(SoftDeleteSettings.CONFIGURATION, SoftDeleteConfiguration.builder().protectForeignKeys(false).build())
                .build());
    }

    /** Owner {@code id} with one pet, then the owner soft-deleted by Kiln (as an admin who sees it). */
    private static void ownerWithPetThenOwnerDeleted(SessionFactory sf, long id) {
        sf.inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.admin());
            Owner owner = new Owner(id, "owner-" + id);
            s.persist(owner);
            s.persist(new Pet(id, "pet-" + id, owner));
        });
        sf.inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.admin());
            assertThat(SoftDelete.softDelete(s, s.find(Owner.class, id))).isTrue();
        });
    }

    @DatabaseTest
    void plainHibernateSoftDeleteWritesTheForeignKeyAsNull(TestDatabase db) {
        SessionFactory sf = db.shared("hibernate", d -> d.hibernate()
                .entities(HibernateSoftDeletedParent.class, HibernateChild.class).build());
        sf.inTransaction(s -> {
            HibernateSoftDeletedParent parent = new HibernateSoftDeletedParent(1L, "parent");
            s.persist(parent);
            s.persist(new HibernateChild(1L, "child", parent));
        });
        sf.inTransaction(s -> s.remove(s.find(HibernateSoftDeletedParent.class, 1L)));
        sf.inTransaction(s -> {
            HibernateChild child = s.find(HibernateChild.class, 1L);
            assertThat(child.getParent()).isNull();
            child.setName("renamed"); // an unrelated change
        });
        assertThat(db.queryLong("select count(*) from hz_child where id = 1 and parent_id is null"))
                .as("Hibernate wrote the hidden parent's key back as NULL").isEqualTo(1);
    }

    @DatabaseTest
    void kilnKeepsTheForeignKeyOfAHiddenTargetLoadedByFind(TestDatabase db) {
        SessionFactory sf = kiln(db);
        ownerWithPetThenOwnerDeleted(sf, 1);
        sf.inTransaction(s -> {
            Pet pet = s.find(Pet.class, 1L); // read_deleted NO by default: the owner is hidden
            assertThat(pet.getOwner()).isNull();
            pet.setName("renamed");
        });
        assertThat(db.queryLong("select owner_id from pets where id = 1")).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from pets where id = 1 and name = 'renamed'")).isEqualTo(1);
    }

    @DatabaseTest
    void kilnKeepsTheForeignKeyOfAHiddenTargetLoadedByAFetchJoin(TestDatabase db) {
        SessionFactory sf = kiln(db);
        ownerWithPetThenOwnerDeleted(sf, 2);
        sf.inTransaction(s -> {
            Pet pet = s.createSelectionQuery("select p from Pet p left join fetch p.owner where p.id = 2", Pet.class)
                    .getSingleResult();
            assertThat(pet.getOwner()).isNull();
            pet.setName("renamed");
        });
        assertThat(db.queryLong("select owner_id from pets where id = 2")).isEqualTo(2);
    }

    @DatabaseTest
    void anAssignedAssociationIsStillWritten(TestDatabase db) {
        SessionFactory sf = kiln(db);
        ownerWithPetThenOwnerDeleted(sf, 3);
        sf.inTransaction(s -> s.persist(new Owner(30L, "new owner")));
        sf.inTransaction(s -> s.find(Pet.class, 3L).setOwner(s.find(Owner.class, 30L)));
        assertThat(db.queryLong("select owner_id from pets where id = 3")).isEqualTo(30);
    }

    @DatabaseTest
    void withoutTheProtectionKilnWouldLoseTheKeyToo(TestDatabase db) {
        SessionFactory sf = kilnWithoutProtection(db);
        ownerWithPetThenOwnerDeleted(kiln(db), 4);
        sf.inTransaction(s -> {
            Pet pet = s.find(Pet.class, 4L);
            assertThat(pet.getOwner()).isNull();
            pet.setName("renamed");
        });
        assertThat(db.queryLong("select count(*) from pets where id = 4 and owner_id is null"))
                .as("protectForeignKeys(false) shows what the protection prevents").isEqualTo(1);
    }

    @DatabaseTest
    void novaFixedIpKeepsTheUuidOfItsDeletedInstance(TestDatabase db) {
        SessionFactory sf = NovaWorld.sessionFactory(db);
        NovaWorld.load(db);
        sf.inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.admin()); // read_deleted NO: instance 2 is deleted
            FixedIp x = s.find(FixedIp.class, 3L);
            assertThat(x.getInstance()).isNull();
            x.setHost("moved");
        });
        assertThat(db.queryLong("select count(*) from fixed_ips where id = 3 and instance_uuid = 'u2' and host = 'moved'"))
                .isEqualTo(1);
    }
}

package dev.kiln.bulksave;

import dev.kiln.bulksave.model.Cat;
import dev.kiln.bulksave.model.Gadget;
import dev.kiln.bulksave.model.Shelf;
import dev.kiln.bulksave.model.TestModel;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlCounter;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input is refused before any statement is sent, with the entity, row and attribute named. */
class BulkValidationTest {

    private static void assertNothingSent(SqlCounter sql) {
        assertThat(sql.statements()).as(sql.executed().toString()).isZero();
    }

    @DatabaseTest
    void nullInANotNullColumnNamesEntityAttributeAndRow(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = BulkInsertTest.floatingIps("31", 20);
        ips.get(13).setDeleted(null);
        SqlCounter sql = db.sql();
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            sql.reset();
            assertThatThrownBy(() -> BulkSave.insert(s, ips))
                    .isInstanceOfSatisfying(BulkSaveException.class, e -> {
                        assertThat(e.entityName()).isEqualTo(FloatingIp.class.getName());
                        assertThat(e.rowIndex()).isEqualTo(13);
                        assertThat(e.attribute()).isEqualTo("deleted");
                    })
                    .hasMessageContaining("row 13").hasMessageContaining("'deleted'").hasMessageContaining("NOT NULL");
            assertNothingSent(sql);
            s.getTransaction().rollback();
        }
        assertThat(ips).allSatisfy(ip -> assertThat(ip.getId()).isNull());
    }

    @DatabaseTest
    void nullInAJoinedSubclassColumnIsCaught(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        try (StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            db.sql().reset();
            assertThatThrownBy(() -> BulkSave.insert(s, List.of(new Cat("c", 1), new Cat("d", null))))
                    .isInstanceOf(BulkSaveException.class).hasMessageContaining("row 1").hasMessageContaining("'lives'");
            assertNothingSent(db.sql());
            s.getTransaction().rollback();
        }
    }

    @DatabaseTest
    void ownedCollectionsAreRefusedUpFront(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Shelf shelf = new Shelf();
        shelf.setId(1L);
        try (StatelessSession s = sf.openStatelessSession()) {
            db.sql().reset();
            assertThatThrownBy(() -> BulkSave.insert(s, List.of(shelf)))
                    .isInstanceOf(BulkSaveException.class).hasMessageContaining("books").hasMessageContaining("collection");
            assertNothingSent(db.sql());
        }
    }

    @DatabaseTest
    void referencesToUnsavedEntitiesAreRefused(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        List<FloatingIp> ips = BulkInsertTest.floatingIps("32", 3);
        ips.get(2).setFixedIp(new FixedIp());
        try (StatelessSession s = sf.openStatelessSession()) {
            db.sql().reset();
            assertThatThrownBy(() -> BulkSave.insert(s, ips))
                    .isInstanceOf(BulkSaveException.class).hasMessageContaining("row 2")
                    .hasMessageContaining("fixedIp").hasMessageContaining("unsaved");
            assertNothingSent(db.sql());
        }
    }

    @DatabaseTest
    void rowsThatCannotBeWrittenAsAskedAreRefused(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        Gadget withId = new Gadget("x", null, null);
        withId.setId(5L);
        List<Object> withNull = new ArrayList<>();
        withNull.add(new Gadget("y", null, null));
        withNull.add(null);
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            db.sql().reset();
            assertThatThrownBy(() -> BulkSave.insert(s, List.of(withId)))
                    .isInstanceOf(BulkSaveException.class).hasMessageContaining("IDENTITY");
            assertThatThrownBy(() -> BulkSave.update(s, List.of(new Gadget("z", null, null))))
                    .isInstanceOf(BulkSaveException.class).hasMessageContaining("null id");
            assertThatThrownBy(() -> BulkSave.insert(s, withNull))
                    .isInstanceOf(BulkSaveException.class).hasMessageContaining("Row 1 is null");
            assertThatThrownBy(() -> BulkSave.insert(s, List.of("not an entity")))
                    .isInstanceOf(BulkSaveException.class).hasMessageContaining("java.lang.String");
            assertNothingSent(db.sql());
            FloatingIp managed = BulkInsertTest.floatingIps("33", 1).get(0);
            s.persist(managed);
            assertThatThrownBy(() -> BulkSave.insert(s, List.of(managed)))
                    .isInstanceOf(BulkSaveException.class).hasMessageContaining("already persistent");
            s.getTransaction().rollback();
        }
    }

    @DatabaseTest
    void optionsAreValidatedAndImmutable(TestDatabase db) {
        assertThatThrownBy(() -> BulkOptions.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkOptions.builder().rowsPerStatement(-1)).isInstanceOf(IllegalArgumentException.class);
        BulkOptions base = BulkOptions.defaults();
        BulkOptions changed = base.toBuilder().renderNulls(false).build();
        assertThat(base.renderNulls()).isTrue();
        assertThat(changed.renderNulls()).isFalse();
        assertThat(changed.preserveOrder()).isEqualTo(base.preserveOrder());
    }
}

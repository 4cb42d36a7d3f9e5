package dev.kiln.bulksave.internal.hibernate;

import dev.kiln.bulksave.internal.EntityPlan;
import dev.kiln.bulksave.internal.IdStrategy;
import dev.kiln.bulksave.internal.SqlFlavor;
import dev.kiln.bulksave.internal.UnsupportedMappingException;
import dev.kiln.bulksave.model.Animal;
import dev.kiln.bulksave.model.Car;
import dev.kiln.bulksave.model.Dog;
import dev.kiln.bulksave.model.Gadget;
import dev.kiln.bulksave.model.Ledger;
import dev.kiln.bulksave.model.Shelf;
import dev.kiln.bulksave.model.TestModel;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins what the adapters read from Hibernate's internals, so that a Hibernate upgrade that changes them fails here.
 */
class HibernateAdaptersTest {

    private static EntityPlan plan(SessionFactory sf, Class<?> type) {
        try (StatelessSession s = sf.openStatelessSession()) {
            return EntityPlans.of((SharedSessionContractImplementor) s, type);
        }
    }

    private static java.util.List<String> columnNames(EntityPlan plan) {
        return plan.columns().stream().map(c -> c.name()).toList();
    }

    @DatabaseTest
    void sessionBridgeRecognisesEachBackend(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        try (StatelessSession s = sf.openStatelessSession()) {
            SqlFlavor flavor = SessionBridge.flavor(SessionBridge.implementor(s));
            assertThat(flavor).isEqualTo(switch (db.backend()) {
                case H2 -> SqlFlavor.H2;
                case MARIADB -> SqlFlavor.MYSQL;
                case POSTGRESQL -> SqlFlavor.POSTGRESQL;
            });
            assertThat(SessionBridge.isStateful(SessionBridge.implementor(s))).isFalse();
        }
    }

    @DatabaseTest(Backend.H2)
    void plansSequenceIdsTimestampsAndForeignKeys(TestDatabase db) {
        EntityPlan plan = plan(TestModel.sessionFactory(db), FloatingIp.class);
        assertThat(plan.idStrategy()).isEqualTo(IdStrategy.BEFORE_INSERT);
        assertThat(plan.tables()).hasSize(1);
        assertThat(plan.rootTable().name()).isEqualTo("floating_ips");
        assertThat(plan.rootTable().keyColumn()).isEqualTo("id");
        assertThat(columnNames(plan)).contains("address", "fixed_ip_id", "interface", "created_at", "updated_at", "deleted")
                .doesNotContain("id");
        assertThat(plan.attributes()).filteredOn(a -> a.name().equals("createdAt")).singleElement()
                .satisfies(a -> assertThat(a.generatesOnInsert()).isTrue());
        assertThat(plan.attributes()).filteredOn(a -> a.name().equals("updatedAt")).singleElement()
                .satisfies(a -> assertThat(a.generatesOnUpdate()).isTrue());
        assertThat(plan.columns()).filteredOn(c -> c.name().equals("deleted")).singleElement()
                .satisfies(c -> assertThat(c.nullable()).isFalse());
        assertThat(plan.versioned()).isFalse();
    }

    @DatabaseTest(Backend.H2)
    void plansIdentityEmbeddedConvertedAndVersionedEntities(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        EntityPlan gadget = plan(sf, Gadget.class);
        assertThat(gadget.idStrategy()).isEqualTo(IdStrategy.IDENTITY);
        assertThat(columnNames(gadget)).contains("city", "zip", "price_cents", "status");
        assertThat(gadget.columns()).filteredOn(c -> c.path().equals("place.city")).hasSize(1);

        EntityPlan ledger = plan(sf, Ledger.class);
        assertThat(ledger.versioned()).isTrue();
        assertThat(ledger.versionColumn().name()).isEqualTo("version");
    }

    @DatabaseTest(Backend.H2)
    void plansInheritance(TestDatabase db) {
        SessionFactory sf = TestModel.sessionFactory(db);
        EntityPlan car = plan(sf, Car.class);
        assertThat(car.tables()).singleElement().satisfies(t -> {
            assertThat(t.discriminatorColumn()).isEqualTo("kind");
            assertThat(t.discriminatorSql()).isEqualTo("'car'");
        });
        EntityPlan dog = plan(sf, Dog.class);
        assertThat(dog.tables()).extracting(t -> t.name()).containsExactly("animals", "dogs");
        assertThat(dog.tables().get(1).identifierTable()).isFalse();
        assertThat(dog.columns()).filteredOn(c -> c.name().equals("breed")).singleElement()
                .satisfies(c -> assertThat(c.table()).isEqualTo(1));
        assertThat(plan(sf, Animal.class).tables()).hasSize(1);
    }

    @DatabaseTest(Backend.H2)
    void refusesOwnedCollections(TestDatabase db) {
        assertThatThrownBy(() -> plan(TestModel.sessionFactory(db), Shelf.class))
                .isInstanceOf(UnsupportedMappingException.class).hasMessageContaining("books");
        assertThatThrownBy(() -> plan(TestModel.sessionFactory(db), String.class))
                .isInstanceOf(UnsupportedMappingException.class).hasMessageContaining("not a mapped entity");
    }
}

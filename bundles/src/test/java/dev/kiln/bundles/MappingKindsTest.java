package dev.kiln.bundles;

import dev.kiln.bundles.testing.model.Gadget;
import dev.kiln.bundles.testing.model.Sealed;
import dev.kiln.bundles.testing.model.Truck;
import dev.kiln.bundles.testing.model.Vehicle;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import org.hibernate.SessionFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mapping kinds beyond the Nova model: primitives, enums, converters, sets, null keys, and what is refused. */
class MappingKindsTest {
    static SessionFactory gadgets(TestDatabase db) {
        return db.shared("gadgets", d -> {
            SessionFactory sf = d.hibernate().entities(Gadget.class, Vehicle.class, Truck.class, Sealed.class).build();
            sf.inTransaction(s -> {
                Gadget root = gadget(1, "root", null);
                root.addTag("a");
                s.persist(root);
                s.persist(gadget(2, "left", root));
                s.persist(gadget(3, "right", root));
                Truck t = new Truck();
                t.setId(10L);
                t.setAxles(3);
                s.persist(t);
            });
            return sf;
        });
    }

    static Gadget gadget(long id, String name, Gadget parent) {
        Gadget g = new Gadget();
        g.setId(id);
        g.setName(name);
        g.setWeight((int) id * 100);
        g.setColor(id % 2 == 0 ? Gadget.Color.GREEN : Gadget.Color.RED);
        g.setCode("Code-" + id);
        g.setPrice(new BigDecimal("12.50"));
        g.setMadeOn(LocalDate.of(2020, 1, (int) id));
        g.setParent(parent);
        return g;
    }

    @DatabaseTest
    void primitivesEnumsConvertersDecimalsAndDates(TestDatabase db) {
        gadgets(db).inSession(s -> {
            List<Gadget> managed = s.createSelectionQuery("from Gadget order by id", Gadget.class).list();
            List<Gadget> bundles = Bundles.query(s, Gadget.class).orderBy("e.id").list();
            assertThat(bundles).hasSize(3);
            for (int i = 0; i < 3; i++) {
                Gadget b = bundles.get(i);
                Gadget m = managed.get(i);
                assertThat(b.getWeight()).isEqualTo(m.getWeight()).isPositive();
                assertThat(b.getColor()).isEqualTo(m.getColor()).isNotNull();
                assertThat(b.getCode()).as("converted like Hibernate converts").isEqualTo(m.getCode()).isEqualTo("CODE-" + (i + 1));
                assertThat(b.getPrice()).isEqualByComparingTo(m.getPrice());
                assertThat(b.getMadeOn()).isEqualTo(m.getMadeOn());
                assertThat(b.getName()).isEqualTo(m.getName());
            }
        });
    }

    @DatabaseTest
    void nullForeignKeysSetsAndSelfReferences(TestDatabase db) {
        gadgets(db).inSession(s -> {
            List<Gadget> bundles = Bundles.query(s, Gadget.class).fetch("parent").orderBy("e.id").list();
            assertThat(bundles).as("a null foreign key does not drop the row (left join)").hasSize(3);
            assertThat(bundles.get(0).getParent()).isNull();
            assertThat(bundles.get(1).getParent()).isSameAs(bundles.get(2).getParent()).isNotNull();
            List<Gadget> lazy = Bundles.query(s, Gadget.class).orderBy("e.id").list();
            assertThat(lazy.get(0).getParent()).isNull();
            assertThat(lazy.get(0).getChildren()).isInstanceOf(java.util.Set.class).extracting(Gadget::getName)
                    .containsExactly("left", "right");
            assertThat(lazy.get(1).getChildren()).isEmpty();
            assertThat(lazy.get(1).getParent().getName()).isEqualTo("root");
        });
    }

    @DatabaseTest
    void unsupportedMappingsAndMutatorsFailClearly(TestDatabase db) {
        gadgets(db).inSession(s -> {
            Gadget g = Bundles.query(s, Gadget.class).where("e.id = 1").single();
            assertThatThrownBy(g::getSize).isInstanceOf(BundleException.class).hasMessageContaining("Gadget.size")
                    .hasMessageContaining("embedded");
            assertThatThrownBy(g::getTags).isInstanceOf(BundleException.class).hasMessageContaining("Gadget.tags");
            assertThatThrownBy(() -> Bundles.query(s, Gadget.class).select("tags")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Gadget.tags");
            assertThatThrownBy(() -> g.addTag("x")).isInstanceOfSatisfying(ReadOnlyBundleException.class,
                    e -> assertThat(e.method()).isEqualTo("addTag")).hasMessageContaining("Gadget.addTag()");
            assertThatThrownBy(() -> g.setWeight(1)).isInstanceOfSatisfying(ReadOnlyBundleException.class,
                    e -> assertThat(e.attribute()).isEqualTo("weight"));
            assertThatThrownBy(() -> Bundles.query(s, Gadget.class).fetch("children").list())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gadget.children")
                    .hasMessageContaining("only to-one");
        });
    }

    @DatabaseTest
    void hierarchiesAndFinalClasses(TestDatabase db) {
        gadgets(db).inSession(s -> {
            assertThat(Bundles.query(s, Truck.class).single().getAxles()).isEqualTo(3);
            assertThatThrownBy(() -> Bundles.query(s, Vehicle.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Vehicle").hasMessageContaining("subclasses");
            assertThatThrownBy(() -> Bundles.query(s, Sealed.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Sealed").hasMessageContaining("final");
            assertThatThrownBy(() -> Bundles.query(s, String.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.String is not an entity");
        });
    }
}

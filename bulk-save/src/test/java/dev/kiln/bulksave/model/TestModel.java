package dev.kiln.bulksave.model;

import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.List;

/** The entities of the bulk-save tests: the Nova model plus the mapping shapes issue 8 asks for. */
public final class TestModel {
    public static final List<Class<?>> ENTITIES;

    static {
        List<Class<?>> all = new ArrayList<>(NovaModel.ENTITIES);
        all.addAll(List.of(Gadget.class, Ledger.class, Vehicle.class, Car.class, Truck.class, Animal.class, Dog.class,
                Cat.class, Shelf.class, Specimen.class, Revision.class));
        ENTITIES = List.copyOf(all);
    }

    private TestModel() {
    }

    /** One SessionFactory per test class and backend, shared by its methods. */
    public static SessionFactory sessionFactory(TestDatabase db) {
        return db.shared("bulk-save-model", d -> d.hibernate().entities(ENTITIES).build());
    }
}

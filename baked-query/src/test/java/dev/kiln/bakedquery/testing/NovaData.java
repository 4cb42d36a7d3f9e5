package dev.kiln.bakedquery.testing;

import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.SessionFactory;

/** The shared Nova model and a small loaded data set, once per test class and backend. */
public record NovaData(SessionFactory sessionFactory, NovaDataset data) {
    public static final int FLOATING_IPS = 120;

    public static NovaData of(TestDatabase db) {
        return of(db, HibernateBootstrap.Mode.NATIVE);
    }

    public static NovaData of(TestDatabase db, HibernateBootstrap.Mode mode) {
        NovaDataset data = db.shared("nova-data", d -> {
            d.hibernate().entities(NovaModel.ENTITIES).build().close();   // creates the schema
            return NovaDataLoader.builder().floatingIps(FLOATING_IPS).fixedIps(10).projects(4).seed(7)
                    .build().load(d.dataSource());
        });
        SessionFactory sf = db.shared("nova-sf-" + mode, d -> d.hibernate().entities(NovaModel.ENTITIES)
                .schema(HibernateBootstrap.Schema.NONE).mode(mode).build());
        return new NovaData(sf, data);
    }

    /** Address of floating IP {@code id}. */
    public String address(long id) {
        return data.floatingAddresses().get((int) id - 1);
    }
}

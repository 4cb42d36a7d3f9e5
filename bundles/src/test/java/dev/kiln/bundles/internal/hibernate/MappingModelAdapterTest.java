package dev.kiln.bundles.internal.hibernate;

import dev.kiln.bundles.internal.BundleSpec.Kind;
import dev.kiln.bundles.testing.NovaBundles;
import dev.kiln.bundles.testing.model.Gadget;
import dev.kiln.bundles.testing.model.Sealed;
import dev.kiln.bundles.testing.model.Truck;
import dev.kiln.bundles.testing.model.Vehicle;
import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.Instance;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter over Hibernate's runtime mapping model: kinds, targets and keys read as the mapping says. */
class MappingModelAdapterTest {

    private static Map<String, MappingModelAdapter.MappedAttribute> describe(SessionFactoryImplementor sf, Class<?> type) {
        MappingModelAdapter.MappedEntity e = MappingModelAdapter.describe(sf, type);
        assertThat(e.attributes().get(0).kind()).isEqualTo(Kind.ID);
        return e.attributes().stream().collect(Collectors.toMap(MappingModelAdapter.MappedAttribute::name, Function.identity()));
    }

    @DatabaseTest(Backend.H2)
    void novaAssociationsAndKeys(TestDatabase db) {
        SessionFactoryImplementor sf = (SessionFactoryImplementor) NovaBundles.world(db).sf();
        var fixed = describe(sf, FixedIp.class);
        assertThat(fixed.get("id").kind()).isEqualTo(Kind.ID);
        assertThat(fixed.get("address").kind()).isEqualTo(Kind.BASIC);
        assertThat(fixed.get("address").field()).isEqualTo("address");
        assertThat(fixed.get("instance").kind()).isEqualTo(Kind.TO_ONE);
        assertThat(fixed.get("instance").target()).isEqualTo(Instance.class);
        assertThat(fixed.get("instance").targetKey()).as("instance_uuid references instances.uuid").isEqualTo("uuid");
        assertThat(fixed.get("floatingIps").kind()).isEqualTo(Kind.COLLECTION);
        assertThat(fixed.get("floatingIps").target()).isEqualTo(FloatingIp.class);
        assertThat(fixed.get("floatingIps").mappedBy()).isEqualTo("fixedIp");
        assertThat(fixed.get("floatingIps").set()).isFalse();
        assertThat(describe(sf, FloatingIp.class).get("fixedIp").targetKey()).isEqualTo("id");
        assertThat(describe(sf, FloatingIp.class).get("iface").field()).isEqualTo("iface");
        assertThat(describe(sf, Instance.class)).hasSize(Instance.COLUMN_COUNT + 1);   // 52 columns + fixedIps
    }

    @DatabaseTest(Backend.H2)
    void otherKindsConvertersAndRefusals(TestDatabase db) {
        SessionFactoryImplementor sf = (SessionFactoryImplementor) db.hibernate()
                .entities(Gadget.class, Vehicle.class, Truck.class, Sealed.class).build();
        var gadget = describe(sf, Gadget.class);
        assertThat(gadget.get("code").converter()).isNotNull();
        assertThat(gadget.get("name").converter()).isNull();
        assertThat(gadget.get("size").kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(gadget.get("tags").kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(gadget.get("children").kind()).isEqualTo(Kind.COLLECTION);
        assertThat(gadget.get("children").set()).isTrue();
        assertThat(gadget.get("parent").kind()).isEqualTo(Kind.TO_ONE);
        assertThat(describe(sf, Truck.class)).containsKey("axles");
    }
}

package dev.kiln.bulksave.internal.access;

import dev.kiln.bulksave.model.Gadget;
import dev.kiln.bulksave.model.Money;
import dev.kiln.fixtures.nova.FloatingIp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessorFactoryTest {

    @Test
    void generatesGetterSetterCallsForJavaBeanProperties() {
        PropertyAccessor address = AccessorFactory.forProperty(FloatingIp.class, "address");
        assertThat(AccessorFactory.isGenerated(address)).isTrue();
        assertThat(address.getClass().getName()).startsWith(FloatingIp.class.getName() + "$KilnAccessor$");
        FloatingIp ip = new FloatingIp();
        address.set(ip, "192.0.2.1");
        assertThat(ip.getAddress()).isEqualTo("192.0.2.1");
        assertThat(address.get(ip)).isEqualTo("192.0.2.1");
        assertThat(AccessorFactory.forProperty(FloatingIp.class, "address")).as("cached").isSameAs(address);
    }

    @Test
    void boxesPrimitivesAndReachesInheritedProperties() {
        PropertyAccessor weight = AccessorFactory.forProperty(Gadget.class, "weight");
        Gadget g = new Gadget();
        weight.set(g, 42);
        assertThat(g.getWeight()).isEqualTo(42);
        assertThat(weight.get(g)).isEqualTo(42);

        PropertyAccessor deleted = AccessorFactory.forProperty(FloatingIp.class, "deleted");  // declared in NovaBase
        FloatingIp ip = new FloatingIp();
        deleted.set(ip, 7L);
        assertThat(ip.getDeleted()).isEqualTo(7L);
    }

    @Test
    void fallsBackToFieldHandlesWhenAccessorsAreNamedDifferently() {
        PropertyAccessor iface = AccessorFactory.forProperty(FloatingIp.class, "iface");   // getInterface()/setInterface()
        assertThat(AccessorFactory.isGenerated(iface)).isFalse();
        FloatingIp ip = new FloatingIp();
        iface.set(ip, "eth0");
        assertThat(ip.getInterface()).isEqualTo("eth0");
        assertThat(iface.get(ip)).isEqualTo("eth0");
    }

    @Test
    void readsRecordComponentsAndRefusesToWriteThem() {
        PropertyAccessor cents = AccessorFactory.forProperty(Money.class, "cents");
        assertThat(cents.get(new Money(5))).isEqualTo(5L);
        assertThatThrownBy(() -> cents.set(new Money(5), 6L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesTheMissingProperty() {
        assertThatThrownBy(() -> AccessorFactory.forProperty(FloatingIp.class, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }
}

package dev.kiln.bundles.testing.views;

import dev.kiln.bundles.EntityView;
import dev.kiln.bundles.Mapping;
import dev.kiln.fixtures.nova.FloatingIp;

/** An interface view with nested paths and a default method. */
@EntityView(FloatingIp.class)
public interface FloatingIpSummary {
    Long getId();

    String getAddress();

    @Mapping("fixedIp.address")
    String getFixedAddress();

    @Mapping("fixedIp.instance.host")
    String getInstanceHost();

    default String describe() {
        return getAddress() + " -> " + getFixedAddress() + " on " + getInstanceHost();
    }
}

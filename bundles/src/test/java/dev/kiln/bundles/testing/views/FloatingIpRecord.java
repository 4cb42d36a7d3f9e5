package dev.kiln.bundles.testing.views;

import dev.kiln.bundles.EntityView;
import dev.kiln.bundles.Mapping;
import dev.kiln.fixtures.nova.FloatingIp;

/** A record view, with a primitive component and a nested path. */
@EntityView(FloatingIp.class)
public record FloatingIpRecord(long id, String projectId, boolean autoAssigned, @Mapping("fixedIp.instance.uuid") String instanceUuid) {
}

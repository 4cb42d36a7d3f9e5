package dev.kiln.bundles.testing.views;

import dev.kiln.bundles.EntityView;
import dev.kiln.bundles.Mapping;
import dev.kiln.fixtures.nova.FloatingIp;

/** Maps a path whose last attribute is misspelled. */
@EntityView(FloatingIp.class)
public interface MisspelledView {
    @Mapping("fixedIp.instance.hots")
    String getHost();
}

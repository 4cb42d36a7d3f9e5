package dev.kiln.bundles.testing.views;

import dev.kiln.bundles.EntityView;
import dev.kiln.fixtures.nova.FloatingIp;

/** Reads a String attribute as an Integer. */
@EntityView(FloatingIp.class)
public record WrongTypeView(Integer address) {
}

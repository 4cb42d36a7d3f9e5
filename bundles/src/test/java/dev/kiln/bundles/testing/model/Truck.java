package dev.kiln.bundles.testing.model;

import jakarta.persistence.Entity;

/** A leaf entity of a hierarchy: bundles of it are fine. */
@Entity
public class Truck extends Vehicle {
    private int axles;

    public int getAxles() {
        return axles;
    }

    public void setAxles(int axles) {
        this.axles = axles;
    }
}

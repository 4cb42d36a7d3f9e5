package dev.kiln.softdelete.testing.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A joined subclass of {@link Vehicle}. */
@Entity
@Table(name = "trucks")
public class Truck extends Vehicle {
    private int axles;

    protected Truck() {
    }

    public Truck(Long id, String plate, int axles) {
        super(id, plate);
        this.axles = axles;
    }
}

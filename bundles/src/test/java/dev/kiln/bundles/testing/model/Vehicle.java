package dev.kiln.bundles.testing.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A root with a mapped subclass ({@link Truck}): bundles of it are refused. */
@Entity
public class Vehicle {
    @Id
    private Long id;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}

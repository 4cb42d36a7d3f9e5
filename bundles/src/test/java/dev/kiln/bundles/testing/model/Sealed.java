package dev.kiln.bundles.testing.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A final entity class: it cannot be subclassed, so it cannot have bundles. */
@Entity
public final class Sealed {
    @Id
    private Long id;

    public Long getId() {
        return id;
    }
}

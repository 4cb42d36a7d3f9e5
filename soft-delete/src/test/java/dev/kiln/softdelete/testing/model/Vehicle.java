package dev.kiln.softdelete.testing.model;

import dev.kiln.softdelete.SoftDeleteMixin;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** A joined-inheritance root opting in through Kiln's {@link SoftDeleteMixin} mapped superclass (Nova style). */
@Entity
@Table(name = "vehicles")
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle extends SoftDeleteMixin {
    @Id
    private Long id;
    private String plate;

    protected Vehicle() {
    }

    public Vehicle(Long id, String plate) {
        this.id = id;
        this.plate = plate;
    }

    public Long getId() {
        return id;
    }
}

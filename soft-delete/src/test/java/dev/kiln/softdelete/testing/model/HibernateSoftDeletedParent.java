package dev.kiln.softdelete.testing.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;

/** Plain Hibernate {@code @SoftDelete}: the parent side of the foreign-key hazard. */
@Entity
@Table(name = "hz_parent")
@SoftDelete
public class HibernateSoftDeletedParent {
    @Id
    private Long id;
    private String name;

    protected HibernateSoftDeletedParent() {
    }

    public HibernateSoftDeletedParent(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }
}

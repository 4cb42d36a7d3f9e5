package dev.kiln.softdelete.testing.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The child of {@link HibernateSoftDeletedParent}, with JPA's default eager to-one. */
@Entity
@Table(name = "hz_child")
public class HibernateChild {
    @Id
    private Long id;
    private String name;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "parent_id")
    private HibernateSoftDeletedParent parent;

    protected HibernateChild() {
    }

    public HibernateChild(Long id, String name, HibernateSoftDeletedParent parent) {
        this.id = id;
        this.name = name;
        this.parent = parent;
    }

    public HibernateSoftDeletedParent getParent() {
        return parent;
    }

    public void setName(String name) {
        this.name = name;
    }
}

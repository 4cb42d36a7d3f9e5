package dev.kiln.retry.it;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A child row referencing {@link Parent} through the foreign key {@code fk_child_parent}. */
@Entity
@Table(name = "child")
public class Child {
    @Id
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id", foreignKey = @ForeignKey(name = "fk_child_parent"))
    private Parent parent;

    protected Child() {
    }

    public Child(int id, Parent parent) {
        this.id = id;
        this.parent = parent;
    }
}

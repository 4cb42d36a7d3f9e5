package dev.kiln.softdelete.testing.model;

import dev.kiln.softdelete.SoftDeletable;
import dev.kiln.softdelete.SoftDeleteStyle;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Kiln entity in the flag style with a custom column name ({@code removed}) and no timestamp. */
@Entity
@Table(name = "owners")
@SoftDeletable(style = SoftDeleteStyle.Kind.FLAG, column = "removed", timestampColumn = "")
public class Owner {
    @Id
    private Long id;
    private String name;

    @Column(name = "removed", nullable = false)
    private boolean removed;

    protected Owner() {
    }

    public Owner(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isRemoved() {
        return removed;
    }
}

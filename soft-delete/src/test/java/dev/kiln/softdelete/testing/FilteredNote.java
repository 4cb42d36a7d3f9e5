package dev.kiln.softdelete.testing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;

/** A plain Hibernate entity with a {@code @Filter}, to show what enabling a filter does to the query plan cache. */
@Entity
@Table(name = "filtered_notes")
@FilterDef(name = "live", defaultCondition = "deleted = 0")
@Filter(name = "live")
public class FilteredNote {
    @Id
    private Long id;

    @Column(name = "deleted", nullable = false)
    private long deleted;

    protected FilteredNote() {
    }

    public FilteredNote(Long id, long deleted) {
        this.id = id;
        this.deleted = deleted;
    }

    public Long getId() {
        return id;
    }
}

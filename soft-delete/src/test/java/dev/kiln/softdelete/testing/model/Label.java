package dev.kiln.softdelete.testing.model;

import dev.kiln.softdelete.ContextScope;
import dev.kiln.softdelete.SoftDeletable;
import dev.kiln.softdelete.SoftDeleteStyle;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Timestamp-only soft delete ({@code archived_at}), scoped by a {@code tenant} context value; a many-to-many target. */
@Entity
@Table(name = "labels")
@SoftDeletable(style = SoftDeleteStyle.Kind.TIMESTAMP, timestampColumn = "archived_at")
@ContextScope(column = "tenant", key = "tenant")
public class Label {
    @Id
    private Long id;
    private String name;
    private String tenant;

    @Column(name = "archived_at")
    private Instant archivedAt;

    protected Label() {
    }

    public Label(Long id, String name, String tenant) {
        this.id = id;
        this.name = name;
        this.tenant = tenant;
    }

    public Long getId() {
        return id;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public void setArchivedAt(Instant archivedAt) {
        this.archivedAt = archivedAt;
    }
}

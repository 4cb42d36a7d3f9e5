package dev.kiln.softdelete;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.LocalDateTime;

/**
 * A mapped superclass that opts its entities into Nova-style soft delete: a {@code deleted} column (0 while live, the
 * row id once deleted) and a {@code deleted_at} UTC timestamp, as oslo.db's {@code SoftDeleteMixin}.
 *
 * <pre>{@code
 * @Entity
 * public class Volume extends SoftDeleteMixin {
 *     @Id Long id;
 *     ...
 * }
 * SoftDelete.softDelete(session, volume);   // deleted = id, deleted_at = now
 * }</pre>
 */
@MappedSuperclass
@SoftDeletable
public abstract class SoftDeleteMixin {
    @Column(name = "deleted", nullable = false)
    private Long deleted = 0L;

    @Column(name = "deleted_at")
    private LocalDateTime deletedAt;

    /** 0 while live; the row's id once soft-deleted. */
    public Long getDeleted() {
        return deleted;
    }

    public void setDeleted(Long deleted) {
        this.deleted = deleted;
    }

    public LocalDateTime getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(LocalDateTime deletedAt) {
        this.deletedAt = deletedAt;
    }

    /** True once soft-deleted. */
    public boolean isDeleted() {
        return deleted != null && deleted != 0L;
    }
}

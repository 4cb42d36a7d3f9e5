package dev.kiln.softdelete;

/**
 * Which rows a session sees with respect to soft deletion, as Nova's {@code read_deleted}.
 *
 * <pre>{@code
 * SoftDelete.setContext(session, CriteriaContext.builder().readDeleted(ReadDeleted.ONLY).admin().build());
 * List<FloatingIp> gone = session.createSelectionQuery("from FloatingIp", FloatingIp.class).list();
 * }</pre>
 */
public enum ReadDeleted {
    /** Only live rows: {@code deleted = 0} (Nova), {@code deleted = false}, {@code deleted_at is null}. The default. */
    NO,
    /** Live and deleted rows: no deleted-row criterion at all. */
    YES,
    /** Only deleted rows: {@code deleted <> 0}, {@code deleted = true}, {@code deleted_at is not null}. */
    ONLY
}

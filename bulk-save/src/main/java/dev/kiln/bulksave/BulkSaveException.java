package dev.kiln.bulksave;

import org.hibernate.HibernateException;

/**
 * A bulk save refused before anything was sent: an unsupported mapping, a null in a non-null column, a reference to an
 * unsaved entity, a row that cannot be inserted or updated as asked. Names the entity, the row (its position in the
 * collection given) and, where one is to blame, the attribute.
 *
 * <pre>{@code
 * try {
 *     BulkSave.insert(session, rows);
 * } catch (BulkSaveException e) {
 *     log.warn("row {} of {} is invalid: {}", e.rowIndex(), e.entityName(), e.getMessage());
 * }
 * }</pre>
 *
 * Database errors while writing are not wrapped: they come out as Hibernate's (or, with {@code kiln-retry}, Kiln's
 * rewritten) {@code JDBCException}s, whose message names the entity and the failing row.
 */
public class BulkSaveException extends HibernateException {
    private static final long serialVersionUID = 1L;

    private final String entityName;
    private final int rowIndex;
    private final String attribute;

    public BulkSaveException(String message, String entityName, int rowIndex, String attribute) {
        super(message);
        this.entityName = entityName;
        this.rowIndex = rowIndex;
        this.attribute = attribute;
    }

    /** The entity the error is about, or null. */
    public String entityName() {
        return entityName;
    }

    /** Zero-based position of the row in the collection passed to {@link BulkSave}, or -1 for a whole-type error. */
    public int rowIndex() {
        return rowIndex;
    }

    /** The attribute path to blame ({@code "address"}, {@code "location.city"}), or null. */
    public String attribute() {
        return attribute;
    }
}

package dev.kiln.bulksave.internal.access;

/**
 * Reads and writes one persistent property of an entity or embeddable. Implementations are generated classes that call
 * the property's getter/setter (or field) directly, so bulk operations do no per-row reflection.
 */
public interface PropertyAccessor {
    /** The property's value on {@code owner}. */
    Object get(Object owner);

    /** Sets the property's value on {@code owner}. */
    void set(Object owner, Object value);
}

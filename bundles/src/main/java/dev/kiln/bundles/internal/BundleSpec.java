package dev.kiln.bundles.internal;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generated view class of an entity needs to know: its attributes in slot order, with their kind and the
 * names of their getter and setter. Derived from the Hibernate mapping; small and serializable, so a deserialized
 * bundle can find (or regenerate) its class without a SessionFactory. Equal specs share one generated class.
 *
 * <p>The values array of a bundle has one slot per attribute (basic value, or foreign-key value of a to-one) followed
 * by one slot per association (the loaded target bundle or collection).
 *
 * @param entityClass the entity class the view extends
 * @param entityName  the entity's name, for messages
 * @param attributes  attribute 0 is the identifier
 */
public record BundleSpec(Class<?> entityClass, String entityName, List<Attr> attributes) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kind of an attribute, which decides how its getter answers. */
    public enum Kind { ID, BASIC, TO_ONE, COLLECTION, UNSUPPORTED }

    /**
     * One attribute.
     *
     * @param name   attribute name
     * @param kind   its kind
     * @param getter name of its no-argument getter, or null if it has none
     * @param setter name of its one-argument setter, or null
     * @param set    for collections: true if the attribute is a {@code Set}
     */
    public record Attr(String name, Kind kind, String getter, String setter, boolean set) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public BundleSpec {
        attributes = List.copyOf(attributes);
        if (attributes.isEmpty() || attributes.get(0).kind() != Kind.ID) {
            throw new IllegalArgumentException("attribute 0 must be the identifier: " + attributes);
        }
    }

    public int size() {
        return attributes.size();
    }

    public Attr attr(int i) {
        return attributes.get(i);
    }

    public boolean isAssociation(int i) {
        Kind k = attributes.get(i).kind();
        return k == Kind.TO_ONE || k == Kind.COLLECTION;
    }

    /** Slot of the loaded target of association {@code i}, after the attribute slots. */
    public int[] associationSlots() {
        int[] slots = new int[attributes.size()];
        int next = attributes.size();
        for (int i = 0; i < slots.length; i++) {
            slots[i] = isAssociation(i) ? next++ : -1;
        }
        return slots;
    }

    /** Length of a bundle's values array. */
    public int valuesLength() {
        int n = attributes.size();
        for (int i = 0; i < attributes.size(); i++) {
            if (isAssociation(i)) {
                n++;
            }
        }
        return n;
    }

    public Map<String, Integer> indexByName() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            m.put(attributes.get(i).name(), i);
        }
        return m;
    }
}

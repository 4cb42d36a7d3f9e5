package dev.kiln.bundles.internal;

import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

import java.util.Map;

/**
 * An entity as bundles see it within one SessionFactory: its view class plus what queries and lazy loads need from
 * the mapping. Built once per entity type by {@code MappingModelAdapter}.
 *
 * @param name       the entity name used in HQL
 * @param bundle     the generated view class
 * @param converters per attribute, the converter from the JDBC value to the attribute value, or null
 * @param targets    per association attribute, the target (to-one) or element (collection) entity class
 * @param targetKeys per to-one, the attribute of the target its foreign key references (the target's id or a
 *                   unique key such as {@code uuid})
 * @param mappedBy   per collection, the to-one attribute of the element that owns it
 */
public record EntityLayout(String name, BundleClass bundle, BasicValueConverter<?, ?>[] converters,
                           Class<?>[] targets, String[] targetKeys, String[] mappedBy, Map<String, Integer> index) {
    public BundleSpec spec() {
        return bundle.spec();
    }

    public Class<?> javaType() {
        return bundle.spec().entityClass();
    }

    public String idName() {
        return bundle.spec().attr(0).name();
    }

    /** Index of an attribute, or an error naming the entity, the attribute and the known attributes. */
    public int indexOf(String attribute) {
        Integer i = index.get(attribute);
        if (i == null) {
            throw new IllegalArgumentException(name + " has no attribute '" + attribute + "' a bundle can read; its attributes are "
                    + index.keySet());
        }
        return i;
    }

    public int size() {
        return bundle.spec().size();
    }

    public BundleSpec.Kind kind(int i) {
        return bundle.spec().attr(i).kind();
    }

    public boolean[] allLoaded() {
        boolean[] all = new boolean[size()];
        for (int i = 0; i < all.length; i++) {
            BundleSpec.Kind k = kind(i);
            all[i] = k == BundleSpec.Kind.ID || k == BundleSpec.Kind.BASIC || k == BundleSpec.Kind.TO_ONE;
        }
        return all;
    }
}

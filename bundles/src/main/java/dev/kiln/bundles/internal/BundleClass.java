package dev.kiln.bundles.internal;

import java.lang.reflect.Method;

/**
 * A generated view class with its spec and instantiator.
 *
 * @param spec        what it was generated from
 * @param type        the generated subclass of {@code spec.entityClass()}
 * @param factory     generated instantiator
 * @param slots       association slot of each attribute (or -1)
 * @param getterTypes return type of each attribute's getter (null if it has none)
 */
public record BundleClass(BundleSpec spec, Class<?> type, BundleFactory factory, int[] slots, Class<?>[] getterTypes) {
    static Class<?>[] getterTypes(BundleSpec spec, java.util.function.Function<BundleSpec.Attr, Method> getter) {
        Class<?>[] types = new Class<?>[spec.size()];
        for (int i = 0; i < types.length; i++) {
            Method m = getter.apply(spec.attr(i));
            types[i] = m == null ? null : m.getReturnType();
        }
        return types;
    }
}

package dev.kiln.bundles.internal;

/** Answers questions about a bundle's state for the public API. */
public final class BundleInspector {
    private BundleInspector() {
    }

    public static boolean isLoaded(BundleObject bundle, String attribute) {
        RowShape shape = bundle.$kiln$shape();
        Integer i = shape.type.spec().indexByName().get(attribute);
        if (i == null) {
            throw new IllegalArgumentException(shape.type.spec().entityName() + " has no attribute '" + attribute + "'");
        }
        synchronized (shape) {
            int slot = shape.type.slots()[i];
            return slot >= 0 ? bundle.$kiln$values()[slot] != null : shape.loaded[i];
        }
    }

    /** The attribute a getter call on a recording bundle read, or -1. */
    public static int recordGetter(BundleClass type, java.util.function.Function<Object, ?> getter) {
        int[] recorded = {-1};
        Object recorder = type.factory().create(RowShape.recorder(type, recorded), new Object[type.spec().valuesLength()]);
        getter.apply(recorder);
        return recorded[0];
    }
}

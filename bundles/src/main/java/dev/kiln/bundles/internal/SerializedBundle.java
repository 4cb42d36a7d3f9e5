package dev.kiln.bundles.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The serialized form of a bundle. Generated classes cannot be found by name in another class loader or JVM, so a
 * bundle writes this instead and {@link #readResolve()} rebuilds it from the spec (regenerating the view class if
 * needed). A deserialized bundle has no session: what was loaded reads as before, lazy loads throw
 * {@code DetachedBundleException}.
 */
final class SerializedBundle implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Stands for {@link RowShape#NONE} in the stream. */
    private enum Marker { NONE }

    private final BundleSpec spec;
    private final boolean[] loaded;
    private final Object[] values;

    private SerializedBundle(BundleSpec spec, boolean[] loaded, Object[] values) {
        this.spec = spec;
        this.loaded = loaded;
        this.values = values;
    }

    static SerializedBundle of(RowShape shape, Object[] values) {
        Object[] copy;
        boolean[] loaded;
        synchronized (shape) {
            copy = values.clone();
            loaded = shape.loaded.clone();
        }
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == RowShape.NONE) {
                copy[i] = Marker.NONE;
            } else if (i >= shape.type.spec().size() && copy[i] instanceof Set<?> s) {
                copy[i] = new LinkedHashSet<>(s);
            } else if (i >= shape.type.spec().size() && copy[i] instanceof Collection<?> c) {
                copy[i] = new ArrayList<>(c);
            }
        }
        return new SerializedBundle(shape.type.spec(), loaded, copy);
    }

    @Serial
    private Object readResolve() {
        BundleClass type = BundleClasses.forSpec(spec);
        Object[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (v[i] == Marker.NONE) {
                v[i] = RowShape.NONE;
            } else if (i >= spec.size() && v[i] instanceof Set<?> s) {
                v[i] = Collections.unmodifiableSet(s);
            } else if (i >= spec.size() && v[i] instanceof List<?> l) {
                v[i] = Collections.unmodifiableList(l);
            }
        }
        RowShape shape = new RowShape(type, loaded, null, false);
        Object bundle = type.factory().create(shape, v);
        shape.rows.add((BundleObject) bundle);
        return bundle;
    }
}

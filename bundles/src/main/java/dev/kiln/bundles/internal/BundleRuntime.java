package dev.kiln.bundles.internal;

import dev.kiln.bundles.ReadOnlyBundleException;

import java.util.Objects;

/**
 * The behaviour generated view classes delegate to: {@code equals}, {@code hashCode}, {@code toString},
 * serialization and the read-only error. Public only because generated classes live in the entity's package.
 */
public final class BundleRuntime {
    private BundleRuntime() {
    }

    public static RuntimeException readOnly(String entity, String attribute, String method) {
        return new ReadOnlyBundleException(entity, attribute, method);
    }

    /**
     * Two bundles are equal when they view the same entity type, have the same attributes loaded, and those hold equal
     * values (identifier, basic attributes and foreign keys; collections and loaded targets are not compared).
     */
    public static boolean equals(Object self, Object other) {
        if (self == other) {
            return true;
        }
        if (!(other instanceof BundleObject o) || !(self instanceof BundleObject s)) {
            return false;
        }
        RowShape a = s.$kiln$shape();
        RowShape b = o.$kiln$shape();
        if (a.type.spec().entityClass() != b.type.spec().entityClass() || !a.type.spec().equals(b.type.spec())) {
            return false;
        }
        Object[] va = s.$kiln$values();
        Object[] vb = o.$kiln$values();
        for (int i = 0; i < a.loaded.length; i++) {
            if (a.type.spec().attr(i).kind() == BundleSpec.Kind.COLLECTION) {
                continue;
            }
            if (a.loaded[i] != b.loaded[i] || (a.loaded[i] && !Objects.deepEquals(va[i], vb[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Entity type and identifier: stable for the bundle's life, consistent with {@link #equals}. */
    public static int hashCode(Object self) {
        BundleObject s = (BundleObject) self;
        return 31 * s.$kiln$shape().type.spec().entityClass().hashCode() + Objects.hashCode(s.$kiln$values()[0]);
    }

    /** {@code FixedIp(bundle){id=1, address=10.0.0.1, instance=<key>, ...}}: loaded attributes only. */
    public static String toString(Object self) {
        BundleObject s = (BundleObject) self;
        RowShape shape = s.$kiln$shape();
        Object[] values = s.$kiln$values();
        BundleSpec spec = shape.type.spec();
        StringBuilder sb = new StringBuilder(spec.entityName()).append("(bundle){");
        boolean first = true;
        for (int i = 0; i < spec.size(); i++) {
            BundleSpec.Kind k = spec.attr(i).kind();
            if (!shape.loaded[i] || k == BundleSpec.Kind.COLLECTION || k == BundleSpec.Kind.UNSUPPORTED) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(spec.attr(i).name()).append('=');
            Object v = values[i];
            if (k == BundleSpec.Kind.TO_ONE && v != null) {
                sb.append("<key ").append(v).append('>');
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }

    /** Serialized form: the spec, the loaded flags and the values (loaded targets serialized as bundles too). */
    public static Object writeReplace(Object self) {
        BundleObject s = (BundleObject) self;
        return SerializedBundle.of(s.$kiln$shape(), s.$kiln$values());
    }

    static Object defaultValue(Class<?> type) {
        if (type == null || !type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == char.class) {
            return (char) 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == double.class) {
            return 0d;
        }
        return 0f;
    }
}

package dev.kiln.softdelete.internal;

import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteSettings;

import java.util.Map;
import java.util.function.Supplier;

/** Reads Kiln soft delete's Hibernate settings. */
public final class KilnSettings {
    private KilnSettings() {
    }

    /** False only if {@link SoftDeleteSettings#ENABLED} is set to false. */
    public static boolean enabled(Map<String, ?> settings) {
        Object v = settings.get(SoftDeleteSettings.ENABLED);
        return v == null || !"false".equalsIgnoreCase(v.toString().trim());
    }

    /** The configured {@link SoftDeleteConfiguration}, or the empty one. */
    public static SoftDeleteConfiguration configuration(Map<String, ?> settings) {
        Object v = settings.get(SoftDeleteSettings.CONFIGURATION);
        if (v == null) {
            return SoftDeleteConfiguration.empty();
        }
        if (v instanceof SoftDeleteConfiguration c) {
            return c;
        }
        if (v instanceof Supplier<?> s) {
            return fromSupplier(s, v.getClass().getName());
        }
        String className = v instanceof Class<?> c ? c.getName() : v.toString().trim();
        try {
            Class<?> type = v instanceof Class<?> c ? c
                    : Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                            ? Thread.currentThread().getContextClassLoader() : KilnSettings.class.getClassLoader());
            Object instance = type.getConstructor().newInstance();
            if (instance instanceof Supplier<?> s) {
                return fromSupplier(s, className);
            }
        } catch (ReflectiveOperationException | LinkageError ex) {
            throw new IllegalStateException("Setting " + SoftDeleteSettings.CONFIGURATION + " = " + className
                    + " could not be instantiated: " + ex, ex);
        }
        throw new IllegalStateException("Setting " + SoftDeleteSettings.CONFIGURATION + " must be a "
                + "SoftDeleteConfiguration or the name of a Supplier<SoftDeleteConfiguration> class, got " + v);
    }

    private static SoftDeleteConfiguration fromSupplier(Supplier<?> supplier, String name) {
        Object c = supplier.get();
        if (c instanceof SoftDeleteConfiguration config) {
            return config;
        }
        throw new IllegalStateException("Setting " + SoftDeleteSettings.CONFIGURATION + ": supplier " + name
                + " returned " + c + " instead of a SoftDeleteConfiguration");
    }
}

package dev.kiln.bulksave.internal.access;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * Creates {@link PropertyAccessor}s once per (class, property) and caches them.
 *
 * <p>The accessor is a class generated with ByteBuddy in the owner's package (defined through a private
 * {@link MethodHandles.Lookup} on the owner), whose {@code get}/{@code set} call the JavaBean getter and setter of the
 * property. When the property has no non-private getter/setter pair (a private field without accessors, or accessors
 * named differently from the field, such as {@code iface}/{@code getInterface}), the accessor falls back to
 * {@link MethodHandle}s on the field: still no reflection per call, but not inlined as well.
 *
 * <pre>{@code
 * PropertyAccessor id = AccessorFactory.forProperty(FloatingIp.class, "id");
 * id.set(ip, 42L);
 * }</pre>
 */
public final class AccessorFactory {
    private static final Map<Class<?>, Map<String, PropertyAccessor>> CACHE = new ConcurrentHashMap<>();

    private AccessorFactory() {
    }

    /**
     * The accessor of {@code property} as declared on {@code owner} or one of its superclasses.
     *
     * @throws IllegalArgumentException if the class has no such field or JavaBean property
     */
    public static PropertyAccessor forProperty(Class<?> owner, String property) {
        return CACHE.computeIfAbsent(owner, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(property, p -> create(owner, p));
    }

    /** True if the accessor of the property was generated with getter/setter calls (for tests and diagnostics). */
    public static boolean isGenerated(PropertyAccessor accessor) {
        return !(accessor instanceof FieldHandleAccessor);
    }

    private static PropertyAccessor create(Class<?> owner, String property) {
        Field field = findField(owner, property);
        Class<?> type = field != null ? field.getType() : null;
        Method getter = findGetter(owner, property, type);
        if (type == null && getter != null) {
            type = getter.getReturnType();
        }
        Method setter = type == null ? null : findSetter(owner, property, type);
        if (getter != null && setter != null) {
            try {
                return generate(owner, property, getter, setter);
            } catch (RuntimeException | IllegalAccessException e) {
                // a class loader that cannot see our interface, a sealed package: use field handles below
            }
        }
        if (field == null) {
            throw new IllegalArgumentException("Class " + owner.getName() + " has no field or getter/setter pair for property '"
                    + property + "'");
        }
        return FieldHandleAccessor.of(field);
    }

    private static PropertyAccessor generate(Class<?> owner, String property, Method getter, Method setter)
            throws IllegalAccessException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
        String name = owner.getName() + "$KilnAccessor$" + property;
        Implementation get = MethodCall.invoke(getter).onArgument(0)
                .withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC);
        Implementation set = MethodCall.invoke(setter).onArgument(0).withArgument(1)
                .withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC);
        Class<?> generated = new ByteBuddy()
                .subclass(Object.class)
                .name(name)
                .implement(PropertyAccessor.class)
                .method(named("get")).intercept(get)
                .method(named("set")).intercept(set)
                .make()
                .load(owner.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                .getLoaded();
        try {
            return (PropertyAccessor) generated.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not instantiate generated accessor " + name, e);
        }
    }

    private static Field findField(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        return null;
    }

    private static Method findGetter(Class<?> owner, String property, Class<?> type) {
        String cap = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (String name : new String[]{"get" + cap, "is" + cap}) {
            Method m = findMethod(owner, name);
            if (m != null && (type == null || m.getReturnType() == type)) {
                return m;
            }
        }
        return null;
    }

    private static Method findSetter(Class<?> owner, String property, Class<?> type) {
        String name = "set" + property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        return findMethod(owner, name, type);
    }

    private static Method findMethod(Class<?> owner, String name, Class<?>... parameters) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name, parameters);
                int mod = m.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isPrivate(mod)) {
                    return null;
                }
                // package-private methods of a superclass in another package cannot be called from the owner's package
                if (!Modifier.isPublic(mod) && !Modifier.isProtected(mod) && c.getPackage() != owner.getPackage()) {
                    return null;
                }
                return m;
            } catch (NoSuchMethodException e) {
                // try the superclass
            }
        }
        return null;
    }

    /** Fallback: method handles on the field, obtained once. */
    static final class FieldHandleAccessor implements PropertyAccessor {
        private final MethodHandle getter;
        private final MethodHandle setter;

        private FieldHandleAccessor(MethodHandle getter, MethodHandle setter) {
            this.getter = getter;
            this.setter = setter;
        }

        static FieldHandleAccessor of(Field field) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
                MethodHandle g = lookup.unreflectGetter(field)
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                MethodHandle s = null;
                if (!Modifier.isFinal(field.getModifiers())) {
                    s = lookup.unreflectSetter(field)
                            .asType(java.lang.invoke.MethodType.methodType(void.class, Object.class, Object.class));
                }
                return new FieldHandleAccessor(g, s);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("Field " + field + " is not accessible; open its package to Kiln", e);
            }
        }

        @Override
        public Object get(Object owner) {
            try {
                return getter.invokeExact(owner);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public void set(Object owner, Object value) {
            if (setter == null) {
                throw new UnsupportedOperationException("The property is read-only (a final field without setter)");
            }
            try {
                setter.invokeExact(owner, value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

}

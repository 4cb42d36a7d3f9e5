package dev.kiln.bundles.internal;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.NamingStrategy;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.Throw;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.implementation.bytecode.member.FieldAccess;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.implementation.bytecode.member.MethodReturn;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isEquals;
import static net.bytebuddy.matcher.ElementMatchers.isHashCode;
import static net.bytebuddy.matcher.ElementMatchers.isToString;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Generates, once per {@link BundleSpec} (JVM-wide), the view class of an entity: a subclass whose getters answer
 * from the bundle's values array through {@link RowShape#get}, whose setters and other {@code void} methods throw
 * {@code ReadOnlyBundleException}, with {@code equals}/{@code hashCode}/{@code toString} and serialization from
 * {@link BundleRuntime}; plus a generated {@link BundleFactory}, so that creating a bundle per row is a plain
 * constructor call.
 *
 * <p>The classes are defined in the entity's package and class loader (through a private lookup), so protected and
 * package-private accessors are overridden too; if the package is not open to Kiln, a child class loader is used and
 * only public and protected methods are overridden.
 */
public final class BundleClasses {
    static final String SHAPE_FIELD = "$kiln$shape";
    static final String VALUES_FIELD = "$kiln$values";

    private static final Map<BundleSpec, BundleClass> CLASSES = new ConcurrentHashMap<>();
    private static final MethodDescription GET;
    private static final MethodDescription READ_ONLY;

    static {
        try {
            GET = new MethodDescription.ForLoadedMethod(RowShape.class.getMethod("get", Object[].class, int.class));
            READ_ONLY = new MethodDescription.ForLoadedMethod(
                    BundleRuntime.class.getMethod("readOnly", String.class, String.class, String.class));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private BundleClasses() {
    }

    /** The view class for a spec, generated on first use. */
    public static BundleClass forSpec(BundleSpec spec) {
        BundleClass existing = CLASSES.get(spec);
        if (existing != null) {
            return existing;
        }
        synchronized (BundleClasses.class) {
            return CLASSES.computeIfAbsent(spec, BundleClasses::generate);
        }
    }

    /** The getter a spec attribute names, found on the entity class or its superclasses; null if none. */
    static Method getter(Class<?> entity, BundleSpec.Attr attr) {
        return attr.getter() == null ? null : findMethod(entity, attr.getter(), 0);
    }

    static Method findMethod(Class<?> type, String name, int parameters) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == parameters && !m.isBridge()
                        && !Modifier.isStatic(m.getModifiers())) {
                    return m;
                }
            }
        }
        return null;
    }

    private static BundleClass generate(BundleSpec spec) {
        Class<?> entity = spec.entityClass();
        String entityName = spec.entityName();
        if (Modifier.isFinal(entity.getModifiers())) {
            throw new IllegalArgumentException("Cannot make bundles of " + entityName + ": its class " + entity.getName()
                    + " is final. Bundles are generated subclasses (like Hibernate's lazy proxies); remove 'final'.");
        }
        Constructor<?> superConstructor;
        try {
            superConstructor = entity.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Cannot make bundles of " + entityName + ": " + entity.getName()
                    + " has no no-argument constructor (JPA requires one).", e);
        }
        if (Modifier.isPrivate(superConstructor.getModifiers())) {
            throw new IllegalArgumentException("Cannot make bundles of " + entityName + ": the no-argument constructor of "
                    + entity.getName() + " is private; make it protected.");
        }

        MethodHandles.Lookup lookup = privateLookup(entity);
        ClassLoadingStrategy<ClassLoader> strategy = lookup != null
                ? ClassLoadingStrategy.UsingLookup.of(lookup) : ClassLoadingStrategy.Default.WRAPPER;

        DynamicType.Builder<?> b = new ByteBuddy()
                .with(new NamingStrategy.SuffixingRandom("KilnBundle"))
                .subclass(entity, ConstructorStrategy.Default.NO_CONSTRUCTORS)
                .implement(BundleObject.class, Serializable.class)
                .defineField(SHAPE_FIELD, RowShape.class, Visibility.PRIVATE)
                .defineField(VALUES_FIELD, Object[].class, Visibility.PRIVATE)
                .defineConstructor(Visibility.PUBLIC).withParameters(RowShape.class, Object[].class)
                .intercept(MethodCall.invoke(superConstructor)
                        .andThen(FieldAccessor.ofField(SHAPE_FIELD).setsArgumentAt(0))
                        .andThen(FieldAccessor.ofField(VALUES_FIELD).setsArgumentAt(1)));

        // Any void method declared by the entity or its superclasses mutates, or does nothing useful on a view.
        Map<String, String> setterAttribute = new LinkedHashMap<>();
        for (BundleSpec.Attr a : spec.attributes()) {
            if (a.setter() != null) {
                setterAttribute.put(a.setter(), a.name());
            }
        }
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (m.getReturnType() != void.class || Modifier.isStatic(mod) || Modifier.isPrivate(mod)
                        || Modifier.isFinal(mod) || m.isBridge() || m.isSynthetic()) {
                    continue;
                }
                if (!Modifier.isPublic(mod) && !Modifier.isProtected(mod) && lookup == null) {
                    continue;
                }
                String attribute = setterAttribute.get(m.getName());
                if (attribute == null && m.getName().startsWith("set") && m.getName().length() > 3 && m.getParameterCount() == 1) {
                    attribute = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                }
                b = b.method(named(m.getName()).and(takesArguments(m.getParameterTypes())).and(returns(void.class)))
                        .intercept(new Throwing(entityName, attribute, m.getName()));
            }
        }
        for (int i = 0; i < spec.size(); i++) {
            BundleSpec.Attr a = spec.attr(i);
            Method getter = getter(entity, a);
            if (getter == null) {
                continue;
            }
            if (Modifier.isFinal(getter.getModifiers())) {
                throw new IllegalArgumentException("Cannot make bundles of " + entityName + ": the getter "
                        + getter.getName() + "() of attribute '" + a.name() + "' is final; bundles override getters.");
            }
            b = b.method(named(getter.getName()).and(takesArguments(0))).intercept(new Getter(i));
        }
        b = b.method(isEquals()).intercept(MethodCall.invoke(runtime("equals", Object.class, Object.class)).withThis().withArgument(0))
                .method(isHashCode()).intercept(MethodCall.invoke(runtime("hashCode", Object.class)).withThis())
                .method(isToString()).intercept(MethodCall.invoke(runtime("toString", Object.class)).withThis())
                .method(named("$kiln$shape").and(isDeclaredBy(BundleObject.class))).intercept(FieldAccessor.ofField(SHAPE_FIELD))
                .method(named("$kiln$values").and(isDeclaredBy(BundleObject.class))).intercept(FieldAccessor.ofField(VALUES_FIELD))
                .defineMethod("writeReplace", Object.class, Visibility.PROTECTED).throwing(ObjectStreamException.class)
                .intercept(MethodCall.invoke(runtime("writeReplace", Object.class)).withThis());

        ClassLoader loader = entity.getClassLoader();
        Class<?> type = b.make().load(loader, strategy).getLoaded();
        BundleFactory factory;
        try {
            Class<? extends BundleFactory> factoryType = new ByteBuddy()
                    .subclass(BundleFactory.class)
                    .name(type.getName() + "$Factory")
                    .method(named("create"))
                    .intercept(MethodCall.construct(type.getConstructor(RowShape.class, Object[].class)).withAllArguments())
                    .make().load(type.getClassLoader(), lookup != null ? strategy : ClassLoadingStrategy.Default.INJECTION)
                    .getLoaded();
            factory = factoryType.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Generating the bundle factory of " + entityName + " failed", e);
        }
        return new BundleClass(spec, type, factory, spec.associationSlots(),
                BundleClass.getterTypes(spec, a -> getter(entity, a)));
    }

    private static MethodHandles.Lookup privateLookup(Class<?> entity) {
        try {
            return MethodHandles.privateLookupIn(entity, MethodHandles.lookup());
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static Method runtime(String name, Class<?>... parameters) {
        try {
            return BundleRuntime.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A method body given as one stack manipulation (ending in a return or throw). */
    private interface Body extends Implementation {
        StackManipulation code(Target target, MethodDescription method);

        @Override
        default InstrumentedType prepare(InstrumentedType instrumentedType) {
            return instrumentedType;
        }

        @Override
        default ByteCodeAppender appender(Target target) {
            return (mv, context, method) -> new ByteCodeAppender.Size(
                    code(target, method).apply(mv, context).getMaximalSize(), method.getStackSize());
        }
    }

    /** Getter body: {@code return (T) this.$kiln$shape.get(this.$kiln$values, index);} (unboxing primitives). */
    private record Getter(int index) implements Body {
        @Override
        public StackManipulation code(Target target, MethodDescription method) {
            TypeDescription type = target.getInstrumentedType();
            FieldDescription shape = type.getDeclaredFields().filter(named(SHAPE_FIELD)).getOnly();
            FieldDescription values = type.getDeclaredFields().filter(named(VALUES_FIELD)).getOnly();
            return new StackManipulation.Compound(
                    MethodVariableAccess.loadThis(), FieldAccess.forField(shape).read(),
                    MethodVariableAccess.loadThis(), FieldAccess.forField(values).read(),
                    IntegerConstant.forValue(index),
                    MethodInvocation.invoke(GET),
                    Assigner.DEFAULT.assign(TypeDescription.Generic.OBJECT, method.getReturnType(), Assigner.Typing.DYNAMIC),
                    MethodReturn.of(method.getReturnType()));
        }
    }

    /** Body: {@code throw BundleRuntime.readOnly(entity, attribute, method);}. */
    private record Throwing(String entity, String attribute, String method) implements Body {
        @Override
        public StackManipulation code(Target target, MethodDescription m) {
            return new StackManipulation.Compound(
                    new TextConstant(entity),
                    attribute == null ? NullConstant.INSTANCE : new TextConstant(attribute),
                    new TextConstant(method),
                    MethodInvocation.invoke(READ_ONLY),
                    Throw.INSTANCE);
        }
    }
}

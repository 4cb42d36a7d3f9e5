package dev.kiln.bundles.internal;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.collection.ArrayAccess;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.member.FieldAccess;
import net.bytebuddy.implementation.bytecode.member.MethodReturn;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.isEquals;
import static net.bytebuddy.matcher.ElementMatchers.isHashCode;
import static net.bytebuddy.matcher.ElementMatchers.isToString;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Generates the code behind {@code @EntityView}s, once per view type (JVM-wide): for a record, a factory calling its
 * canonical constructor with the row's values; for an interface, an implementation answering each accessor from the
 * row's values (with value-based {@code equals}, {@code hashCode} and {@code toString}) and its factory.
 */
public final class ViewClasses {
    private static final Map<Class<?>, ViewModel.ViewFactory> FACTORIES = new ConcurrentHashMap<>();
    private static final Map<Class<?>, String[]> NAMES = new ConcurrentHashMap<>();

    /** Implemented by generated interface views. */
    public interface ViewObject {
        Object[] $kiln$values();
    }

    private ViewClasses() {
    }

    /** The factory of a view type whose accessors, in row order, are {@code accessors} (with their property names). */
    static ViewModel.ViewFactory factory(Class<?> viewType, List<Method> accessors, List<String> names) {
        return FACTORIES.computeIfAbsent(viewType, t -> generate(t, accessors, names));
    }

    private static ViewModel.ViewFactory generate(Class<?> viewType, List<Method> accessors, List<String> names) {
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(viewType, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("Kiln cannot define classes next to view " + viewType.getName()
                    + ": open its package to dev.kiln.bundles", e);
        }
        ClassLoadingStrategy<ClassLoader> strategy = ClassLoadingStrategy.UsingLookup.of(lookup);
        try {
            Constructor<?> target;
            if (viewType.isRecord()) {
                Class<?>[] types = Arrays.stream(viewType.getRecordComponents()).map(c -> c.getType()).toArray(Class<?>[]::new);
                target = viewType.getDeclaredConstructor(types);
                Class<? extends ViewModel.ViewFactory> f = new ByteBuddy().subclass(ViewModel.ViewFactory.class)
                        .name(viewType.getName() + "$KilnViewFactory")
                        .method(named("create"))
                        .intercept(MethodCall.construct(target).withArgumentArrayElements(0, types.length)
                                .withAssigner(Assigner.DEFAULT, Assigner.Typing.DYNAMIC))
                        .make().load(viewType.getClassLoader(), strategy).getLoaded();
                return f.getConstructor().newInstance();
            }
            NAMES.put(viewType, names.toArray(new String[0]));
            var b = new ByteBuddy().subclass(Object.class).implement(viewType, ViewObject.class)
                    .name(viewType.getName() + "$KilnView")
                    .defineField("$kiln$values", Object[].class, Visibility.PRIVATE)
                    .defineConstructor(Visibility.PUBLIC).withParameters(Object[].class)
                    .intercept(MethodCall.invoke(Object.class.getConstructor())
                            .andThen(FieldAccessor.ofField("$kiln$values").setsArgumentAt(0)))
                    .method(named("$kiln$values")).intercept(FieldAccessor.ofField("$kiln$values"))
                    .method(isEquals()).intercept(MethodCall.invoke(ViewClasses.class.getMethod("equals", Object.class, Object.class)).withThis().withArgument(0))
                    .method(isHashCode()).intercept(MethodCall.invoke(ViewClasses.class.getMethod("hashCode", Object.class)).withThis())
                    .method(isToString()).intercept(MethodCall.invoke(ViewClasses.class.getMethod("toString", Object.class)).withThis());
            for (int i = 0; i < accessors.size(); i++) {
                b = b.method(named(accessors.get(i).getName()).and(takesArguments(0))).intercept(new ArrayElement(i));
            }
            Class<?> impl = b.make().load(viewType.getClassLoader(), strategy).getLoaded();
            Class<? extends ViewModel.ViewFactory> f = new ByteBuddy().subclass(ViewModel.ViewFactory.class)
                    .name(viewType.getName() + "$KilnViewFactory")
                    .method(named("create"))
                    .intercept(MethodCall.construct(impl.getConstructor(Object[].class)).withAllArguments())
                    .make().load(viewType.getClassLoader(), strategy).getLoaded();
            return f.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Generating the view " + viewType.getName() + " failed", e);
        }
    }

    public static boolean equals(Object self, Object other) {
        return other != null && self.getClass() == other.getClass()
                && Arrays.equals(((ViewObject) self).$kiln$values(), ((ViewObject) other).$kiln$values());
    }

    public static int hashCode(Object self) {
        return Arrays.hashCode(((ViewObject) self).$kiln$values());
    }

    public static String toString(Object self) {
        Class<?> view = self.getClass().getInterfaces()[0];
        String[] names = NAMES.get(view);
        Object[] values = ((ViewObject) self).$kiln$values();
        StringBuilder sb = new StringBuilder(view.getSimpleName()).append('{');
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(Objects.toString(values[i]));
        }
        return sb.append('}').toString();
    }

    /** Accessor body: {@code return (T) this.$kiln$values[index];} (unboxing primitives). */
    private record ArrayElement(int index) implements Implementation {
        @Override
        public InstrumentedType prepare(InstrumentedType instrumentedType) {
            return instrumentedType;
        }

        @Override
        public ByteCodeAppender appender(Target target) {
            return (mv, context, method) -> {
                FieldDescription values = target.getInstrumentedType().getDeclaredFields().filter(named("$kiln$values")).getOnly();
                StackManipulation.Size size = new StackManipulation.Compound(
                        MethodVariableAccess.loadThis(), FieldAccess.forField(values).read(),
                        IntegerConstant.forValue(index), ArrayAccess.REFERENCE.load(),
                        Assigner.DEFAULT.assign(TypeDescription.Generic.OBJECT, method.getReturnType(), Assigner.Typing.DYNAMIC),
                        MethodReturn.of(method.getReturnType())).apply(mv, context);
                return new ByteCodeAppender.Size(size.getMaximalSize(), method.getStackSize());
            };
        }
    }
}

package dev.kiln.bakedquery.internal;

import dev.kiln.bakedquery.CapturedStateException;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detects captured state in the parts of a baked query, once per lambda class (a lambda's class is its call site).
 * A non-capturing lambda's class has no instance fields; a capturing one holds each captured value (and {@code this})
 * in a field. Anonymous and named classes are judged the same way: any instance field is state.
 */
public final class Captures {
    private static final java.util.Set<String> API_CLASSES = java.util.Set.of(
            "dev.kiln.bakedquery.Bakery", "dev.kiln.bakedquery.BakedQuery", "dev.kiln.bakedquery.BakedCall");

    private static final ClassValue<Inspection> INSPECTIONS = new ClassValue<>() {
        @Override
        protected Inspection computeValue(Class<?> type) {
            List<Field> state = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        state.add(f);
                    }
                }
            }
            return state.isEmpty() ? Inspection.CLEAN : new Inspection(state);
        }
    };

    private Captures() {
    }

    /** Throws {@link CapturedStateException} if {@code part} holds state; {@code role} says what the part is. */
    public static void requireStateless(Object part, String role) {
        Inspection inspection = INSPECTIONS.get(part.getClass());
        if (inspection != Inspection.CLEAN) {
            throw new CapturedStateException(inspection.message(part, role));
        }
    }

    /** Whether a part holds state (for tests and diagnostics). */
    public static boolean holdsState(Object part) {
        return INSPECTIONS.get(part.getClass()) != Inspection.CLEAN;
    }

    private static final class Inspection {
        static final Inspection CLEAN = new Inspection(List.of());

        private final List<Field> fields;
        private volatile String message;

        Inspection(List<Field> fields) {
            this.fields = fields;
        }

        String message(Object part, String role) {
            String m = message;
            if (m == null) {
                m = describe(part, role, fields);
                message = m;
            }
            return m;
        }
    }

    static String describe(Object part, String role, List<Field> fields) {
        Optional<SerializedLambda> lambda = serializedForm(part);
        ClassLoader loader = part.getClass().getClassLoader();
        List<String> names = lambda.map(l -> capturedNames(l, fields, loader)).orElseGet(() -> fieldNames(fields));
        String site = lambda.map(Captures::lambdaSite).orElse(part.getClass().getName());
        StringBuilder sb = new StringBuilder();
        sb.append("Baked query ").append(role).append(" at ").append(callerFrame()).append(" (").append(site)
                .append(") captures ").append(names.size() == 1 ? "a variable: " : names.size() + " variables: ")
                .append(String.join(", ", names)).append(". A baked query's lambdas run once per call site and every ")
                .append("later call reuses what they built, so a captured value would freeze into the cached query. ")
                .append("Use a parameter instead: write ':name' in the query (or cb.parameter(Type.class, \"name\") in ")
                .append("criteria) and bind the value per call with .on(session).param(\"name\", value); read fields ")
                .append("of 'this' outside the lambda and bind them the same way. Parts that truly differ per call ")
                .append("may capture after .spoil() (they then run on every call).");
        return sb.toString();
    }

    private static Optional<SerializedLambda> serializedForm(Object part) {
        try {
            Method writeReplace = part.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object form = writeReplace.invoke(part);
            return form instanceof SerializedLambda sl ? Optional.of(sl) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Names the captured values from the implementation method's local variable table (javac -g), else by position. */
    private static List<String> capturedNames(SerializedLambda lambda, List<Field> fields, ClassLoader loader) {
        List<String> names = new ArrayList<>();
        int captured = lambda.getCapturedArgCount();
        boolean instanceImpl = lambda.getImplMethodKind() != java.lang.invoke.MethodHandleInfo.REF_invokeStatic
                && lambda.getImplMethodKind() != java.lang.invoke.MethodHandleInfo.REF_newInvokeSpecial;
        java.util.Map<Integer, String> slots = implClass(lambda, loader)
                .map(c -> LocalVariableNames.parameters(c, lambda.getImplMethodName()))
                .orElse(java.util.Map.of());
        int slot = 0;
        for (int i = 0; i < captured; i++) {
            Object arg = lambda.getCapturedArg(i);
            String type = arg == null ? "null" : arg.getClass().getSimpleName();
            if (i == 0 && instanceImpl) {
                names.add("this (" + type + ")");
                slot++;
                continue;
            }
            String name = slots.getOrDefault(slot, "captured value " + (i + 1));
            slot += arg instanceof Long || arg instanceof Double ? 2 : 1;
            names.add(name + " (" + type + ")");
        }
        return names.isEmpty() ? fieldNames(fields) : names;
    }

    private static Optional<Class<?>> implClass(SerializedLambda lambda, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(lambda.getImplClass().replace('/', '.'), false, loader));
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static String lambdaSite(SerializedLambda lambda) {
        String impl = lambda.getImplMethodName();
        String owner = lambda.getImplClass().replace('/', '.');
        // javac names lambda bodies lambda$<enclosing method>$<n>
        if (impl.startsWith("lambda$")) {
            String[] parts = impl.split("\\$");
            if (parts.length >= 2) {
                return "a lambda in " + owner + "." + parts[1];
            }
        }
        return owner + "::" + impl;
    }

    private static List<String> fieldNames(List<Field> fields) {
        List<String> names = new ArrayList<>();
        for (Field f : fields) {
            String n = f.getName();
            names.add((n.startsWith("this$") ? "this" : n.startsWith("val$") ? n.substring(4) : n)
                    + " (" + f.getType().getSimpleName() + ")");
        }
        return names;
    }

    private static boolean isKiln(String className) {
        return className.startsWith("dev.kiln.bakedquery.internal.") || API_CLASSES.contains(className);
    }

    private static String callerFrame() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !isKiln(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("an unknown call site"));
    }
}

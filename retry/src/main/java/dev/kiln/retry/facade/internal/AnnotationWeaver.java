package dev.kiln.retry.facade.internal;

import dev.kiln.retry.facade.AsyncReader;
import dev.kiln.retry.facade.Reader;
import dev.kiln.retry.facade.Retry;
import dev.kiln.retry.facade.TransactionContext;
import dev.kiln.retry.facade.TransactionFacade;
import dev.kiln.retry.facade.TransactionRunner;
import dev.kiln.retry.facade.Writer;
import dev.kiln.retry.policy.RetryInsideTransactionException;
import dev.kiln.retry.policy.RetryPolicy;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.loading.MultipleParentClassLoader;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.implementation.bind.annotation.AllArguments;
import net.bytebuddy.implementation.bind.annotation.RuntimeType;
import net.bytebuddy.implementation.bind.annotation.SuperCall;
import net.bytebuddy.matcher.ElementMatchers;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Weaves the facade's annotations into a ByteBuddy subclass: each annotated method delegates to its own
 * {@link MethodTransaction}, whose runner, policy and context position are resolved once, here.
 */
public final class AnnotationWeaver {
    private AnnotationWeaver() {
    }

    /**
     * A subclass of {@code type} whose annotated methods run in {@code facade}'s transactions; the retry policy of
     * each method with {@link Retry} is put into {@code policies}.
     */
    public static <T> Class<? extends T> weave(TransactionFacade facade, Class<T> type,
                                               java.util.Map<Method, RetryPolicy> policies) {
        int m = type.getModifiers();
        if (!Modifier.isPublic(m) || Modifier.isFinal(m) || type.isInterface() || Modifier.isAbstract(m)
                || type.isMemberClass() && !Modifier.isStatic(m)) {
            throw new IllegalArgumentException("Cannot enhance " + type.getName() + ": it must be a public, "
                    + "non-final, non-abstract top-level or static nested class");
        }
        try {
            int c = type.getDeclaredConstructor().getModifiers();
            if (!Modifier.isPublic(c) && !Modifier.isProtected(c)) {
                throw new IllegalArgumentException("Cannot enhance " + type.getName()
                        + ": its no-argument constructor must be public or protected");
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Cannot enhance " + type.getName()
                    + ": it needs a public or protected no-argument constructor", e);
        }
        DynamicType.Builder<T> builder = new ByteBuddy()
                .subclass(type, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_OPENING)
                .name(type.getName() + "$KilnTransactions");
        List<Method> woven = new ArrayList<>();
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method method : k.getDeclaredMethods()) {
                MethodTransaction plan = plan(facade, method);
                if (plan == null || isOverridden(method, woven)) {
                    continue;
                }
                woven.add(method);
                if (plan.policy() != null) {
                    policies.put(method, plan.policy());
                }
                builder = builder.method(ElementMatchers.is(method)).intercept(MethodDelegation.to(plan));
            }
        }
        if (woven.isEmpty()) {
            throw new IllegalArgumentException("Cannot enhance " + type.getName() + ": no method is annotated "
                    + "@Writer, @Reader, @AsyncReader or @Retry");
        }
        ClassLoader loader = new MultipleParentClassLoader.Builder()
                .appendMostSpecific(type.getClassLoader(), AnnotationWeaver.class.getClassLoader())
                .build();
        return builder.make().load(loader, ClassLoadingStrategy.Default.WRAPPER).getLoaded();
    }

    private static boolean isOverridden(Method method, List<Method> seen) {
        for (Method s : seen) {
            if (s.getName().equals(method.getName())
                    && java.util.Arrays.equals(s.getParameterTypes(), method.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    private static MethodTransaction plan(TransactionFacade facade, Method method) {
        Writer w = method.getAnnotation(Writer.class);
        Reader r = method.getAnnotation(Reader.class);
        AsyncReader a = method.getAnnotation(AsyncReader.class);
        Retry retry = method.getAnnotation(Retry.class);
        int modes = (w != null ? 1 : 0) + (r != null ? 1 : 0) + (a != null ? 1 : 0);
        if (modes == 0 && retry == null) {
            return null;
        }
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        if (modes > 1) {
            throw new IllegalArgumentException(where + " has more than one of @Writer, @Reader, @AsyncReader");
        }
        int mod = method.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isFinal(mod) || Modifier.isPrivate(mod)
                || !Modifier.isPublic(mod) && !Modifier.isProtected(mod)) {
            throw new IllegalArgumentException("Cannot weave " + where + ": annotated methods must be public or "
                    + "protected, and neither static nor final");
        }
        int contextIndex = -1;
        Class<?>[] params = method.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            if (TransactionContext.class.isAssignableFrom(params[i])) {
                contextIndex = i;
                break;
            }
        }
        TransactionRunner runner = null;
        if (w != null) {
            runner = facade.writer();
            runner = w.independent() ? runner.independent() : runner;
            runner = w.savepoint() ? runner.savepoint() : runner;
        } else if (r != null) {
            runner = facade.reader();
            runner = r.allowAsync() ? runner.allowAsync() : runner;
            runner = r.independent() ? runner.independent() : runner;
            runner = r.savepoint() ? runner.savepoint() : runner;
        } else if (a != null) {
            runner = facade.asyncReader();
            runner = a.independent() ? runner.independent() : runner;
        }
        RetryPolicy policy = retry == null ? null : RetryAnnotations.policy(retry, where);
        if (runner != null && policy != null) {
            runner = runner.retry(policy);
        }
        return new MethodTransaction(where, runner, policy, contextIndex);
    }

    /** The interceptor of one woven method. Public because the generated class, in its own loader, calls it. */
    public static final class MethodTransaction {
        private final String method;
        private final TransactionRunner runner;
        private final RetryPolicy retryOnly;
        private final RetryPolicy policy;
        private final int contextIndex;

        MethodTransaction(String method, TransactionRunner runner, RetryPolicy policy, int contextIndex) {
            this.method = method;
            this.runner = runner;
            this.retryOnly = runner == null ? policy : null;
            this.policy = policy;
            this.contextIndex = contextIndex;
        }

        RetryPolicy policy() {
            return policy;
        }

        @RuntimeType
        public Object intercept(@SuperCall Callable<?> body, @AllArguments Object[] args) throws Exception {
            TransactionContext context = contextIndex < 0 ? TransactionContext.implicit()
                    : (TransactionContext) args[contextIndex];
            if (context == null) {
                throw new IllegalArgumentException(method + " was called with a null TransactionContext (argument "
                        + (contextIndex + 1) + ")");
            }
            if (runner != null) {
                return runner.call(context, session -> {
                    try {
                        return body.call();
                    } catch (Exception e) {
                        throw AnnotationWeaver.<RuntimeException>sneaky(e);
                    }
                });
            }
            if (context.transactionSlot().isActive()) {
                throw new RetryInsideTransactionException("@Retry on " + method, context.transactionSlot().describe());
            }
            return retryOnly.callChecked(body);
        }

        @Override
        public String toString() {
            return method + ": " + (runner != null ? runner : "retry " + retryOnly);
        }
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> X sneaky(Throwable t) throws X {
        throw (X) t;
    }

}

package dev.kiln.retry.spring;

import dev.kiln.retry.facade.Retry;
import dev.kiln.retry.facade.TransactionContext;
import dev.kiln.retry.facade.internal.RetryAnnotations;
import dev.kiln.retry.policy.RetryInsideTransactionException;
import dev.kiln.retry.policy.RetryPolicy;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a Spring bean method annotated with Kiln's {@link Retry} again, as a whole, when its policy says so. It must
 * sit outside {@code @Transactional} (the {@link RetryAdvisor} does that by default), so that each attempt runs in a
 * fresh transaction; if it finds a transaction already open it refuses with a
 * {@link RetryInsideTransactionException} before the first attempt, instead of retrying in a transaction that the
 * first failure has already doomed.
 *
 * <pre>{@code
 * @Bean
 * @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
 * static RetryAdvisor kilnRetryAdvisor() {       // ordered before (outside) @Transactional
 *     return new RetryAdvisor();
 * }
 * }</pre>
 *
 * <p>One policy, with its own {@link RetryPolicy#metrics() metrics}, per annotated method. Thread-safe.
 */
public final class RetryInterceptor implements MethodInterceptor {
    private final Map<Method, RetryPolicy> policies = new ConcurrentHashMap<>();

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = mostSpecific(invocation);
        RetryPolicy policy = policyOf(method);
        String where = "Kiln @Retry on " + method.getDeclaringClass().getName() + "." + method.getName();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            String name = TransactionSynchronizationManager.getCurrentTransactionName();
            throw new RetryInsideTransactionException(where, "Spring transaction" + (name == null ? "" : " " + name));
        }
        if (TransactionContext.implicit().transactionSlot().isActive()) {
            throw new RetryInsideTransactionException(where, TransactionContext.implicit().transactionSlot().describe());
        }
        if (!(invocation instanceof ProxyMethodInvocation proxied)) {
            throw new IllegalStateException(where + ": needs a Spring AOP ProxyMethodInvocation to run the method "
                    + "again, got " + invocation.getClass().getName());
        }
        return policy.callChecked(() -> {
            try {
                return proxied.invocableClone().proceed();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new UndeclaredThrowableException(t);
            }
        });
    }

    /** The policy used for {@code method} (annotated with {@link Retry}). */
    public RetryPolicy policyOf(Method method) {
        return policies.computeIfAbsent(method, m -> {
            RetryPolicy p = RetryAnnotations.policyOf(m);
            if (p == null) {
                throw new IllegalStateException(m + " is not annotated with " + Retry.class.getName());
            }
            return p;
        });
    }

    private static Method mostSpecific(MethodInvocation invocation) {
        Object target = invocation.getThis();
        Method m = invocation.getMethod();
        return target == null ? m : AopUtils.getMostSpecificMethod(m, AopUtils.getTargetClass(target));
    }
}

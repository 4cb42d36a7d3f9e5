package dev.kiln.retry.spring;

import dev.kiln.retry.facade.Retry;
import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;

/**
 * Applies Kiln's {@link Retry} to Spring beans, ordered <em>outside</em> {@code @Transactional}: by default it has
 * {@link Ordered#HIGHEST_PRECEDENCE}, while Spring's transaction advisor has {@link Ordered#LOWEST_PRECEDENCE}
 * unless configured otherwise, so the retry wraps the transaction and every attempt gets a fresh one (the order
 * Spring's own {@code @Retryable} and Spring Retry use). If the order is wrong anyway, the {@link RetryInterceptor}
 * finds the open transaction and refuses to retry with a clear error.
 *
 * <pre>{@code
 * @Configuration
 * @EnableTransactionManagement
 * class Config {
 *     @Bean
 *     @Role(BeanDefinition.ROLE_INFRASTRUCTURE)   // so that @EnableTransactionManagement's auto-proxy creator applies it
 *     static RetryAdvisor kilnRetryAdvisor() { return new RetryAdvisor(); }
 * }
 *
 * @Service
 * public class Transfers {
 *     @Retry(onDeadlock = true, maxAttempts = 10, initialDelayMillis = 20, maxDelayMillis = 500)
 *     @Transactional
 *     public void transfer(long from, long to, long amount) { ... }
 * }
 * }</pre>
 *
 * <p>Needs spring-aop and spring-tx on the class path (optional dependencies of kiln-retry).
 */
public class RetryAdvisor extends AbstractPointcutAdvisor {
    private static final long serialVersionUID = 1L;

    private final transient RetryInterceptor interceptor = new RetryInterceptor();
    private final transient Pointcut pointcut = AnnotationMatchingPointcut.forMethodAnnotation(Retry.class);

    /** An advisor with {@link Ordered#HIGHEST_PRECEDENCE}. */
    public RetryAdvisor() {
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return interceptor;
    }

    /** The interceptor, e.g. to read a method's {@link RetryInterceptor#policyOf policy} and its metrics. */
    public RetryInterceptor getInterceptor() {
        return interceptor;
    }
}

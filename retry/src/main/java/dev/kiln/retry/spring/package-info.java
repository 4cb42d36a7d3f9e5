/**
 * Optional Spring glue: Kiln's {@link dev.kiln.retry.facade.Retry} on Spring beans, ordered outside Spring's
 * {@code @Transactional} ({@link dev.kiln.retry.spring.RetryAdvisor}). Needs spring-aop and spring-tx.
 * <pre>{@code
 * @Bean static RetryAdvisor kilnRetryAdvisor() { return new RetryAdvisor(); }
 * }</pre>
 */
package dev.kiln.retry.spring;

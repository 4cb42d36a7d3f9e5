/**
 * Spring Framework 7 sample: Spring's {@code @Transactional} on a JPA/Hibernate transaction manager, with Kiln's
 * {@link dev.kiln.retry.facade.Retry} applied by {@link dev.kiln.retry.spring.RetryAdvisor} outside the transaction.
 * <pre>{@code
 * @Retry(onDeadlock = true, maxAttempts = 10, initialDelayMillis = 5, maxDelayMillis = 200)
 * @Transactional
 * public void transfer(String requestId, long from, long to, long amount) { ... }
 * }</pre>
 */
package dev.kiln.samples.springtransactional;

package dev.kiln.samples.springtransactional;

import dev.kiln.retry.spring.RetryAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The sample's Spring configuration: Spring's transaction management (its advisor has the default
 * {@code Ordered.LOWEST_PRECEDENCE}) and Kiln's {@link RetryAdvisor} ({@code Ordered.HIGHEST_PRECEDENCE}), which
 * therefore wraps the transaction.
 */
@Configuration
@EnableTransactionManagement
@Import(PersistenceConfiguration.class)
public class SampleConfiguration {

    /**
     * Kiln's retry advisor. The infrastructure role lets the auto-proxy creator of
     * {@code @EnableTransactionManagement} apply it next to (outside) the transaction advisor.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static RetryAdvisor kilnRetryAdvisor() {
        return new RetryAdvisor();
    }
}

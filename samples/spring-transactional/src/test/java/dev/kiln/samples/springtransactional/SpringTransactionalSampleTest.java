package dev.kiln.samples.springtransactional;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.retry.policy.RetryInsideTransactionException;
import dev.kiln.retry.spring.RetryAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample end to end on real servers: crossing transfers deadlock every round (MariaDB, and PostgreSQL and H2 as
 * well), Kiln's retry outside {@code @Transactional} runs each victim again in a fresh transaction, and every
 * transfer commits exactly once. With the advisors ordered the wrong way round, the retry refuses to run.
 */
class SpringTransactionalSampleTest {
    private static final int ROUNDS = 5;

    @DatabaseTest
    void realDeadlocksAreRetriedEndToEndOutsideTheTransaction(TestDatabase db) throws Exception {
        try (AnnotationConfigApplicationContext context =
                     SpringTransactionalSample.context(db, SampleConfiguration.class)) {
            SpringTransactionalSample.Result r = SpringTransactionalSample.run(context, ROUNDS);
            assertThat(r.transfers()).as("the journal's key refuses a transfer committed twice").isEqualTo(2L * ROUNDS);
            assertThat(r.aliceBalance()).isEqualTo(SpringTransactionalSample.OPENING_BALANCE - 7L * ROUNDS + 5L * ROUNDS);
            assertThat(r.bobBalance()).isEqualTo(SpringTransactionalSample.OPENING_BALANCE + 7L * ROUNDS - 5L * ROUNDS);
            assertThat(r.retries().retries()).as("one deadlock victim per round at least").isGreaterThanOrEqualTo(ROUNDS);
            assertThat(r.retries().giveUps()).isZero();
            assertThat(r.retries().calls()).isEqualTo(2L * ROUNDS);
        }
    }

    @DatabaseTest
    void theWrongOrderingIsDetectedAndRefused(TestDatabase db) {
        try (AnnotationConfigApplicationContext context =
                     SpringTransactionalSample.context(db, RetryInsideTransactionConfiguration.class)) {
            TransferService service = context.getBean(TransferService.class);
            service.open(SpringTransactionalSample.ALICE, "alice", 100);
            service.open(SpringTransactionalSample.BOB, "bob", 100);
            assertThatThrownBy(() -> service.transfer("t1", SpringTransactionalSample.ALICE,
                    SpringTransactionalSample.BOB, 10))
                    .isInstanceOf(RetryInsideTransactionException.class)
                    .hasMessageContaining("Kiln @Retry on dev.kiln.samples.springtransactional.TransferService.transfer "
                            + "was asked to retry inside an already open transaction (Spring transaction "
                            + "dev.kiln.samples.springtransactional.TransferService.transfer)")
                    .hasMessageContaining("order the retry OUTSIDE the transaction");
            assertThat(service.transfers()).isZero();
            assertThat(service.balance(SpringTransactionalSample.ALICE)).isEqualTo(100);
        }
    }

    /** The sample's configuration with the orders swapped: the transaction advisor outside, the retry inside. */
    @Configuration
    @EnableTransactionManagement(order = Ordered.HIGHEST_PRECEDENCE)
    @Import(PersistenceConfiguration.class)
    static class RetryInsideTransactionConfiguration {
        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static RetryAdvisor kilnRetryAdvisor() {
            RetryAdvisor advisor = new RetryAdvisor();
            advisor.setOrder(Ordered.LOWEST_PRECEDENCE);
            return advisor;
        }
    }
}

package dev.kiln.samples.springtransactional;

import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** JPA/Hibernate on the sample's database, its transaction manager and the service (no advisors: see {@link SampleConfiguration}). */
@Configuration
public class PersistenceConfiguration {

    /** The database is registered by {@link SpringTransactionalSample#context}. */
    @Bean
    EntityManagerFactory entityManagerFactory(TestDatabase database) {
        return database.hibernate().mode(HibernateBootstrap.Mode.JPA).entities(Account.class, Transfer.class)
                .poolSize(8).build();
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory emf) {
        return new JpaTransactionManager(emf);
    }

    @Bean
    TransferService transferService() {
        return new TransferService();
    }
}

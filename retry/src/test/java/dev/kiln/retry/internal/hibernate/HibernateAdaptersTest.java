package dev.kiln.retry.internal.hibernate;

import dev.kiln.fixtures.MariaDbOverConnectorJDialect;
import dev.kiln.retry.ConstraintCatalog;
import dev.kiln.retry.ConstraintCatalog.Constraint;
import dev.kiln.retry.ConstraintCatalog.Kind;
import dev.kiln.retry.DbBackend;
import dev.kiln.retry.RetrySettings;
import dev.kiln.retry.it.Child;
import dev.kiln.retry.it.Parent;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.OracleDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.internal.StandardSQLExceptionConverter;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.resource.transaction.backend.jdbc.internal.JdbcResourceLocalTransactionCoordinatorBuilderImpl;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per adapter over a Hibernate internal or SPI, so that a Hibernate upgrade that moves or changes what an
 * adapter relies on fails here, by name. All on embedded H2 without touching a database where possible.
 */
class HibernateAdaptersTest {

    private static StandardServiceRegistry registry(Map<String, Object> settings) {
        return new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:h2:mem:kiln_adapters;DB_CLOSE_DELAY=-1")
                .applySetting(AvailableSettings.DIALECT, H2Dialect.class.getName())
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySettings(settings).build();
    }

    private static void withSessionFactory(Map<String, Object> settings, Consumer<SessionFactoryImplementor> test) {
        StandardServiceRegistry registry = registry(settings);
        try (SessionFactory sf = new MetadataSources(registry).addAnnotatedClasses(Parent.class, Child.class)
                .buildMetadata().buildSessionFactory()) {
            test.accept((SessionFactoryImplementor) sf);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    @Test
    void dialectBackendAdapterKnowsTheFourBackendsAndTheirSubclasses() {
        assertThat(DialectBackendAdapter.backendOf(new H2Dialect())).isEqualTo(DbBackend.H2);
        assertThat(DialectBackendAdapter.backendOf(new MySQLDialect())).isEqualTo(DbBackend.MYSQL);
        assertThat(DialectBackendAdapter.backendOf(new MariaDBDialect())).isEqualTo(DbBackend.MARIADB);
        assertThat(MariaDBDialect.class.isAssignableFrom(MariaDbOverConnectorJDialect.class)).isTrue();
        assertThat(DialectBackendAdapter.backendOf(new PostgreSQLDialect())).isEqualTo(DbBackend.POSTGRESQL);
        assertThat(DialectBackendAdapter.backendOf(new OracleDialect())).isEqualTo(DbBackend.OTHER);
    }

    @Test
    void mappingConstraintsAdapterReadsEveryDeclaredConstraint() {
        StandardServiceRegistry registry = registry(Map.of());
        try {
            Metadata metadata = new MetadataSources(registry).addAnnotatedClasses(Parent.class, Child.class).buildMetadata();
            ConstraintCatalog catalog = MappingConstraintsAdapter.catalogOf(metadata);
            assertThat(catalog.find("parent", "UK_PARENT_NAME")).get().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(Kind.UNIQUE);
                assertThat(c.name()).isEqualTo("uk_parent_name");
                assertThat(c.columns()).containsExactly("name");
            });
            Constraint fk = catalog.find(null, "fk_child_parent").orElseThrow();
            assertThat(fk.kind()).isEqualTo(Kind.FOREIGN_KEY);
            assertThat(fk.table()).isEqualTo("child");
            assertThat(fk.columns()).containsExactly("parent_id");
            assertThat(fk.referencedTable()).isEqualTo("parent");
            assertThat(fk.referencedColumns()).containsExactly("id");
            assertThat(catalog.find("parent", "chk_qty")).get().extracting(Constraint::kind).isEqualTo(Kind.CHECK);
            assertThat(catalog.primaryKey("PARENT")).get().satisfies(pk -> {
                assertThat(pk.name()).as("the database names primary keys").isNull();
                assertThat(pk.columns()).containsExactly("id");
            });
            assertThat(catalog.declaredTable("PARENT")).isEqualTo("parent");
            assertThat(catalog.declaredColumn("PARENT", "QTY")).isEqualTo("qty");
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    @Test
    void theIntegratorIsFoundByServiceLoaderAndInstallsTheConverter() {
        assertThat(ServiceLoader.load(Integrator.class)).anyMatch(i -> i instanceof KilnIntegrator);
        withSessionFactory(Map.of(), sf -> {
            JdbcServices jdbc = sf.getJdbcServices();
            KilnSqlExceptionConverter kiln = SqlExceptionHelperAdapter.installed(jdbc);
            assertThat(kiln).isNotNull();
            assertThat(kiln.original()).isInstanceOf(StandardSQLExceptionConverter.class);
            assertThat(kiln.classifier().backend()).isEqualTo(DbBackend.H2);
            assertThat(kiln.classifier().catalog().find("parent", "uk_parent_name")).isPresent();
        });
    }

    @Test
    void sqlExceptionHelperAdapterIsIdempotentAndReversible() {
        withSessionFactory(Map.of(), sf -> {
            JdbcServices jdbc = sf.getJdbcServices();
            KilnSqlExceptionConverter first = SqlExceptionHelperAdapter.installed(jdbc);
            SqlExceptionHelperAdapter.install(jdbc, DbBackend.H2, ConstraintCatalog.builder()
                    .unique("other", "uk_other", List.of("x")).build());
            KilnSqlExceptionConverter second = SqlExceptionHelperAdapter.installed(jdbc);
            assertThat(second.original()).as("never wraps itself").isSameAs(first.original());
            assertThat(second.classifier().catalog().find("other", "uk_other")).isPresent();
            assertThat(second.classifier().catalog().find("parent", "uk_parent_name")).isPresent();
            SqlExceptionHelperAdapter.uninstall(jdbc);
            assertThat(jdbc.getSqlExceptionHelper().getSqlExceptionConverter()).isSameAs(first.original());
            assertThat(SqlExceptionHelperAdapter.installed(jdbc)).isNull();
        });
    }

    @Test
    void rewritingCanBeTurnedOffWithTheKilnSetting() {
        withSessionFactory(Map.of(RetrySettings.EXCEPTION_REWRITING, "false"), sf -> {
            assertThat(SqlExceptionHelperAdapter.installed(sf.getJdbcServices())).isNull();
            assertThat(sf.getServiceRegistry().requireService(TransactionCoordinatorBuilder.class))
                    .isSameAs(JdbcResourceLocalTransactionCoordinatorBuilderImpl.INSTANCE);
        });
        assertThatThrownBy(() -> KilnSettings.flag(Map.of(RetrySettings.EXCEPTION_REWRITING, "yes"),
                RetrySettings.EXCEPTION_REWRITING, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kiln.retry.exception_rewriting").hasMessageContaining("true or false");
    }

    @Test
    void transactionCoordinatorAdapterWrapsOnlyResourceLocalCoordinators() {
        withSessionFactory(Map.of(), sf -> {
            TransactionCoordinatorBuilder builder = sf.getServiceRegistry().requireService(TransactionCoordinatorBuilder.class);
            assertThat(builder.getClass().getName()).endsWith("TransactionCoordinatorAdapter$RewritingBuilder");
            assertThat(builder.isJta()).isFalse();
            assertThat(builder.getDefaultConnectionHandlingMode())
                    .isEqualTo(JdbcResourceLocalTransactionCoordinatorBuilderImpl.INSTANCE.getDefaultConnectionHandlingMode());
            // a session's transaction goes through the wrapped driver and still works
            try (var session = sf.openSession()) {
                var tx = session.beginTransaction();
                session.createNativeQuery("SELECT 1", Object.class).list();
                tx.commit();
                assertThat(tx.getStatus().isOneOf(org.hibernate.resource.transaction.spi.TransactionStatus.COMMITTED)).isTrue();
            }
        });
        StandardServiceRegistry jta = registry(Map.of(AvailableSettings.TRANSACTION_COORDINATOR_STRATEGY, "jta"));
        try {
            TransactionCoordinatorBuilder builder = jta.requireService(TransactionCoordinatorBuilder.class);
            assertThat(builder.isJta()).isTrue();
            assertThat(builder.getClass().getName()).doesNotContain("Kiln").doesNotContain("TransactionCoordinatorAdapter");
        } finally {
            StandardServiceRegistryBuilder.destroy(jta);
        }
    }
}

package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FixedIp;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteSettings;
import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import dev.kiln.softdelete.testing.NovaWorld;
import org.hibernate.SessionFactory;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.internal.StandardPersisterClassResolver;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins how Kiln plugs into a bootstrap: service-loader registrations, resolver wrapping, settings forms. */
class KilnBootstrapTest {
    @Test
    void hibernateFindsEveryKilnExtensionThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(ServiceContributor.class).stream().map(ServiceLoader.Provider::type))
                .contains(KilnBootstrap.Services.class);
        assertThat(ServiceLoader.load(AdditionalMappingContributor.class).stream().map(ServiceLoader.Provider::type))
                .contains(KilnBootstrap.Profiles.class);
        assertThat(ServiceLoader.load(SessionFactoryServiceContributor.class).stream().map(ServiceLoader.Provider::type))
                .contains(KilnBootstrap.RuntimeService.class);
        assertThat(ServiceLoader.load(Integrator.class).stream().map(ServiceLoader.Provider::type))
                .contains(KilnBootstrap.Activation.class);
    }

    /** A resolver an application might configure; Kiln must keep its choices for entities without criteria. */
    public static final class MarkingResolver extends StandardPersisterClassResolver {
        static volatile int calls;

        @Override
        public Class<? extends EntityPersister> getEntityPersisterClass(PersistentClass model) {
            calls++;
            return super.getEntityPersisterClass(model);
        }
    }

    /** The configuration given by class name, as persistence.xml would. */
    public static final class NovaConfigurationSupplier implements Supplier<SoftDeleteConfiguration> {
        @Override
        public SoftDeleteConfiguration get() {
            return NovaWorld.configuration();
        }
    }

    @DatabaseTest(Backend.H2)
    void aConfiguredResolverIsWrappedAndTheConfigurationCanBeAClassName(TestDatabase db) {
        MarkingResolver.calls = 0;
        SessionFactory sf = db.hibernate().entities(NovaModel.ENTITIES)
                .setting("hibernate.persister.resolver", MarkingResolver.class.getName())
                .setting(SoftDeleteSettings.CONFIGURATION, NovaConfigurationSupplier.class.getName())
                .build();
        assertThat(MarkingResolver.calls).isEqualTo(NovaModel.ENTITIES.size());
        var model = sf.unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
        assertThat(model.getEntityDescriptor(FloatingIp.class)).isInstanceOf(KilnPersisters.SingleTable.class);
        assertThat(model.getEntityDescriptor(FixedIp.class)).isInstanceOf(KilnPersisters.SingleTable.class);
        assertThat(SoftDeleteRuntime.of(sf).catalog().shapeCount()).isEqualTo(9);
    }
}

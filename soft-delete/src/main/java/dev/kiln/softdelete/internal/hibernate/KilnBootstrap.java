package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.internal.KilnSettings;
import dev.kiln.softdelete.internal.RuleCatalog;
import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;
import org.hibernate.persister.internal.PersisterClassResolverInitiator;
import org.hibernate.persister.spi.PersisterClassResolver;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceInitiator;
import org.hibernate.service.spi.SessionFactoryServiceInitiatorContext;
import org.hibernate.service.spi.SessionFactoryServiceRegistryBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * How Kiln soft delete plugs into a Hibernate bootstrap, all found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services}):
 * <ol>
 *   <li>{@link Services} replaces the {@link PersisterClassResolver} so entities with criteria get
 *       {@link KilnPersisters}' persisters (wrapping any resolver configured with {@code hibernate.persister.resolver});</li>
 *   <li>{@link Profiles}, an {@link AdditionalMappingContributor} (incubating SPI), registers one empty fetch profile
 *       per criteria shape while the mapping is built ({@link ShapeChannel});</li>
 *   <li>{@link RuntimeService} gives each SessionFactory its {@link SoftDeleteRuntime};</li>
 *   <li>{@link Activation}, an {@link Integrator}, runs before the persisters are built: it validates the model,
 *       protects foreign keys, and activates the runtime.</li>
 * </ol>
 * With no criteria declared (no Kiln annotation, no configuration), every step leaves the model untouched.
 */
public final class KilnBootstrap {
    private static final Logger LOG = Logger.getLogger(KilnBootstrap.class.getName());

    private KilnBootstrap() {
    }

    static RuleCatalog catalog(java.util.Collection<PersistentClass> entities, SoftDeleteConfiguration configuration) {
        List<RuleCatalog.EntityType> types = new ArrayList<>();
        for (PersistentClass pc : entities) {
            types.add(new RuleCatalog.EntityType(pc.getEntityName(), pc.getMappedClass(),
                    pc.getRootClass().getEntityName()));
        }
        return RuleCatalog.build(types, configuration);
    }

    /** Replaces the persister class resolver. */
    public static final class Services implements ServiceContributor {
        @Override
        public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
            serviceRegistryBuilder.addInitiator(new StandardServiceInitiator<PersisterClassResolver>() {
                @Override
                public Class<PersisterClassResolver> getServiceInitiated() {
                    return PersisterClassResolver.class;
                }

                @Override
                public PersisterClassResolver initiateService(Map<String, Object> configurationValues,
                                                              ServiceRegistryImplementor registry) {
                    PersisterClassResolver configured =
                            PersisterClassResolverInitiator.INSTANCE.initiateService(configurationValues, registry);
                    return new KilnPersisters.Resolver(configured, KilnSettings.configuration(configurationValues),
                            KilnSettings.enabled(configurationValues));
                }
            });
        }
    }

    /** Registers the shape fetch profiles. */
    public static final class Profiles implements AdditionalMappingContributor {
        @Override
        public String getContributorName() {
            return "kiln-soft-delete";
        }

        @Override
        public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
                               ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
            Map<String, Object> settings = buildingContext.getBootstrapContext().getServiceRegistry()
                    .requireService(ConfigurationService.class).getSettings();
            if (!KilnSettings.enabled(settings)) {
                return;
            }
            RuleCatalog catalog = catalog(metadata.getEntityBindings(), KilnSettings.configuration(settings));
            ShapeChannel.registerProfiles(metadata, catalog.shapeCount());
        }
    }

    /** The SessionFactory-scoped runtime. */
    public static final class RuntimeService implements SessionFactoryServiceContributor {
        @Override
        public void contribute(SessionFactoryServiceRegistryBuilder serviceRegistryBuilder) {
            serviceRegistryBuilder.addInitiator(new SessionFactoryServiceInitiator<SoftDeleteRuntime>() {
                @Override
                public Class<SoftDeleteRuntime> getServiceInitiated() {
                    return SoftDeleteRuntime.class;
                }

                @Override
                public SoftDeleteRuntime initiateService(SessionFactoryServiceInitiatorContext context) {
                    return new SoftDeleteRuntime();
                }
            });
        }
    }

    /** Validates and activates, before persisters are built. */
    public static final class Activation implements Integrator {
        @Override
        public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                              SessionFactoryImplementor sessionFactory) {
            Map<String, Object> settings = sessionFactory.getServiceRegistry()
                    .requireService(ConfigurationService.class).getSettings();
            if (!KilnSettings.enabled(settings)) {
                return;
            }
            SoftDeleteConfiguration configuration = KilnSettings.configuration(settings);
            RuleCatalog catalog = catalog(metadata.getEntityBindings(), configuration);
            if (catalog.isEmpty()) {
                return;
            }
            if (!ShapeChannel.profilesRegistered(metadata, catalog.shapeCount())) {
                throw new IllegalStateException("Kiln soft delete: the criteria shape fetch profiles are missing; the "
                        + "metadata was built without Kiln's AdditionalMappingContributor (was the Metadata built "
                        + "with another class loader or with kiln.soft_delete.enabled=false?)");
            }
            rejectSecondLevelCaching(metadata, catalog, sessionFactory);
            if (configuration.protectForeignKeys()) {
                protectForeignKeys(metadata, catalog);
            }
            sessionFactory.getServiceRegistry().requireService(SoftDeleteRuntime.class).activate(catalog, sessionFactory);
        }

        /** The second-level cache answers find() and collection loads without SQL, bypassing the criteria. */
        private static void rejectSecondLevelCaching(Metadata metadata, RuleCatalog catalog,
                                                     SessionFactoryImplementor sessionFactory) {
            if (!sessionFactory.getSessionFactoryOptions().isSecondLevelCacheEnabled()) {
                return;
            }
            for (PersistentClass pc : metadata.getEntityBindings()) {
                if (pc.isCached() && catalog.hasRules(pc.getEntityName())) {
                    throw new IllegalStateException("Kiln soft delete: entity " + pc.getEntityName() + " has criteria "
                            + "and is second-level cached; cache hits would bypass the criteria. Remove @Cache from it "
                            + "(or set " + dev.kiln.softdelete.SoftDeleteSettings.ENABLED + "=false)");
                }
            }
            for (Collection c : metadata.getCollectionBindings()) {
                String element = elementEntity(c.getElement());
                if (c.getCacheConcurrencyStrategy() != null && element != null && catalog.hasRules(element)) {
                    throw new IllegalStateException("Kiln soft delete: collection " + c.getRole() + " is second-level "
                            + "cached but its elements (" + element + ") have criteria; remove @Cache from it");
                }
            }
        }

        /**
         * An association whose target the criteria hide reads as null; with Hibernate's default full-row UPDATE, the
         * next flush of the owner would write that null into the foreign key. Owners of such associations therefore
         * update only the columns that changed (Hibernate's dynamic update), which leaves the key alone.
         */
        private static void protectForeignKeys(Metadata metadata, RuleCatalog catalog) {
            for (PersistentClass pc : metadata.getEntityBindings()) {
                if (pc.useDynamicUpdate()) {
                    continue;
                }
                for (Property p : pc.getPropertyClosure()) {
                    String target = toOneTarget(p.getValue(), catalog);
                    if (target != null) {
                        pc.setDynamicUpdate(true);
                        LOG.fine(() -> "Kiln soft delete: " + pc.getEntityName() + " updates only changed columns, "
                                + "because its association '" + p.getName() + "' targets " + target
                                + ", whose rows the criteria may hide");
                        break;
                    }
                }
            }
        }

        private static String toOneTarget(Value value, RuleCatalog catalog) {
            if (value instanceof ToOne toOne) {
                return catalog.hasRules(toOne.getReferencedEntityName()) ? toOne.getReferencedEntityName() : null;
            }
            if (value instanceof Component component) {
                for (Property p : component.getProperties()) {
                    String t = toOneTarget(p.getValue(), catalog);
                    if (t != null) {
                        return t;
                    }
                }
            }
            return null;
        }
    }

    /** The entity name of a collection's elements, or null for basic/embeddable elements. */
    static String elementEntity(Value element) {
        if (element instanceof org.hibernate.mapping.OneToMany oneToMany) {
            return oneToMany.getReferencedEntityName();
        }
        if (element instanceof ToOne toOne) {
            return toOne.getReferencedEntityName();
        }
        return null;
    }
}

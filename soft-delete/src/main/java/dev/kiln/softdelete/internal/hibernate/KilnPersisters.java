package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.internal.CompiledRule;
import dev.kiln.softdelete.internal.EntityCriteria;
import dev.kiln.softdelete.internal.RuleCatalog;
import dev.kiln.softdelete.internal.SessionCriteria;
import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.NaturalIdDataAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.ToOne;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.collection.BasicCollectionPersister;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.OneToManyPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.persister.entity.mutation.UpdateCoordinator;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;
import org.hibernate.persister.internal.StandardPersisterClassResolver;
import org.hibernate.persister.spi.PersisterClassResolver;
import org.hibernate.sql.ast.spi.SqlAstCreationState;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.ast.tree.predicate.Predicate;

import java.util.function.Consumer;

/**
 * Adapter over Hibernate's persisters: the one place where Kiln's criteria enter Hibernate's SQL generation.
 * {@code KilnPersistersTest} pins the hooks.
 *
 * <p>Hibernate adds {@code @SQLRestriction} predicates through {@code applyWhereRestrictions} of the entity persister,
 * and of the collection persister for collection tables. Kiln adds its criteria there: for the entity's own table
 * groups, and, in collection persisters, for the element table of one-to-many and many-to-many collections. Those hooks
 * are called wherever a table group of the entity or collection is created:
 * query roots, explicit and implicit joins, fetch joins, subqueries, set operations, bulk mutations, and every loader
 * (find, getReference and proxies, lazy to-one, collections, batch and subselect fetch, refresh). Kiln's persisters are
 * the standard ones plus these overrides; the {@link Resolver} picks them only for entities (and collections of
 * entities) that have criteria.
 */
public final class KilnPersisters {
    private KilnPersisters() {
    }

    /** The compiled criteria of an entity persister, or null for persisters that are not Kiln's (no criteria). */
    public static EntityCriteria criteriaOf(EntityPersister persister) {
        return persister instanceof CriteriaPersister k ? k.criteriaHook().criteria() : null;
    }

    /** A Kiln entity persister. */
    interface CriteriaPersister {
        EntityHook criteriaHook();
    }

    /** Compiles the entity's criteria on first use (the mapping model is complete by then) and applies them. */
    static final class EntityHook {
        private final EntityPersister persister;
        private volatile EntityCriteria criteria;
        private volatile SoftDeleteRuntime runtime;

        EntityHook(EntityPersister persister) {
            this.persister = persister;
        }

        EntityCriteria criteria() {
            EntityCriteria c = criteria;
            if (c == null) {
                synchronized (this) {
                    c = criteria;
                    if (c == null) {
                        SessionFactoryImplementor factory = persister.getFactory();
                        SoftDeleteRuntime r = runtime();
                        c = EntityCriteria.compile(persister, r.catalog(), factory.getWrapperOptions());
                        criteria = c;
                    }
                }
            }
            return c;
        }

        SoftDeleteRuntime runtime() {
            SoftDeleteRuntime r = runtime;
            if (r == null) {
                r = persister.getFactory().getServiceRegistry().requireService(SoftDeleteRuntime.class);
                if (!r.isActive()) {
                    throw new IllegalStateException("Kiln persister for " + persister.getEntityName()
                            + " used, but Kiln soft delete was not activated for its SessionFactory");
                }
                runtime = r;
            }
            return r;
        }

        void apply(Consumer<Predicate> predicateConsumer, TableGroup tableGroup, SqlAstCreationState creationState) {
            SqlAstAdapter.apply(criteria(), runtime(), predicateConsumer, tableGroup, creationState);
        }

        /** True if the session's criteria can hide rows of this entity. */
        boolean hidesRows(SharedSessionContractImplementor session) {
            SessionCriteria c = runtime().criteriaOf(session);
            for (CompiledRule rule : criteria().rules()) {
                if (rule.restricts(c.variant(rule.selector()))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static EntityHook elementHook(CollectionPersister collection) {
        EntityPersister element = collection.getElementPersister();
        return element instanceof CriteriaPersister k ? k.criteriaHook() : null;
    }

    /** For single-table hierarchies (and entities without subclasses). */
    public static class SingleTable extends SingleTableEntityPersister implements CriteriaPersister {
        private final EntityHook hook = new EntityHook(this);

        public SingleTable(PersistentClass persistentClass, EntityDataAccess cacheAccessStrategy,
                           NaturalIdDataAccess naturalIdRegionAccessStrategy, RuntimeModelCreationContext creationContext) {
            super(persistentClass, cacheAccessStrategy, naturalIdRegionAccessStrategy, creationContext);
        }

        @Override
        public EntityHook criteriaHook() {
            return hook;
        }

        @Override
        protected UpdateCoordinator buildUpdateCoordinator() {
            return CachedDynamicUpdate.wrap(super.buildUpdateCoordinator(), this);
        }

        @Override
        public void applyWhereRestrictions(Consumer<Predicate> predicateConsumer, TableGroup tableGroup,
                                           boolean useQualifier, SqlAstCreationState creationState) {
            super.applyWhereRestrictions(predicateConsumer, tableGroup, useQualifier, creationState);
            hook.apply(predicateConsumer, tableGroup, creationState);
        }
    }

    /**
     * For single-table entities without criteria that Kiln made update only changed columns (owners of associations
     * whose targets the criteria may hide): the standard persister, with the translated dynamic UPDATE reused.
     */
    public static class ProtectedOwner extends SingleTableEntityPersister {
        public ProtectedOwner(PersistentClass persistentClass, EntityDataAccess cacheAccessStrategy,
                              NaturalIdDataAccess naturalIdRegionAccessStrategy,
                              RuntimeModelCreationContext creationContext) {
            super(persistentClass, cacheAccessStrategy, naturalIdRegionAccessStrategy, creationContext);
        }

        @Override
        protected UpdateCoordinator buildUpdateCoordinator() {
            return CachedDynamicUpdate.wrap(super.buildUpdateCoordinator(), this);
        }
    }

    /** For joined-subclass hierarchies. */
    public static class Joined extends JoinedSubclassEntityPersister implements CriteriaPersister {
        private final EntityHook hook = new EntityHook(this);

        public Joined(PersistentClass persistentClass, EntityDataAccess cacheAccessStrategy,
                      NaturalIdDataAccess naturalIdRegionAccessStrategy, RuntimeModelCreationContext creationContext) {
            super(persistentClass, cacheAccessStrategy, naturalIdRegionAccessStrategy, creationContext);
        }

        @Override
        public EntityHook criteriaHook() {
            return hook;
        }

        @Override
        protected UpdateCoordinator buildUpdateCoordinator() {
            return CachedDynamicUpdate.wrap(super.buildUpdateCoordinator(), this);
        }

        @Override
        public void applyWhereRestrictions(Consumer<Predicate> predicateConsumer, TableGroup tableGroup,
                                           boolean useQualifier, SqlAstCreationState creationState) {
            super.applyWhereRestrictions(predicateConsumer, tableGroup, useQualifier, creationState);
            hook.apply(predicateConsumer, tableGroup, creationState);
        }
    }

    /** For table-per-class (union) hierarchies. */
    public static class Union extends UnionSubclassEntityPersister implements CriteriaPersister {
        private final EntityHook hook = new EntityHook(this);

        public Union(PersistentClass persistentClass, EntityDataAccess cacheAccessStrategy,
                     NaturalIdDataAccess naturalIdRegionAccessStrategy, RuntimeModelCreationContext creationContext) {
            super(persistentClass, cacheAccessStrategy, naturalIdRegionAccessStrategy, creationContext);
        }

        @Override
        public EntityHook criteriaHook() {
            return hook;
        }

        @Override
        protected UpdateCoordinator buildUpdateCoordinator() {
            return CachedDynamicUpdate.wrap(super.buildUpdateCoordinator(), this);
        }

        @Override
        public void applyWhereRestrictions(Consumer<Predicate> predicateConsumer, TableGroup tableGroup,
                                           boolean useQualifier, SqlAstCreationState creationState) {
            super.applyWhereRestrictions(predicateConsumer, tableGroup, useQualifier, creationState);
            hook.apply(predicateConsumer, tableGroup, creationState);
        }
    }

    /** One-to-many collections of an entity with criteria: the element table is the collection's table. */
    public static class OneToMany extends OneToManyPersister {
        public OneToMany(Collection collectionBinding, CollectionDataAccess cacheAccessStrategy,
                         RuntimeModelCreationContext creationContext) {
            super(collectionBinding, cacheAccessStrategy, creationContext);
        }

        @Override
        public boolean hasWhereRestrictions() {
            return true;
        }

        @Override
        public void applyWhereRestrictions(Consumer<Predicate> predicateConsumer, TableGroup tableGroup,
                                           boolean useQualifier, SqlAstCreationState creationState) {
            super.applyWhereRestrictions(predicateConsumer, tableGroup, useQualifier, creationState);
            EntityHook element = elementHook(this);
            if (element != null) {
                element.apply(predicateConsumer, tableGroup, creationState);
            }
        }

        /**
         * Hibernate's guard for filtered collections: while the criteria can hide elements, a changed collection is
         * updated row by row instead of being deleted and re-inserted, so hidden rows are never removed.
         */
        @Override
        public boolean isAffectedByEnabledFilters(SharedSessionContractImplementor session) {
            EntityHook element = elementHook(this);
            return super.isAffectedByEnabledFilters(session) || element != null && element.hidesRows(session);
        }
    }

    /**
     * Many-to-many collections of an entity with criteria: the element table is joined to the join table. The element
     * criteria go in {@code applyWhereRestrictions}, which every caller reaches (joins, loaders, and also
     * {@code size()} and {@code member of}, which call no many-to-many hook); resolving the element table's columns
     * makes Hibernate join it where it would otherwise read the join table alone.
     */
    public static class ManyToMany extends BasicCollectionPersister {
        public ManyToMany(Collection collectionBinding, CollectionDataAccess cacheAccessStrategy,
                          RuntimeModelCreationContext creationContext) {
            super(collectionBinding, cacheAccessStrategy, creationContext);
        }

        @Override
        public boolean hasWhereRestrictions() {
            return true;
        }

        @Override
        public void applyWhereRestrictions(Consumer<Predicate> predicateConsumer, TableGroup tableGroup,
                                           boolean useQualifier, SqlAstCreationState creationState) {
            super.applyWhereRestrictions(predicateConsumer, tableGroup, useQualifier, creationState);
            EntityHook element = elementHook(this);
            if (element != null) {
                element.apply(predicateConsumer, tableGroup, creationState);
            }
        }

        /** See {@link OneToMany#isAffectedByEnabledFilters(SharedSessionContractImplementor)}. */
        @Override
        public boolean isAffectedByEnabledFilters(SharedSessionContractImplementor session) {
            EntityHook element = elementHook(this);
            return super.isAffectedByEnabledFilters(session) || element != null && element.hidesRows(session);
        }
    }

    /**
     * Chooses Kiln's persisters for entities with criteria and for collections whose elements have them; delegates
     * everything else to the resolver that was configured (or Hibernate's standard one).
     */
    public static final class Resolver implements PersisterClassResolver {
        private static final long serialVersionUID = 1L;
        private final transient PersisterClassResolver delegate;
        private final transient SoftDeleteConfiguration configuration;
        private final boolean enabled;

        public Resolver(PersisterClassResolver delegate, SoftDeleteConfiguration configuration, boolean enabled) {
            this.delegate = delegate == null ? new StandardPersisterClassResolver() : delegate;
            this.configuration = configuration;
            this.enabled = enabled;
        }

        @Override
        public Class<? extends EntityPersister> getEntityPersisterClass(PersistentClass metadata) {
            Class<? extends EntityPersister> chosen = delegate.getEntityPersisterClass(metadata);
            if (!enabled) {
                return chosen;
            }
            if (!RuleCatalog.declaresRules(metadata.getMappedClass(), configuration)) {
                return chosen == SingleTableEntityPersister.class && isProtectedOwner(metadata) ? ProtectedOwner.class
                        : chosen;
            }
            if (chosen == SingleTableEntityPersister.class) {
                return SingleTable.class;
            } else if (chosen == JoinedSubclassEntityPersister.class) {
                return Joined.class;
            } else if (chosen == UnionSubclassEntityPersister.class) {
                return Union.class;
            }
            throw new IllegalStateException("Kiln soft delete needs its own persister for entity "
                    + metadata.getEntityName() + " (it has criteria), but the configured persister class resolver chose "
                    + chosen.getName() + "; remove hibernate.persister.resolver or the entity's criteria");
        }

        @Override
        public Class<? extends CollectionPersister> getCollectionPersisterClass(Collection metadata) {
            Class<? extends CollectionPersister> chosen = delegate.getCollectionPersisterClass(metadata);
            if (!enabled || !RuleCatalog.declaresRules(elementClass(metadata), configuration)) {
                return chosen;
            }
            if (chosen == OneToManyPersister.class) {
                return OneToMany.class;
            } else if (chosen == BasicCollectionPersister.class) {
                return metadata.isOneToMany() ? chosen : ManyToMany.class;
            }
            throw new IllegalStateException("Kiln soft delete needs its own persister for collection "
                    + metadata.getRole() + " (its elements have criteria), but the configured persister class resolver "
                    + "chose " + chosen.getName() + "; remove hibernate.persister.resolver or the criteria");
        }

        /** An entity Kiln's integrator switched to dynamic update to protect its foreign keys (it ran before). */
        private boolean isProtectedOwner(PersistentClass entity) {
            if (!configuration.protectForeignKeys() || !entity.useDynamicUpdate()) {
                return false;
            }
            for (org.hibernate.mapping.Property p : entity.getPropertyClosure()) {
                if (p.getValue() instanceof ToOne toOne) {
                    PersistentClass target = toOne.getMetadata().getEntityBinding(toOne.getReferencedEntityName());
                    if (target != null && RuleCatalog.declaresRules(target.getMappedClass(), configuration)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static Class<?> elementClass(Collection collection) {
            if (collection.getElement() instanceof org.hibernate.mapping.OneToMany oneToMany) {
                PersistentClass associated = oneToMany.getAssociatedClass();
                return associated == null ? null : associated.getMappedClass();
            }
            if (collection.getElement() instanceof ToOne toOne) {
                PersistentClass target = collection.getMetadata().getEntityBinding(toOne.getReferencedEntityName());
                return target == null ? null : target.getMappedClass();
            }
            return null;
        }
    }
}

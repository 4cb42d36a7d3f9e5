package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDelete;
import dev.kiln.softdelete.testing.NovaWorld;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the Hibernate behaviour {@link ShapeChannel} relies on: Kiln's empty fetch profiles are registered, exactly
 * one is enabled per session with a context, and they do not make entity loaders uncacheable.
 */
class ShapeChannelTest {
    private static Set<String> kilnProfiles(Session s) {
        return s.unwrap(SessionImplementor.class).getLoadQueryInfluencers().getEnabledFetchProfileNames().stream()
                .filter(n -> n.startsWith(ShapeChannel.PREFIX)).collect(Collectors.toSet());
    }

    @DatabaseTest(Backend.H2)
    void oneEmptyProfilePerShapeIsRegistered(TestDatabase db) {
        SessionFactoryImplementor sf = NovaWorld.sessionFactory(db).unwrap(SessionFactoryImplementor.class);
        // read_deleted (3 variants) x project scope (admin, scoped, missing): 9 shapes
        for (int code = 0; code < 9; code++) {
            assertThat(sf.containsFetchProfileDefinition(ShapeChannel.profileName(code))).as("shape %d", code).isTrue();
        }
        assertThat(sf.containsFetchProfileDefinition(ShapeChannel.profileName(9))).isFalse();
    }

    @DatabaseTest(Backend.H2)
    void exactlyOneShapeProfileIsEnabledPerContext(TestDatabase db) {
        SessionFactory sf = NovaWorld.sessionFactory(db);
        try (Session s = sf.openSession()) {
            assertThat(kilnProfiles(s)).isEmpty();
            SoftDelete.setContext(s, CriteriaContext.project("p"));
            Set<String> scoped = kilnProfiles(s);
            assertThat(scoped).hasSize(1);
            SoftDelete.setContext(s, CriteriaContext.project("q"));
            assertThat(kilnProfiles(s)).as("same shape, other value").isEqualTo(scoped);
            SoftDelete.setContext(s, CriteriaContext.admin().withReadDeleted(ReadDeleted.ONLY));
            assertThat(kilnProfiles(s)).hasSize(1).isNotEqualTo(scoped);
            SoftDelete.withContext(s, CriteriaContext.project("p"), () -> assertThat(kilnProfiles(s)).isEqualTo(scoped));
            assertThat(kilnProfiles(s)).hasSize(1).isNotEqualTo(scoped);
        }
    }

    @DatabaseTest(Backend.H2)
    void shapeProfilesDoNotMakeLoadersUncacheable(TestDatabase db) {
        SessionFactory sf = NovaWorld.sessionFactory(db);
        EntityPersister persister = sf.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(FloatingIp.class);
        try (Session s = sf.openSession()) {
            SoftDelete.setContext(s, CriteriaContext.project("p"));
            var influencers = s.unwrap(SessionImplementor.class).getLoadQueryInfluencers();
            assertThat(influencers.hasEnabledFetchProfiles()).isTrue();
            assertThat(persister.isAffectedByEnabledFetchProfiles(influencers)).isFalse();
            assertThat(persister.isAffectedByEnabledFilters(influencers, true)).isFalse();
            assertThat(influencers.hasEnabledFilters()).as("no filter, so Hibernate keeps caching plans").isFalse();
        }
    }
}

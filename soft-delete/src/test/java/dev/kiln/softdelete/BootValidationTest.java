package dev.kiln.softdelete;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import dev.kiln.softdelete.testing.model.Owner;
import dev.kiln.softdelete.testing.model.Pet;
import dev.kiln.softdelete.testing.model.Truck;
import dev.kiln.softdelete.testing.model.Vehicle;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.persister.entity.SingleTableEntityPersister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mistakes in declarations fail when the SessionFactory starts, naming the entity and the fix; no rules, no change. */
class BootValidationTest {
    private static SessionFactory build(TestDatabase db, SoftDeleteConfiguration config, Class<?>... entities) {
        return db.hibernate().entities(entities).schema(HibernateBootstrap.Schema.NONE)
                .setting(SoftDeleteSettings.CONFIGURATION, config).build();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @DatabaseTest(Backend.H2)
    void aColumnTheEntityDoesNotMapIsNamed(TestDatabase db) {
        SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
                .rule(CriteriaRule.projectScope(NovaBase.class, "tenant_id")).build();
        assertThatThrownBy(() -> build(db, config, NovaModel.ENTITIES.toArray(new Class<?>[0])))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("tenant_id")
                        .hasMessageContaining("which entity dev.kiln.fixtures.nova.").hasMessageContaining("mapped columns are"));
    }

    @DatabaseTest(Backend.H2)
    void twoSoftDeleteStylesForOneEntityAreRefused(TestDatabase db) {
        SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
                .softDelete(Owner.class, SoftDeleteStyle.timestamp("removed_at")).build();
        assertThatThrownBy(() -> build(db, config, Owner.class, Pet.class))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("two soft-delete declarations")
                        .hasMessageContaining("Owner"));
    }

    @DatabaseTest(Backend.H2)
    void criteriaMustCoverWholeHierarchies(TestDatabase db) {
        SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
                .rule(CriteriaRule.on(Truck.class).named("big").when(c -> true, Condition.column("axles").ne(0))
                        .otherwise(Condition.always())).build();
        assertThatThrownBy(() -> build(db, config, Vehicle.class, Truck.class))
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("hierarchy root")
                        .hasMessageContaining("Truck"));
    }

    @DatabaseTest(Backend.H2)
    void aModelWithoutRulesKeepsHibernatesPersisters(TestDatabase db) {
        SessionFactory sf = db.hibernate().entities(NovaModel.ENTITIES).build();
        assertThat(sf.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(FloatingIp.class).getClass()).isEqualTo(SingleTableEntityPersister.class);
        assertThatThrownBy(() -> SoftDeleteRuntime.of(sf)).hasMessageContaining("not active");
        try (Session s = sf.openSession()) {
            assertThatThrownBy(() -> SoftDelete.setContext(s, CriteriaContext.admin()))
                    .hasMessageContaining("not active");
        }
    }

    @DatabaseTest(Backend.H2)
    void theEnabledSettingTurnsKilnOff(TestDatabase db) {
        SessionFactory sf = db.hibernate().entities(Owner.class, Pet.class)
                .setting(SoftDeleteSettings.ENABLED, "false").build();
        assertThat(sf.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(Owner.class).getClass()).isEqualTo(SingleTableEntityPersister.class);
    }

    @DatabaseTest(Backend.H2)
    void aMissingScopeValueRefusesTheQuery(TestDatabase db) {
        SessionFactory sf = db.hibernate().entities(NovaModel.ENTITIES)
                .setting(SoftDeleteSettings.CONFIGURATION, dev.kiln.softdelete.testing.NovaWorld.configuration()).build();
        for (boolean set : new boolean[] {false, true}) {
            try (Session s = sf.openSession()) {
                if (set) {
                    SoftDelete.setContext(s, CriteriaContext.DEFAULT); // exact SQL path
                }
                assertThatThrownBy(() -> s.createSelectionQuery("from FloatingIp", FloatingIp.class).list())
                        .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(IllegalStateException.class)
                                .hasMessageContaining("FloatingIp is scoped by the context value 'project'"));
                assertThatThrownBy(() -> s.find(FloatingIp.class, 1L))
                        .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("'project'"));
            }
        }
    }
}

package dev.kiln.softdelete.internal;

import dev.kiln.softdelete.Condition;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteStyle;
import dev.kiln.softdelete.testing.model.Label;
import dev.kiln.softdelete.testing.model.Owner;
import dev.kiln.softdelete.testing.model.Pet;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule assignment and shape numbering, without Hibernate. */
class RuleCatalogTest {
    private static RuleCatalog.EntityType entity(Class<?> c) {
        return new RuleCatalog.EntityType(c.getName(), c, c.getName());
    }

    @Test
    void sharedSelectorsKeepTheShapeCountSmall() {
        // Owner: flag (annotation); Label: timestamp + tenant scope (annotations); Pet: a scope on another key.
        SoftDeleteConfiguration config = SoftDeleteConfiguration.builder()
                .rule(CriteriaRule.scope(Pet.class, "name", "petName")).build();
        RuleCatalog catalog = RuleCatalog.build(List.of(entity(Owner.class), entity(Label.class), entity(Pet.class)), config);
        assertThat(catalog.selectorCount()).isEqualTo(3); // read_deleted, scope:tenant, scope:petName
        assertThat(catalog.shapeCount()).isEqualTo(27);
        assertThat(catalog.rulesFor(Owner.class.getName())).hasSize(1);
        assertThat(catalog.rulesFor(Label.class.getName())).hasSize(2);
        Set<Integer> codes = new HashSet<>();
        for (ReadDeleted mode : ReadDeleted.values()) {
            for (CriteriaContext ctx : List.of(CriteriaContext.admin(), CriteriaContext.builder().value("tenant", "t").build(),
                    CriteriaContext.DEFAULT)) {
                int[] values = catalog.selectorValues(ctx.withReadDeleted(mode));
                int code = catalog.shapeCode(values);
                codes.add(code);
                for (int slot = 0; slot < values.length; slot++) {
                    assertThat(catalog.variantIn(code, slot)).isEqualTo(values[slot]);
                }
            }
        }
        assertThat(codes).hasSize(9);
    }

    @Test
    void theSameInputsGiveTheSameCatalog() {
        List<RuleCatalog.EntityType> entities = List.of(entity(Label.class), entity(Owner.class));
        RuleCatalog a = RuleCatalog.build(entities, SoftDeleteConfiguration.empty());
        RuleCatalog b = RuleCatalog.build(List.of(entities.get(1), entities.get(0)), SoftDeleteConfiguration.empty());
        CriteriaContext ctx = CriteriaContext.builder().value("tenant", "t").readDeleted(ReadDeleted.ONLY).build();
        assertThat(a.shapeCode(a.selectorValues(ctx))).isEqualTo(b.shapeCode(b.selectorValues(ctx)));
        assertThat(a.shapeCount()).isEqualTo(b.shapeCount());
    }

    @Test
    void tooManyShapesAreRefused() {
        SoftDeleteConfiguration.Builder config = SoftDeleteConfiguration.builder();
        for (int i = 0; i < 13; i++) {
            config.rule(CriteriaRule.on(Pet.class).named("r" + i).when(c -> true, Condition.always()).otherwise(Condition.never()));
        }
        assertThatThrownBy(() -> RuleCatalog.build(List.of(entity(Pet.class)), config.build()))
                .hasMessageContaining("more than 4096");
    }

    @Test
    void modelsWithoutDeclarationsHaveNoRules() {
        RuleCatalog catalog = RuleCatalog.build(List.of(entity(Pet.class)), SoftDeleteConfiguration.empty());
        assertThat(catalog.isEmpty()).isTrue();
        assertThat(catalog.shapeCount()).isZero();
        assertThat(RuleCatalog.declaresRules(Pet.class, SoftDeleteConfiguration.empty())).isFalse();
        assertThat(RuleCatalog.declaresRules(Owner.class, SoftDeleteConfiguration.empty())).isTrue();
        assertThat(RuleCatalog.declaresRules(Pet.class, SoftDeleteConfiguration.builder()
                .softDelete(Pet.class, SoftDeleteStyle.nova()).build())).isTrue();
    }
}

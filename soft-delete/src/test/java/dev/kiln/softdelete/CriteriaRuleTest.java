package dev.kiln.softdelete;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule language without a database: contexts, variants, conditions. */
class CriteriaRuleTest {
    /** Renders a condition as text, to compare structures. */
    static String text(Condition c) {
        return c.accept(new Condition.Visitor<>() {
            public String always() {
                return "true";
            }

            public String never() {
                return "false";
            }

            public String refuse(String reason) {
                return "refuse";
            }

            public String compareToLiteral(String column, boolean equal, Object literal) {
                return column + (equal ? "=" : "<>") + literal;
            }

            public String compareToContextValue(String column, boolean equal, String key) {
                return column + (equal ? "=" : "<>") + ":" + key;
            }

            public String isNull(String column, boolean negated) {
                return column + (negated ? " is not null" : " is null");
            }

            public String and(List<Condition> parts) {
                return "(" + String.join(" and ", parts.stream().map(CriteriaRuleTest::text).toList()) + ")";
            }

            public String or(List<Condition> parts) {
                return "(" + String.join(" or ", parts.stream().map(CriteriaRuleTest::text).toList()) + ")";
            }
        });
    }

    @Test
    void readDeletedRuleFollowsTheMode() {
        CriteriaRule rule = CriteriaRule.readDeleted(Object.class, SoftDeleteStyle.nova());
        List<String> chosen = new ArrayList<>();
        for (ReadDeleted mode : ReadDeleted.values()) {
            chosen.add(text(rule.condition(rule.variantFor(CriteriaContext.DEFAULT.withReadDeleted(mode)))));
        }
        assertThat(chosen).containsExactly("deleted=0", "true", "deleted<>0");
        assertThat(rule.selectorKey()).isEqualTo(CriteriaRule.readDeleted(String.class, SoftDeleteStyle.flag("x")).selectorKey());
    }

    @Test
    void stylesDefineLiveAndDeleted() {
        assertThat(text(SoftDeleteStyle.flag("gone").live())).isEqualTo("gone=false");
        assertThat(text(SoftDeleteStyle.flag("gone").deleted())).isEqualTo("gone=true");
        assertThat(text(SoftDeleteStyle.timestamp("at").live())).isEqualTo("at is null");
        assertThat(text(SoftDeleteStyle.timestamp("at").deleted())).isEqualTo("at is not null");
        assertThat(SoftDeleteStyle.nova().timestampColumn()).contains("deleted_at");
        assertThat(SoftDeleteStyle.flag("gone").withTimestamp("gone_at").timestampColumn()).contains("gone_at");
        assertThatThrownBy(() -> SoftDeleteStyle.timestamp("at").withTimestamp("b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scopeRuleHasAdminScopedAndRefusedVariants() {
        CriteriaRule rule = CriteriaRule.projectScope(Object.class, "project_id").allowNone();
        assertThat(text(rule.condition(rule.variantFor(CriteriaContext.admin())))).isEqualTo("true");
        assertThat(text(rule.condition(rule.variantFor(CriteriaContext.project("p")))))
                .isEqualTo("(project_id=:project or project_id is null)");
        assertThat(text(rule.condition(rule.variantFor(CriteriaContext.DEFAULT)))).isEqualTo("refuse");
        assertThat(rule.allowsNone()).isTrue();
        assertThatThrownBy(() -> CriteriaRule.readDeleted(Object.class, SoftDeleteStyle.nova()).allowNone())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void customRulesTakeTheFirstMatchingVariantAndAreTheirOwnSelector() {
        CriteriaRule rule = CriteriaRule.on(Object.class).named("region")
                .when(ctx -> ctx.hasValue("region"), Condition.column("az").eqContextValue("region"))
                .when(CriteriaContext::isAdmin, Condition.always())
                .otherwise(Condition.never());
        assertThat(rule.variantCount()).isEqualTo(3);
        assertThat(rule.variantFor(CriteriaContext.builder().admin().value("region", "r").build())).isZero();
        assertThat(rule.variantFor(CriteriaContext.admin())).isEqualTo(1);
        assertThat(rule.variantFor(CriteriaContext.DEFAULT)).isEqualTo(2);
        assertThat(rule.selectorKey()).isSameAs(rule);
    }

    @Test
    void contextsAreValuesAndRejectNulls() {
        CriteriaContext a = CriteriaContext.builder().value("project", "p").readDeleted(ReadDeleted.YES).build();
        assertThat(a).isEqualTo(CriteriaContext.project("p").withReadDeleted(ReadDeleted.YES));
        assertThat(a.hashCode()).isEqualTo(CriteriaContext.project("p").withReadDeleted(ReadDeleted.YES).hashCode());
        assertThat(a.toBuilder().admin().build().isAdmin()).isTrue();
        assertThat(a.value("project")).contains("p");
        assertThatThrownBy(() -> CriteriaContext.builder().value("project", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowNone");
    }
}

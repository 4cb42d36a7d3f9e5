package dev.kiln.softdelete;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.softdelete.testing.model.Article;
import dev.kiln.softdelete.testing.model.Label;
import dev.kiln.softdelete.testing.model.Owner;
import dev.kiln.softdelete.testing.model.Pet;
import dev.kiln.softdelete.testing.model.Truck;
import dev.kiln.softdelete.testing.model.Vehicle;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other mapping styles and shapes: a boolean flag with a custom column name, timestamp-only with a custom context
 * scope, a many-to-many to a criteria entity (reads and writes), a joined-inheritance hierarchy opted in through
 * {@link SoftDeleteMixin}, and a custom {@link CriteriaRule}.
 */
class MappingStylesTest {
    private static final CriteriaRule TITLE_RULE = CriteriaRule.on(Article.class).named("title")
            .when(ctx -> ctx.hasValue("title"), Condition.column("title").eqContextValue("title"))
            .otherwise(Condition.always());

    private static SessionFactory sf(TestDatabase db) {
        return db.shared("styles", d -> d.hibernate()
                .entities(Owner.class, Pet.class, Label.class, Article.class, Vehicle.class, Truck.class)
                .setting(SoftDeleteSettings.CONFIGURATION, SoftDeleteConfiguration.builder().rule(TITLE_RULE).build())
                .build());
    }

    private static CriteriaContext tenant(String tenant, ReadDeleted mode) {
        return CriteriaContext.builder().value("tenant", tenant).readDeleted(mode).build();
    }

    @BeforeEach
    void load(TestDatabase db) {
        SessionFactory sf = sf(db);
        db.execute("delete from article_labels", "delete from articles", "delete from labels", "delete from pets",
                "delete from owners", "delete from trucks", "delete from vehicles");
        sf.inTransaction(s -> {
            SoftDelete.setContext(s, CriteriaContext.admin().withReadDeleted(ReadDeleted.YES));
            Owner live = new Owner(1L, "live");
            Owner removed = new Owner(2L, "removed");
            s.persist(live);
            s.persist(removed);
            Label l1 = new Label(1L, "t1-live", "t1");
            Label l2 = new Label(2L, "t2-live", "t2");
            Label l3 = new Label(3L, "t1-archived", "t1");
            Label l4 = new Label(4L, "t1-new", "t1");
            for (Label l : List.of(l1, l2, l3, l4)) {
                s.persist(l);
            }
            Article article = new Article(1L, "first");
            article.getLabels().addAll(List.of(l1, l2, l3));
            s.persist(article);
            s.persist(new Article(2L, "second"));
            s.persist(new Vehicle(1L, "car"));
            s.persist(new Truck(2L, "truck", 3));
            s.persist(new Truck(3L, "old truck", 2));
            s.flush();
            SoftDelete.softDelete(s, removed);
            SoftDelete.softDelete(s, l3);
            SoftDelete.softDelete(s, s.find(Truck.class, 3L));
        });
    }

    private static Set<Long> ids(List<?> rows) {
        return rows.stream().map(r -> r instanceof Owner o ? o.getId() : r instanceof Label l ? l.getId()
                : r instanceof Vehicle v ? v.getId() : ((Article) r).getId()).collect(Collectors.toCollection(TreeSet::new));
    }

    @DatabaseTest
    void flagStyleWithACustomColumn(TestDatabase db) {
        assertThat(db.queryLong("select count(*) from owners where id = 2 and removed = true"))
                .isEqualTo(1);
        for (ReadDeleted mode : ReadDeleted.values()) {
            try (Session s = sf(db).openSession()) {
                SoftDelete.setContext(s, CriteriaContext.DEFAULT.withReadDeleted(mode));
                Set<Long> expected = switch (mode) {
                    case NO -> Set.of(1L);
                    case YES -> Set.of(1L, 2L);
                    case ONLY -> Set.of(2L);
                };
                assertThat(ids(s.createSelectionQuery("from Owner", Owner.class).list())).as("%s", mode).isEqualTo(expected);
                assertThat(s.find(Owner.class, 2L) != null).as("find %s", mode).isEqualTo(mode != ReadDeleted.NO);
            }
        }
    }

    @DatabaseTest
    void timestampStyleWithATenantScope(TestDatabase db) {
        try (Session s = sf(db).openSession()) {
            SoftDelete.setContext(s, tenant("t1", ReadDeleted.NO));
            assertThat(ids(s.createSelectionQuery("from Label", Label.class).list())).containsExactly(1L, 4L);
            SoftDelete.setContext(s, tenant("t1", ReadDeleted.ONLY));
            assertThat(ids(s.createSelectionQuery("from Label", Label.class).list())).containsExactly(3L);
            SoftDelete.setContext(s, tenant("t2", ReadDeleted.YES));
            assertThat(ids(s.createSelectionQuery("from Label", Label.class).list())).containsExactly(2L);
            Instant archived = s.createSelectionQuery("select l.archivedAt from Label l", Instant.class).getSingleResult();
            assertThat(archived).isNull();
        }
    }

    @DatabaseTest
    void manyToManyReadsShowOnlyVisibleTargets(TestDatabase db) {
        try (Session s = sf(db).openSession()) {
            SoftDelete.setContext(s, tenant("t1", ReadDeleted.NO));
            assertThat(ids(List.copyOf(s.find(Article.class, 1L).getLabels()))).as("lazy load").containsExactly(1L);
            s.clear();
            assertThat(ids(List.copyOf(s.createSelectionQuery("select a from Article a left join fetch a.labels where a.id = 1",
                    Article.class).getSingleResult().getLabels()))).as("fetch join").containsExactly(1L);
            assertThat(s.createSelectionQuery("select l.id from Article a join a.labels l", Long.class).list())
                    .as("join").containsExactly(1L);
            assertThat(s.createSelectionQuery("select size(a.labels) from Article a where a.id = 1", Integer.class)
                    .getSingleResult()).as("size").isEqualTo(1);
            String memberOf = "select count(*) from Article a where a.id = 1 and :label member of a.labels";
            assertThat(s.createSelectionQuery(memberOf, Long.class).setParameter("label", s.getReference(Label.class, 3L))
                    .getSingleResult()).as("member of, archived").isZero();
            SoftDelete.setContext(s, tenant("t1", ReadDeleted.YES));
            assertThat(s.createSelectionQuery(memberOf, Long.class).setParameter("label", s.getReference(Label.class, 3L))
                    .getSingleResult()).as("member of, read_deleted yes").isEqualTo(1);
            s.clear();
            assertThat(ids(List.copyOf(s.find(Article.class, 1L).getLabels()))).containsExactly(1L, 3L);
            SoftDelete.setContext(s, CriteriaContext.admin().withReadDeleted(ReadDeleted.YES));
            s.clear();
            assertThat(ids(List.copyOf(s.find(Article.class, 1L).getLabels()))).containsExactly(1L, 2L, 3L);
        }
    }

    @DatabaseTest
    void changingAManyToManyNeverDropsTheLinksOfHiddenTargets(TestDatabase db) {
        sf(db).inTransaction(s -> {
            SoftDelete.setContext(s, tenant("t1", ReadDeleted.NO));
            Article article = s.find(Article.class, 1L);
            article.getLabels().removeIf(l -> l.getId() == 1L);
            article.getLabels().add(s.find(Label.class, 4L));
        });
        assertThat(db.queryLong("select count(*) from article_labels where article_id = 1 and label_id in (2, 3)"))
                .as("links to the other tenant's and the archived label survive").isEqualTo(2);
        assertThat(db.queryLong("select count(*) from article_labels where article_id = 1 and label_id = 4")).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from article_labels where article_id = 1 and label_id = 1")).isZero();
    }

    @DatabaseTest
    void joinedInheritanceThroughTheMixin(TestDatabase db) {
        assertThat(db.queryLong("select deleted from vehicles where id = 3")).isEqualTo(3);
        try (Session s = sf(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.DEFAULT);
            assertThat(ids(s.createSelectionQuery("from Vehicle", Vehicle.class).list())).containsExactly(1L, 2L);
            assertThat(ids(s.createSelectionQuery("from Truck", Truck.class).list())).containsExactly(2L);
            assertThat(s.find(Truck.class, 3L)).isNull();
            assertThat(s.find(Vehicle.class, 3L)).isNull();
            SoftDelete.setContext(s, CriteriaContext.DEFAULT.withReadDeleted(ReadDeleted.ONLY));
            assertThat(ids(s.createSelectionQuery("from Vehicle", Vehicle.class).list())).containsExactly(3L);
            assertThat(s.find(Truck.class, 3L)).isNotNull();
        }
    }

    @DatabaseTest
    void aCustomRuleChoosesItsVariantFromTheContext(TestDatabase db) {
        try (Session s = sf(db).openSession()) {
            SoftDelete.setContext(s, CriteriaContext.builder().admin().value("title", "second").build());
            assertThat(ids(s.createSelectionQuery("from Article", Article.class).list())).containsExactly(2L);
            assertThat(s.find(Article.class, 1L)).isNull();
            SoftDelete.setContext(s, CriteriaContext.admin());
            s.clear();
            assertThat(ids(s.createSelectionQuery("from Article", Article.class).list())).containsExactly(1L, 2L);
        }
    }
}

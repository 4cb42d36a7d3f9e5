package dev.kiln.softdelete;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.softdelete.testing.NovaShapes;
import dev.kiln.softdelete.testing.NovaWorld;
import dev.kiln.softdelete.testing.QueryShape;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance suite: every query shape of {@link NovaShapes} (roots, implicit/explicit/entity joins, fetches,
 * collections, subqueries, set operations, aggregates, criteria API, loaders, bulk HQL) under every context of
 * {read_deleted NO, YES, ONLY} x {project A, project B, admin}, on each backend, asserting exactly the rows the
 * context must see (computed from the Java copy of the data, not through Kiln). Any extra row is a leak.
 *
 * <p>Runs twice: with exact per-context SQL (the default) and with the uniform SQL.
 */
class CriteriaConformanceTest {
    private static final int MIN_SHAPES = 40;

    @BeforeEach
    void load(TestDatabase db) {
        db.shared("world", d -> {
            NovaWorld.sessionFactory(d); // creates the schema
            NovaWorld.load(d);
            return Boolean.TRUE;
        });
    }

    @DatabaseTest
    void everyShapeSeesExactlyTheContextsRowsWithExactSql(TestDatabase db) {
        runMatrix(NovaWorld.sessionFactory(db));
    }

    @DatabaseTest
    void everyShapeSeesExactlyTheContextsRowsWithUniformSql(TestDatabase db) {
        SessionFactory uniform = db.shared("nova-kiln-uniform", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .schema(dev.kiln.fixtures.HibernateBootstrap.Schema.NONE)
                .setting(SoftDeleteSettings.CONFIGURATION, NovaWorld.configurationBuilder().exactSql(false).build())
                .build());
        runMatrix(uniform);
    }

    private static void runMatrix(SessionFactory sf) {
        List<QueryShape> shapes = NovaShapes.all();
        assertThat(shapes).hasSizeGreaterThanOrEqualTo(MIN_SHAPES);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (NovaWorld.NamedContext ctx : NovaWorld.contexts()) {
            for (QueryShape shape : shapes) {
                cases++;
                List<String> expected = sortedUnlessOrdered(shape, shape.expected().apply(ctx.context()));
                try (Session session = sf.openSession()) {
                    SoftDelete.setContext(session, ctx.context());
                    List<String> actual = sortedUnlessOrdered(shape, shape.run().apply(session));
                    if (!actual.equals(expected)) {
                        failures.add(shape.name() + " @ " + ctx + ": expected " + expected + " but got " + actual);
                    }
                } catch (RuntimeException e) {
                    failures.add(shape.name() + " @ " + ctx + ": expected " + expected + " but threw " + e);
                }
            }
        }
        assertThat(cases).isEqualTo(shapes.size() * 9);
        assertThat(failures).as("%d of %d cases failed", failures.size(), cases).isEmpty();
    }

    private static List<String> sortedUnlessOrdered(QueryShape shape, List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        if (!shape.ordered()) {
            copy.sort(null);
        }
        return copy;
    }
}

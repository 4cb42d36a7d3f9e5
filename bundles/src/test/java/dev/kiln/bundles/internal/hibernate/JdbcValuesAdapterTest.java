package dev.kiln.bundles.internal.hibernate;

import dev.kiln.bundles.Bundles;
import dev.kiln.bundles.testing.NovaBundles;
import dev.kiln.bundles.testing.model.Gadget;
import dev.kiln.bundles.testing.model.Reading;
import dev.kiln.bundles.testing.model.Sealed;
import dev.kiln.bundles.testing.model.Truck;
import dev.kiln.bundles.testing.model.Vehicle;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.Instance;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The adapter over Hibernate's query execution internals: the direct ResultSet path is taken, and its typed reads give
 * exactly what Hibernate's own extraction (and converters) give, on every backend.
 */
class JdbcValuesAdapterTest {

    @DatabaseTest
    void typedReadsAgreeWithHibernatesExtractionForEveryNovaColumn(TestDatabase db) {
        SessionFactory sf = NovaBundles.world(db).sf();
        compareAllPaths(sf, Instance.class, "");
    }

    @DatabaseTest
    void convertersEnumsDecimalsAndDatesToo(TestDatabase db) {
        SessionFactory sf = db.shared("gadgets", d -> d.hibernate().entities(Gadget.class, Vehicle.class, Truck.class, Sealed.class).build());
        sf.inTransaction(s -> {
            s.createMutationQuery("delete from Gadget").executeUpdate();
            for (long id = 1; id <= 3; id++) {
                Gadget g = new Gadget();
                g.setId(id);
                g.setName(id == 2 ? null : "g" + id);
                g.setWeight((int) id);
                g.setColor(id == 3 ? null : Gadget.Color.GREEN);
                g.setCode("Mixed-" + id);
                g.setPrice(id == 1 ? null : new BigDecimal("1.25"));
                g.setMadeOn(LocalDate.of(2021, 2, (int) id));
                s.persist(g);
            }
        });
        List<String> rows = compareAllPaths(sf, Gadget.class, "");
        assertThat(String.join("\n", rows)).contains("MIXED-1").doesNotContain("Mixed-");
    }

    @DatabaseTest
    void nullStaysApartFromZeroAndFalse(TestDatabase db) {
        SessionFactory sf = db.shared("readings", d -> d.hibernate().entities(Reading.class).build());
        sf.inTransaction(s -> {
            s.createMutationQuery("delete from Reading").executeUpdate();
            s.persist(reading(1, null, null, null, null, null));
            s.persist(reading(2, 0L, 0, (short) 0, 0.0, false));
            s.persist(reading(3, 7_000_000_000L, -3, (short) 12, 2.5, true));
        });
        List<String> rows = compareAllPaths(sf, Reading.class, "");
        assertThat(rows).containsExactly(
                "[1, null, null, null, null, null]",
                "[2, 0, 0.0, 0, 0, false]",
                "[3, 12, 2.5, 7000000000, -3, true]");
        // Through bundles: the getters cast to the attribute types, so a value read as the wrong box would throw.
        List<Reading> bundles = sf.fromSession(s -> Bundles.query(s, Reading.class).orderBy("e.id").list());
        assertThat(bundles).extracting(Reading::getTally, Reading::getTier, Reading::getGrade, Reading::getRatio,
                Reading::getValid).containsExactly(
                tuple(null, null, null, null, null),
                tuple(0L, 0, (short) 0, 0.0, false),
                tuple(7_000_000_000L, -3, (short) 12, 2.5, true));
    }

    /** Columns in Hibernate's attribute order: id, grade, ratio, tally, tier, valid. */
    private static Reading reading(long id, Long tally, Integer tier, Short grade, Double ratio, Boolean valid) {
        Reading r = new Reading();
        r.setId(id);
        r.setTally(tally);
        r.setTier(tier);
        r.setGrade(grade);
        r.setRatio(ratio);
        r.setValid(valid);
        return r;
    }

    /** Reads every basic attribute of {@code type} through the three paths and asserts the rows are equal. */
    private static List<String> compareAllPaths(SessionFactory sf, Class<?> type, String where) {
        MappingModelAdapter.MappedEntity mapped = MappingModelAdapter.describe((SessionFactoryImplementor) sf, type);
        StringJoiner select = new StringJoiner(", ", "select ", " from " + mapped.name() + " e " + where + " order by e.id");
        List<BasicValueConverter<?, ?>> converters = new ArrayList<>();
        for (MappingModelAdapter.MappedAttribute a : mapped.attributes()) {
            if (a.kind() == dev.kiln.bundles.internal.BundleSpec.Kind.ID || a.kind() == dev.kiln.bundles.internal.BundleSpec.Kind.BASIC) {
                select.add("e." + a.name());
                converters.add(a.converter());
            }
        }
        BasicValueConverter<?, ?>[] conv = converters.toArray(new BasicValueConverter<?, ?>[0]);
        List<List<String>> byPath = new ArrayList<>();
        for (JdbcValuesAdapter.Path path : JdbcValuesAdapter.Path.values()) {
            List<String> rows = new ArrayList<>();
            JdbcValuesAdapter.Path used = sf.fromSession(s -> JdbcValuesAdapter.read(
                    s.createSelectionQuery(select.toString(), Object[].class), conv,
                    values -> rows.add(java.util.Arrays.deepToString(values)), path));
            assertThat(used).isEqualTo(path);
            assertThat(rows).isNotEmpty();
            byPath.add(rows);
        }
        assertThat(byPath.get(0)).as("ResultSet path vs Hibernate's JdbcValues").isEqualTo(byPath.get(1));
        assertThat(byPath.get(0)).as("ResultSet path vs Hibernate's RowReader").isEqualTo(byPath.get(2));
        return byPath.get(0);
    }
}

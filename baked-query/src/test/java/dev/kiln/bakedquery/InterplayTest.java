package dev.kiln.bakedquery;

import dev.kiln.bakedquery.testing.NovaData;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.HibernateBootstrap;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.DbNonExistentTableException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Baked queries with Kiln's exception rewriting, and the reader extension point other modules build on. */
class InterplayTest {
    private static final Bakery BAKERY = Bakery.create();

    /** Mapped to a table that does not exist. */
    @Entity(name = "BakedMissing")
    @Table(name = "baked_missing_table")
    public static class Missing {
        @Id
        Long id;
    }

    @DatabaseTest
    void databaseErrorsAreRewrittenAsForAPlainQuery(TestDatabase db) {
        NovaData.of(db);
        SessionFactory sf = db.shared("with-missing", d -> d.hibernate().entities(NovaModel.ENTITIES)
                .entities(Missing.class).schema(HibernateBootstrap.Schema.NONE).build());
        try (Session session = sf.openSession()) {
            Throwable plain = catchThrowable(() -> session.createSelectionQuery("from BakedMissing where id = :id", Missing.class)
                    .setParameter("id", 1L).list());
            Throwable baked = catchThrowable(() -> BAKERY.hql(Missing.class, () -> "from BakedMissing where id = :id")
                    .on(session).param("id", 1L).list());
            assertThat(plain).isInstanceOf(DbNonExistentTableException.class);
            assertThat(baked).isInstanceOf(DbNonExistentTableException.class).hasSameClassAs(plain);
            assertThat(((DbNonExistentTableException) baked).getTable()).containsIgnoringCase("baked_missing_table");
        }
    }

    @DatabaseTest
    void aReaderGetsTheCachedStatementAndTheCallsParameters(TestDatabase db) {
        NovaData nova = NovaData.of(db);
        AtomicInteger compiled = new AtomicInteger();
        List<Map<String, Object>> seen = new ArrayList<>();
        // a stand-in for the bundles module: compiles its own artifact once per statement, runs it per call
        dev.kiln.bakedquery.spi.BakedResultReader<String> hosts = (session, statement, params) -> {
            String hql = statement.attachment(InterplayTest.class, s -> {
                compiled.incrementAndGet();
                return "select f.host " + s.hql().substring(s.hql().indexOf("from "));
            });
            seen.add(params);
            var q = session.createSelectionQuery(hql, String.class);
            params.forEach(q::setParameter);
            return q.list();
        };
        try (Session session = nova.sessionFactory().openSession()) {
            for (long id = 1; id <= 3; id++) {
                List<String> result = BAKERY.hql(FloatingIp.class, () -> "from FloatingIp f where f.id = :id")
                        .on(session).param("id", id).read(hosts);
                assertThat(result).containsExactly(session.find(FloatingIp.class, id).getHost());
            }
        }
        assertThat(compiled).hasValue(1);
        assertThat(seen).extracting(m -> m.get("id")).containsExactly(1L, 2L, 3L);
    }
}

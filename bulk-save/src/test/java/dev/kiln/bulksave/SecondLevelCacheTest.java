package dev.kiln.bulksave;

import dev.kiln.bulksave.cache.MapRegionFactory;
import dev.kiln.bulksave.model.Note;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** FastSave keeps the second-level cache as a flush would; BulkSave evicts what it updates (soft-locked until commit). */
class SecondLevelCacheTest {

    private static SessionFactory cached(TestDatabase db) {
        return db.shared("cached", d -> d.hibernate().entities(Note.class)
                .setting(AvailableSettings.USE_SECOND_LEVEL_CACHE, true)
                .setting(AvailableSettings.CACHE_REGION_FACTORY, MapRegionFactory.class.getName())
                .build());
    }

    private static SessionFactory cachedQueries(TestDatabase db) {
        return db.shared("cached-queries", d -> d.hibernate().entities(Note.class)
                .setting(AvailableSettings.USE_SECOND_LEVEL_CACHE, true)
                .setting(AvailableSettings.USE_QUERY_CACHE, true)
                .setting(AvailableSettings.CACHE_REGION_FACTORY, MapRegionFactory.class.getName())
                .build());
    }

    /** The bodies of all notes by a cacheable query, and whether it sent SQL (false: a query cache hit). */
    private static String cachedBodies(SessionFactory sf, TestDatabase db) {
        db.sql().reset();
        try (Session s = sf.openSession()) {
            String bodies = String.join(",", s.createSelectionQuery("select body from Note order by id", String.class)
                    .setCacheable(true).list());
            return bodies + (db.sql().count(SqlKind.SELECT) > 0 ? " (queried)" : " (cached)");
        }
    }

    @DatabaseTest
    void bulkWritesInvalidateCachedQueriesWhenTheyCommit(TestDatabase db) {
        SessionFactory sf = cachedQueries(db);
        db.execute("DELETE FROM notes");
        sf.getCache().evictAllRegions();
        Note first = new Note("a");
        sf.inTransaction(s -> s.persist(first));
        assertThat(cachedBodies(sf, db)).isEqualTo("a (queried)");
        assertThat(cachedBodies(sf, db)).isEqualTo("a (cached)");

        try (Session s = sf.openSession()) {                 // Session: invalidated on commit, not before
            s.beginTransaction();
            BulkSave.insert(s, List.of(new Note("b")));
            s.getTransaction().commit();
        }
        assertThat(cachedBodies(sf, db)).isEqualTo("a,b (queried)");
        assertThat(cachedBodies(sf, db)).isEqualTo("a,b (cached)");

        first.setBody("a2");
        sf.inTransaction(s -> BulkSave.update(s, List.of(first)));
        assertThat(cachedBodies(sf, db)).isEqualTo("a2,b (queried)");

        assertThat(cachedBodies(sf, db)).isEqualTo("a2,b (cached)");
        sf.inStatelessTransaction(s -> BulkSave.insert(s, List.of(new Note("c"))));
        assertThat(cachedBodies(sf, db)).isEqualTo("a2,b,c (queried)");

        assertThat(cachedBodies(sf, db)).isEqualTo("a2,b,c (cached)");
        first.setBody("a3");
        try (StatelessSession s = sf.openStatelessSession()) {  // auto-commit: invalidated right after the statements
            BulkSave.update(s, List.of(first));
        }
        assertThat(cachedBodies(sf, db)).isEqualTo("a3,b,c (queried)");
        assertThat(cachedBodies(sf, db)).isEqualTo("a3,b,c (cached)");
    }

    @DatabaseTest
    void aSessionThatReadTheOldRowBeforeTheCommitCannotPutItBack(TestDatabase db) {
        SessionFactory sf = cached(db);
        Note note = new Note("old");
        sf.inTransaction(s -> s.persist(note));
        try (Session s = sf.openSession()) {
            s.find(Note.class, note.getId());               // cached
        }
        note.setBody("new");
        try (Session writer = sf.openSession(); Session reader = sf.openSession()) {
            writer.beginTransaction();
            BulkSave.update(writer, List.of(note));
            // another transaction still reads the committed row, and would put it into the cache
            assertThat(reader.find(Note.class, note.getId()).getBody()).isEqualTo("old");
            writer.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            assertThat(s.find(Note.class, note.getId()).getBody()).isEqualTo("new");
        }
    }

    @DatabaseTest
    void fastSavePutsInsertedAndUpdatedStateInTheCache(TestDatabase db) {
        SessionFactory sf = cached(db);
        Note note = new Note("first");
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            FastSave.save(s, note);
            s.getTransaction().commit();
        }
        assertThat(sf.getCache().containsEntity(Note.class, note.getId())).isTrue();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            Note managed = s.find(Note.class, note.getId());
            managed.setBody("second");
            FastSave.save(s, managed);
            s.getTransaction().commit();
        }
        db.sql().reset();
        try (Session s = sf.openSession()) {
            assertThat(s.find(Note.class, note.getId()).getBody()).isEqualTo("second");
        }
        assertThat(db.sql().count(SqlKind.SELECT)).as("served from the cache, with the new state").isZero();
    }

    @DatabaseTest
    void bulkUpdateEvictsStaleEntries(TestDatabase db) {
        SessionFactory sf = cached(db);
        Note note = new Note("old");
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            s.persist(note);
            s.getTransaction().commit();
        }
        try (Session s = sf.openSession()) {
            s.find(Note.class, note.getId());          // cached
        }
        assertThat(sf.getCache().containsEntity(Note.class, note.getId())).isTrue();
        note.setBody("new");
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            BulkSave.update(s, List.of(note));
            s.getTransaction().commit();
        }
        // the entry is gone (a read-write region keeps Hibernate's unlocked soft lock in its place, which turns away
        // sessions that read the old row before the commit): find() reads the row again
        db.sql().reset();
        try (Session s = sf.openSession()) {
            assertThat(s.find(Note.class, note.getId()).getBody()).isEqualTo("new");
        }
        assertThat(db.sql().count(SqlKind.SELECT)).as("not served from a stale entry").isEqualTo(1);
        db.sql().reset();
        try (Session s = sf.openSession()) {
            assertThat(s.find(Note.class, note.getId()).getBody()).isEqualTo("new");
        }
        assertThat(db.sql().count(SqlKind.SELECT)).as("cached again, with the new state").isZero();
    }
}

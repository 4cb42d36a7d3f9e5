package dev.kiln.bulksave;

import dev.kiln.bulksave.cache.MapRegionFactory;
import dev.kiln.bulksave.model.Note;
import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.SqlKind;
import dev.kiln.fixtures.TestDatabase;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** FastSave keeps the second-level cache as a flush would; BulkSave evicts what it updates. */
class SecondLevelCacheTest {

    private static SessionFactory cached(TestDatabase db) {
        return db.shared("cached", d -> d.hibernate().entities(Note.class)
                .setting(AvailableSettings.USE_SECOND_LEVEL_CACHE, true)
                .setting(AvailableSettings.CACHE_REGION_FACTORY, MapRegionFactory.class.getName())
                .build());
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
        assertThat(sf.getCache().containsEntity(Note.class, note.getId())).isFalse();
        try (Session s = sf.openSession()) {
            assertThat(s.find(Note.class, note.getId()).getBody()).isEqualTo("new");
        }
    }
}

package dev.kiln.samples.profiler;

import dev.kiln.fixtures.Backend;
import dev.kiln.fixtures.nova.NovaDataset;
import org.hibernate.SessionFactory;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.util.Map;

/**
 * What a {@link Scenario} gets to work with: the database (already holding the Nova schema and data), its pool, and
 * SessionFactories over the Nova model. Every scenario of one pass uses the same pool, so scenarios differ only in
 * what they do with a connection.
 *
 * <pre>{@code
 * SessionFactory plain = context.sessionFactory(Map.of());
 * SessionFactory kiln = context.sessionFactory(Map.of(SoftDeleteSettings.CONFIGURATION, config));
 * }</pre>
 */
public interface ScenarioContext {
    Backend backend();

    /** The pool; in the counting pass it reports to a SQL counter. */
    DataSource dataSource();

    /** The loaded data set (addresses, projects). */
    NovaDataset data();

    /**
     * A SessionFactory over {@link dev.kiln.fixtures.nova.NovaModel#ENTITIES} on {@link #dataSource()}, built once per
     * distinct settings map and closed by the profiler. Plain Hibernate unless the settings turn Kiln features on:
     * Kiln's exception rewriting is off by default here (it installs itself whenever kiln-retry is on the class
     * path), pass {@code kiln.retry.exception_rewriting=true} to turn it on.
     */
    SessionFactory sessionFactory(Map<String, ?> settings);

    /** Jdbi on {@link #dataSource()}. */
    Jdbi jdbi();
}

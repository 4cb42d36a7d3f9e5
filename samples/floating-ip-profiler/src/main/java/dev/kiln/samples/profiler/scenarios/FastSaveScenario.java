package dev.kiln.samples.profiler.scenarios;

import dev.kiln.bulksave.FastSave;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import org.hibernate.FlushMode;

import java.util.List;
import java.util.Map;

/**
 * nova_poc's {@code fast_save}: {@code default_optimized} with Kiln's single-object save instead of
 * {@code session.flush()}: the UPDATE of that one entity, without a flush scanning the session. The session's flush
 * mode is MANUAL, so the commit does not flush a second time (nothing else is pending).
 */
public final class FastSaveScenario implements Scenario {
    /** {@code FastSave.save(session, ip)}; with {@link FlushMode#MANUAL} sessions. */
    static final HibernateUpdate.Save SAVE = FastSave::save;

    @Override
    public String name() {
        return "fast_save";
    }

    @Override
    public String description() {
        return "default_optimized with FastSave.save instead of flush";
    }

    @Override
    public List<String> kilnFeatures() {
        return List.of("fast save");
    }

    @Override
    public Operation open(ScenarioContext context) {
        return HibernateUpdate.operation(context.sessionFactory(Map.of()), null, FlushMode.MANUAL,
                HibernateUpdate.ONE, SAVE);
    }
}

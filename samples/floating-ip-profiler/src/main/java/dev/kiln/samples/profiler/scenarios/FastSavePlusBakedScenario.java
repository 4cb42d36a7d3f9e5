package dev.kiln.samples.profiler.scenarios;

import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import org.hibernate.FlushMode;

import java.util.List;
import java.util.Map;

/** nova_poc's {@code fast_save_plus_baked}: the baked lookup and the single-object save together. */
public final class FastSavePlusBakedScenario implements Scenario {
    @Override
    public String name() {
        return "fast_save_plus_baked";
    }

    @Override
    public String description() {
        return "baked lookup plus FastSave.save";
    }

    @Override
    public List<String> kilnFeatures() {
        return List.of("baked query", "fast save");
    }

    @Override
    public Operation open(ScenarioContext context) {
        return HibernateUpdate.operation(context.sessionFactory(Map.of()), null, FlushMode.MANUAL,
                BakedScenario.LOOKUP, FastSaveScenario.SAVE);
    }
}

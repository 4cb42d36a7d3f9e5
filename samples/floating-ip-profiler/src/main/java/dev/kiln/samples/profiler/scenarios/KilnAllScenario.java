package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.retry.RetrySettings;
import dev.kiln.samples.profiler.Operation;
import dev.kiln.samples.profiler.Scenario;
import dev.kiln.samples.profiler.ScenarioContext;
import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.CriteriaRule;
import dev.kiln.softdelete.SoftDeleteConfiguration;
import dev.kiln.softdelete.SoftDeleteSettings;
import dev.kiln.softdelete.SoftDeleteStyle;
import org.hibernate.FlushMode;
import org.hibernate.SessionFactory;

import java.util.List;
import java.util.Map;

/**
 * Everything Kiln offers for floating_ip_update, as a Nova service would run it: soft-delete criteria on the Nova
 * model (Nova style on every table, floating IPs scoped by project with allow_none, the session's context set to
 * read_deleted NO as admin, as nova's {@code floating_ip_update} runs), exception rewriting on, the lookup as a baked
 * query and the save as {@code FastSave.save}. Bundles serve read paths only (the update needs a managed entity);
 * they are measured by the {@code bundles} scenario. {@link #kilnFeatures()} lists what is used.
 */
public final class KilnAllScenario implements Scenario {
    private static final CriteriaContext CONTEXT = CriteriaContext.admin();

    /** Kiln's registration of the shared Nova model, which cannot carry Kiln annotations. */
    static SoftDeleteConfiguration novaSoftDelete() {
        return SoftDeleteConfiguration.builder()
                .softDelete(NovaBase.class, SoftDeleteStyle.nova())
                .rule(CriteriaRule.projectScope(FloatingIp.class, "project_id").allowNone())
                .build();
    }

    @Override
    public String name() {
        return "kiln_all";
    }

    @Override
    public String description() {
        return "every Kiln feature in this build, soft-delete criteria and exception rewriting active";
    }

    @Override
    public List<String> kilnFeatures() {
        return List.of("soft-delete criteria (read_deleted NO, admin context)", "exception rewriting", "baked query",
                "fast save");
    }

    @Override
    public Operation open(ScenarioContext context) {
        SessionFactory sf = context.sessionFactory(Map.of(
                SoftDeleteSettings.CONFIGURATION, novaSoftDelete(),
                RetrySettings.EXCEPTION_REWRITING, true));
        return HibernateUpdate.operation(sf, CONTEXT, FlushMode.MANUAL, BakedScenario.LOOKUP, FastSaveScenario.SAVE);
    }
}

package dev.kiln.samples.profiler.scenarios;

import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.retry.RetrySettings;
import dev.kiln.retry.facade.TransactionContext;
import dev.kiln.retry.facade.TransactionFacade;
import dev.kiln.retry.facade.TransactionRunner;
import dev.kiln.retry.policy.RetryPolicy;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything Kiln offers for floating_ip_update, as a Nova service would run it: the unit of work runs in the
 * transaction facade's writer with a retry policy (oslo.db's enginefacade and {@code @retry_on_deadlock}), which sets
 * the session's soft-delete context from the transaction context; soft-delete criteria on the Nova
 * model (Nova style on every table, floating IPs scoped by project with allow_none, the session's context set to
 * read_deleted NO as admin, as nova's {@code floating_ip_update} runs), exception rewriting on, the lookup as a baked
 * query and the save as {@code FastSave.save}. Bundles serve read paths only (the update needs a managed entity);
 * they are measured by the {@code bundles} scenario. {@link #kilnFeatures()} lists what is used.
 */
public final class KilnAllScenario implements Scenario {
    private static final CriteriaContext CONTEXT = CriteriaContext.admin();

    /** oslo.db's {@code @retry_on_deadlock} (and on disconnect), as Nova's floating_ip_update declares it. */
    private static final RetryPolicy RETRY = RetryPolicy.builder().retryOnDeadlock(true).retryOnDisconnect(true)
            .maxAttempts(5).initialDelay(Duration.ofMillis(20)).build();

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
        return List.of("transaction facade writer with retry on deadlock/disconnect",
                "soft-delete criteria (read_deleted NO, admin context, set by the facade)", "exception rewriting",
                "baked query", "fast save");
    }

    @Override
    public Operation open(ScenarioContext context) {
        SessionFactory sf = context.sessionFactory(Map.of(
                SoftDeleteSettings.CONFIGURATION, novaSoftDelete(),
                RetrySettings.EXCEPTION_REWRITING, true));
        TransactionRunner writer = TransactionFacade.builder(sf).build().writer().retry(RETRY);
        return input -> writer.run(TransactionContext.create(CONTEXT), session -> {
            session.setHibernateFlushMode(FlushMode.MANUAL);   // FastSave writes the entity; the commit need not flush
            FloatingIp ip = BakedScenario.LOOKUP.find(session, input.address());
            input.values().applyTo(ip);
            FastSaveScenario.SAVE.save(session, ip);
        });
    }
}

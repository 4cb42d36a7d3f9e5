package dev.kiln.samples.profiler;

import java.util.List;
import java.util.Optional;

/**
 * One way of running the profiled operation, e.g. plain Hibernate with an eager join ({@code default}), raw JDBC, or
 * Hibernate with a Kiln feature. Scenarios are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.kiln.samples.profiler.Scenario}.
 *
 * <p>A scenario whose Kiln module is not on the class path (or not implemented yet) reports why through
 * {@link #unavailableReason()}; the profiler then lists it as unavailable instead of running something else under
 * its name.
 *
 * <pre>{@code
 * public final class RawJdbcScenario implements Scenario {
 *     public String name() { return "raw_jdbc"; }
 *     public String description() { return "SELECT and UPDATE on one JDBC connection"; }
 *     public Operation open(ScenarioContext context) {
 *         DataSource ds = context.dataSource();
 *         return input -> { try (Connection c = ds.getConnection()) { ... } };
 *     }
 * }
 * }</pre>
 */
public interface Scenario {
    /** The name used on the command line and in ratio lines, e.g. {@code fast_save_plus_baked}. */
    String name();

    /** One line: what this scenario does differently. */
    String description();

    /** The Kiln features this scenario uses (empty for baselines), e.g. {@code ["soft-delete criteria"]}. */
    default List<String> kilnFeatures() {
        return List.of();
    }

    /** Empty if the scenario can run in this build; otherwise the reason, naming the missing module or issue. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * The kind of work, part of the ratio line's name: {@code update} (nova_poc's floating_ip_update) or another name,
     * such as {@code list} for a read path.
     */
    default String workload() {
        return "update";
    }

    /**
     * The scenario this one's ratio line compares against, doing the same workload the plain-Hibernate way:
     * {@code default_optimized} for {@code update}. It always runs with this one.
     */
    default String peer() {
        return "default_optimized";
    }

    /**
     * Roughly how many floating_ip_updates one operation of this scenario costs (default 1). Its rounds, warm-up and
     * counting pass run that many times fewer operations, so that a heavy read path does not dominate the run time;
     * times are reported per operation and ratios compare time per operation.
     */
    default int relativeCost() {
        return 1;
    }

    /**
     * Prepares the scenario on a database that holds the loaded Nova data; called once per measurement pass (timed,
     * counted), so it may build SessionFactories through {@link ScenarioContext#sessionFactory}.
     */
    Operation open(ScenarioContext context) throws Exception;
}

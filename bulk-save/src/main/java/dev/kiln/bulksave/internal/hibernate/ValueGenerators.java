package dev.kiln.bulksave.internal.hibernate;

import dev.kiln.bulksave.internal.AttributePlan;
import dev.kiln.bulksave.internal.EntityPlan;
import org.hibernate.engine.internal.Versioning;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.EventType;

/**
 * Adapter over Hibernate's value generation ({@code BeforeExecutionGenerator}, {@code Versioning}): ids from the
 * entity's own generator (so a pooled sequence optimizer is shared with the SessionFactory's sessions), initial and
 * next versions, and in-memory generated attributes such as {@code @CreationTimestamp}/{@code @UpdateTimestamp}.
 */
public final class ValueGenerators {
    private ValueGenerators() {
    }

    /** A new id for {@code entity} from Hibernate's generator (one sequence call per allocation-size ids). */
    public static Object newId(EntityPlan plan, Object entity, SharedSessionContractImplementor session) {
        return plan.idGenerator().generate(session, entity, null, EventType.INSERT);
    }

    public static Object initialVersion(EntityPlan plan, SharedSessionContractImplementor session) {
        return Versioning.seed(plan.versionMapping(), session);
    }

    public static Object nextVersion(EntityPlan plan, Object current, SharedSessionContractImplementor session) {
        return Versioning.increment(current, plan.versionMapping(), session);
    }

    /** The value an in-memory generator produces for {@code attribute} on insert or update. */
    public static Object generate(AttributePlan attribute, Object entity, Object current, boolean insert,
                                  SharedSessionContractImplementor session) {
        return attribute.generator().generate(session, entity, current, insert ? EventType.INSERT : EventType.UPDATE);
    }
}

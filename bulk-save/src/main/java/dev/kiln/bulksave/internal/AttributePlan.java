package dev.kiln.bulksave.internal;

import dev.kiln.bulksave.internal.access.PropertyAccessor;
import org.hibernate.generator.BeforeExecutionGenerator;

/**
 * One top-level persistent attribute of an entity (its index in Hibernate's state array) and the columns it maps to.
 *
 * @param name       attribute name
 * @param stateIndex position in Hibernate's entity state array
 * @param accessor   generated accessor of the attribute on the entity
 * @param columns    indexes into {@link EntityPlan#columns()} (empty for attributes without columns in the entity's tables)
 * @param generator  an in-memory value generator ({@code @CreationTimestamp}, {@code @UpdateTimestamp}, ...), or null
 */
public record AttributePlan(String name, int stateIndex, PropertyAccessor accessor, int[] columns,
                            BeforeExecutionGenerator generator) {

    public boolean generatesOnInsert() {
        return generator != null && generator.generatesOnInsert();
    }

    public boolean generatesOnUpdate() {
        return generator != null && generator.generatesOnUpdate();
    }
}

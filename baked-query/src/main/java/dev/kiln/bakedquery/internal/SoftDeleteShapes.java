package dev.kiln.bakedquery.internal;

import dev.kiln.bakedquery.spi.PlanKeyContributor;
import dev.kiln.softdelete.SoftDelete;
import org.hibernate.SharedSessionContract;

/**
 * Kiln soft delete's criteria shape as a plan-key part ({@code SoftDelete.shapeKey(session)}): sessions whose
 * read_deleted mode or scope (project vs admin) differ get different SQL, so they must not share a translated plan.
 * kiln-soft-delete is an optional dependency: this class is only loaded when {@link #onClassPath()} says so.
 */
final class SoftDeleteShapes implements PlanKeyContributor {
    private static final String SOFT_DELETE = "dev.kiln.softdelete.SoftDelete";

    static boolean onClassPath() {
        try {
            Class.forName(SOFT_DELETE, false, SoftDeleteShapes.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean appliesTo(SharedSessionContract session) {
        try {
            SoftDelete.shapeKey(session);
            return true;
        } catch (IllegalStateException notActive) {
            // soft delete is on the class path but not active on this SessionFactory
            return false;
        }
    }

    @Override
    public Object keyPart(SharedSessionContract session) {
        return SoftDelete.shapeKey(session);
    }
}

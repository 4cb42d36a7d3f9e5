package dev.kiln.bakedquery.internal;

import dev.kiln.bakedquery.spi.PlanKeyContributor;
import org.hibernate.SharedSessionContract;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The plan-key contributors on the class path: Kiln soft delete's criteria shape when kiln-soft-delete is present,
 * plus any found with {@link ServiceLoader}. Loaded once.
 */
public final class PlanKeyContributors {
    private static final List<PlanKeyContributor> ALL = load();

    private PlanKeyContributors() {
    }

    private static List<PlanKeyContributor> load() {
        List<PlanKeyContributor> all = new ArrayList<>();
        if (SoftDeleteShapes.onClassPath()) {
            all.add(new SoftDeleteShapes());
        }
        ServiceLoader.load(PlanKeyContributor.class, PlanKeyContributors.class.getClassLoader()).forEach(all::add);
        return List.copyOf(all);
    }

    /** Every contributor on the class path. */
    public static List<PlanKeyContributor> all() {
        return ALL;
    }

    /** The contributors that apply to the session's SessionFactory. */
    public static List<PlanKeyContributor> applicableTo(SharedSessionContract session) {
        List<PlanKeyContributor> applicable = new ArrayList<>();
        for (PlanKeyContributor c : ALL) {
            if (c.appliesTo(session)) {
                applicable.add(c);
            }
        }
        return List.copyOf(applicable);
    }
}

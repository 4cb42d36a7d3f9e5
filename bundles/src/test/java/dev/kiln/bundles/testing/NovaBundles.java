package dev.kiln.bundles.testing;

import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaBase;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Nova model with a small data set, shared by the tests of one class on one backend; and comparisons. */
public final class NovaBundles {
    /** 60 floating IPs over 6 fixed IPs (each with its instance), 4 projects. */
    public static final int FLOATING = 60;
    public static final int FIXED = 6;

    public record World(SessionFactory sf, NovaDataset data) {
    }

    private NovaBundles() {
    }

    public static World world(TestDatabase db) {
        return db.shared("nova-bundles", d -> {
            SessionFactory sf = d.hibernate().entities(NovaModel.ENTITIES).build();
            NovaDataset data = NovaDataLoader.builder().floatingIps(FLOATING).fixedIps(FIXED).projects(4).seed(9).build()
                    .load(d.dataSource());
            return new World(sf, data);
        });
    }

    /** The public no-argument getters of an entity class and its superclasses (what application code reads). */
    public static List<Method> getters(Class<?> entity) {
        List<Method> getters = new ArrayList<>();
        for (Method m : entity.getMethods()) {
            if (m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers())
                    && (m.getName().startsWith("get") || m.getName().startsWith("is")) && m.getReturnType() != void.class) {
                getters.add(m);
            }
        }
        assertThat(getters).as("getters of %s", entity.getSimpleName()).isNotEmpty();
        return getters;
    }

    /**
     * Asserts that every getter of the bundle answers what the managed entity answers: basic values equal,
     * associations the same row (by id), collections the same rows in any order.
     */
    public static void assertSameAsEntity(Object bundle, Object entity) {
        assertThat(bundle).isInstanceOf(Hibernate.getClass(entity));
        for (Method getter : getters(Hibernate.getClass(entity))) {
            Object expected = invoke(getter, entity);
            Object actual = invoke(getter, bundle);
            String what = Hibernate.getClass(entity).getSimpleName() + "." + getter.getName() + "()";
            if (expected instanceof NovaBase e) {
                assertThat(actual).as(what).isInstanceOf(NovaBase.class);
                assertThat(((NovaBase) actual).getId()).as(what + ".getId()").isEqualTo(e.getId());
            } else if (expected instanceof Collection<?> c) {
                assertThat(ids((Collection<?>) actual)).as(what).containsExactlyInAnyOrderElementsOf(ids(c));
            } else {
                assertThat(actual).as(what).isEqualTo(expected);
            }
        }
    }

    public static List<Long> ids(Collection<?> entities) {
        List<Long> ids = new ArrayList<>();
        for (Object o : entities) {
            ids.add(((NovaBase) o).getId());
        }
        return ids;
    }

    public static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

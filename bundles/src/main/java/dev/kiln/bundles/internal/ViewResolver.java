package dev.kiln.bundles.internal;

import dev.kiln.bundles.EntityView;
import dev.kiln.bundles.Mapping;
import dev.kiln.bundles.internal.hibernate.MappingModelAdapter;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validates an {@code @EntityView} against the JPA metamodel of a SessionFactory and builds its {@link ViewModel}:
 * every accessor must map to a basic attribute reached through to-one associations, with a compatible type; the
 * first mistake is reported naming the view, the accessor, the path and what exists instead.
 */
final class ViewResolver {
    private ViewResolver() {
    }

    static ViewModel resolve(SessionFactoryImplementor factory, Class<?> viewType) {
        EntityView annotation = viewType.getAnnotation(EntityView.class);
        if (annotation == null) {
            throw new IllegalArgumentException(viewType.getName() + " is not annotated @EntityView(Entity.class)");
        }
        Class<?> entity = annotation.value();
        EntityType<?> root;
        try {
            root = factory.getJpaMetamodel().entity(entity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("View " + viewType.getSimpleName() + ": " + entity.getName()
                    + " is not an entity of this SessionFactory", e);
        }
        List<Method> accessors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (viewType.isRecord()) {
            for (RecordComponent c : viewType.getRecordComponents()) {
                Mapping m = c.getAnnotation(Mapping.class);
                accessors.add(c.getAccessor());
                names.add(c.getName());
                paths.add(m != null ? m.value() : c.getName());
            }
        } else if (viewType.isInterface()) {
            List<Method> methods = new ArrayList<>();
            for (Method m : viewType.getMethods()) {
                if (!m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
                    methods.add(m);
                }
            }
            methods.sort(Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
                    throw new IllegalArgumentException("View " + viewType.getSimpleName() + "." + m.getName()
                            + "(): view methods must be getters (no parameters, a return value) or default methods");
                }
                Mapping mapping = m.getAnnotation(Mapping.class);
                accessors.add(m);
                names.add(property(m.getName()));
                paths.add(mapping != null ? mapping.value() : property(m.getName()));
            }
        } else {
            throw new IllegalArgumentException("View " + viewType.getName() + " must be an interface or a record");
        }
        if (accessors.isEmpty()) {
            throw new IllegalArgumentException("View " + viewType.getSimpleName() + " has no accessors");
        }

        Map<String, String> joinAliases = new LinkedHashMap<>();
        StringBuilder joins = new StringBuilder();
        StringBuilder select = new StringBuilder("select ");
        BasicValueConverter<?, ?>[] converters = new BasicValueConverter<?, ?>[accessors.size()];
        for (int i = 0; i < accessors.size(); i++) {
            String where = "View " + viewType.getSimpleName() + "." + accessors.get(i).getName() + "() maps '" + paths.get(i) + "'";
            String[] segments = paths.get(i).split("\\.");
            ManagedType<?> current = root;
            String alias = "e";
            String prefix = "";
            for (int s = 0; s < segments.length - 1; s++) {
                Attribute<?, ?> a = attribute(current, segments[s], where);
                if (a.getPersistentAttributeType() != Attribute.PersistentAttributeType.MANY_TO_ONE
                        && a.getPersistentAttributeType() != Attribute.PersistentAttributeType.ONE_TO_ONE) {
                    throw new IllegalArgumentException(where + ": " + typeName(current) + "." + segments[s]
                            + " is not a to-one association; paths go through to-one associations only");
                }
                prefix = prefix.isEmpty() ? segments[s] : prefix + "." + segments[s];
                String parent = alias;
                alias = joinAliases.get(prefix);
                if (alias == null) {
                    alias = "kiln_v" + (joinAliases.size() + 1);
                    joinAliases.put(prefix, alias);
                    joins.append(" left join ").append(parent).append('.').append(segments[s]).append(' ').append(alias);
                }
                current = factory.getJpaMetamodel().entity(a.getJavaType());
            }
            String leaf = segments[segments.length - 1];
            Attribute<?, ?> a = attribute(current, leaf, where);
            if (a.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC) {
                throw new IllegalArgumentException(where + ": " + typeName(current) + "." + leaf + " is "
                        + a.getPersistentAttributeType().name().toLowerCase().replace('_', '-')
                        + "; a view accessor reads a basic attribute (map a path to one, e.g. '" + leaf + ".id')");
            }
            Class<?> expected = box(accessors.get(i).getReturnType());
            if (!expected.isAssignableFrom(box(a.getJavaType()))) {
                throw new IllegalArgumentException(where + ": " + typeName(current) + "." + leaf + " is a "
                        + a.getJavaType().getName() + ", the accessor returns " + accessors.get(i).getReturnType().getName());
            }
            converters[i] = converter(factory, current.getJavaType(), leaf);
            select.append(i == 0 ? "" : ", ").append(alias).append('.').append(leaf);
        }
        String selectFrom = select + " from " + root.getName() + " e" + joins;
        return new ViewModel(viewType, selectFrom, converters, ViewClasses.factory(viewType, accessors, names));
    }

    private static Attribute<?, ?> attribute(ManagedType<?> type, String name, String where) {
        for (Attribute<?, ?> a : type.getAttributes()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        TreeSet<String> known = new TreeSet<>();
        type.getAttributes().forEach(a -> known.add(a.getName()));
        throw new IllegalArgumentException(where + ": " + typeName(type) + " has no attribute '" + name
                + "' (its attributes: " + known + ")");
    }

    private static BasicValueConverter<?, ?> converter(SessionFactoryImplementor factory, Class<?> entity, String attribute) {
        for (MappingModelAdapter.MappedAttribute a : MappingModelAdapter.describe(factory, entity).attributes()) {
            if (a.name().equals(attribute)) {
                return a.converter();
            }
        }
        return null;
    }

    private static String typeName(ManagedType<?> type) {
        return type instanceof EntityType<?> e ? e.getName() : type.getJavaType().getSimpleName();
    }

    static String property(String accessor) {
        if (accessor.startsWith("get") && accessor.length() > 3 && Character.isUpperCase(accessor.charAt(3))) {
            return Character.toLowerCase(accessor.charAt(3)) + accessor.substring(4);
        }
        if (accessor.startsWith("is") && accessor.length() > 2 && Character.isUpperCase(accessor.charAt(2))) {
            return Character.toLowerCase(accessor.charAt(2)) + accessor.substring(3);
        }
        return accessor;
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        return t == int.class ? Integer.class : t == long.class ? Long.class : t == boolean.class ? Boolean.class
                : t == double.class ? Double.class : t == float.class ? Float.class : t == short.class ? Short.class
                : t == byte.class ? Byte.class : Character.class;
    }
}

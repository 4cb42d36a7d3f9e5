package dev.kiln.softdelete.internal;

import dev.kiln.softdelete.CriteriaContext;
import dev.kiln.softdelete.ReadDeleted;
import dev.kiln.softdelete.SoftDeleteCascade;
import dev.kiln.softdelete.SoftDeleteStyle;
import org.hibernate.Hibernate;
import org.hibernate.query.MutationQuery;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.java.JavaType;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Soft delete, restore and their bulk forms, written through Hibernate so that the persistence context, events and
 * dirty checking stay consistent. Thread-safe (state is per call, plus a cache of cascade declarations).
 */
public final class SoftDeleteOperations {
    private final SoftDeleteRuntime runtime;
    private final Map<String, List<String>> cascadesByEntity = new ConcurrentHashMap<>();

    public SoftDeleteOperations(SoftDeleteRuntime runtime) {
        this.runtime = runtime;
    }

    /** Marks a managed entity (and its declared children) deleted; false if it already was. */
    public boolean softDelete(SessionImplementor session, Object entity) {
        Object target = managed(session, entity, "softDelete");
        return markDeleted(session, target, runtime.catalog().configuration().clock(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Marks a managed entity live again; false if it was live. */
    public boolean restore(SessionImplementor session, Object entity) {
        Object target = managed(session, entity, "restore");
        EntityPersister persister = session.getEntityPersister(null, target);
        Style s = style(persister);
        if (s.isLive(target)) {
            return false;
        }
        s.writeLive(target);
        return true;
    }

    private Object managed(SessionImplementor session, Object entity, String operation) {
        if (entity == null) {
            throw new IllegalArgumentException(operation + ": entity must not be null");
        }
        Object target = Hibernate.unproxy(entity);
        if (!session.contains(target)) {
            throw new IllegalArgumentException(operation + " needs an entity managed by the session (load it, or "
                    + "merge a detached one first): " + target.getClass().getSimpleName());
        }
        return target;
    }

    private boolean markDeleted(SessionImplementor session, Object entity, Clock clock, Set<Object> visited) {
        if (!visited.add(entity)) {
            return false;
        }
        EntityPersister persister = session.getEntityPersister(null, entity);
        Style s = style(persister);
        if (!s.isLive(entity)) {
            return false;
        }
        s.writeDeleted(entity, session.getIdentifier(entity), clock);
        for (String attribute : cascadesOf(persister)) {
            for (Object child : children(persister.findAttributeMapping(attribute).getValue(entity))) {
                markDeleted(session, child, clock, visited);
            }
        }
        return true;
    }

    /** The visible targets of an association value: a collection's elements, or a to-one target. */
    private static List<Object> children(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            Hibernate.initialize(c); // loaded under the session's criteria: hidden children are left alone
            List<Object> list = new ArrayList<>(c.size());
            c.forEach(e -> list.add(Hibernate.unproxy(e)));
            return list;
        }
        if (value instanceof Map<?, ?> m) {
            Hibernate.initialize(m);
            List<Object> list = new ArrayList<>(m.size());
            m.values().forEach(e -> list.add(Hibernate.unproxy(e)));
            return list;
        }
        try {
            return List.of(Hibernate.unproxy(value));
        } catch (jakarta.persistence.EntityNotFoundException | org.hibernate.ObjectNotFoundException hidden) {
            return List.of(); // the target is hidden by the criteria (already deleted, or another project's)
        }
    }

    /** Declared cascades of an entity: configuration entries for its class (or superclasses), and annotations. */
    List<String> cascadesOf(EntityPersister persister) {
        return cascadesByEntity.computeIfAbsent(persister.getEntityName(), name -> {
            Set<String> names = new LinkedHashSet<>();
            Class<?> type = persister.getMappedClass();
            runtime.catalog().configuration().cascades().forEach((owner, attributes) -> {
                if (owner.isAssignableFrom(type)) {
                    names.addAll(attributes);
                }
            });
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.isAnnotationPresent(SoftDeleteCascade.class)) {
                        names.add(f.getName());
                    }
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(SoftDeleteCascade.class)) {
                        names.add(propertyName(m));
                    }
                }
            }
            for (String attribute : names) {
                AttributeMapping a = persister.findAttributeMapping(attribute);
                if (a == null || !(a.isPluralAttributeMapping() || a instanceof EntityValuedModelPart)) {
                    throw new IllegalStateException("Kiln soft delete: cascade '" + attribute + "' declared for "
                            + name + " is not an association of it; declare an existing collection or to-one attribute");
                }
            }
            return List.copyOf(names);
        });
    }

    private static String propertyName(Method m) {
        String n = m.getName();
        String bare = n.startsWith("get") && n.length() > 3 ? n.substring(3) : n.startsWith("is") && n.length() > 2 ? n.substring(2) : n;
        return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }

    /** The soft-delete style of an entity, with its attributes resolved; fails clearly for entities without one. */
    Style style(EntityPersister persister) {
        EntityCriteria criteria = runtime.criteriaFor(persister.getEntityName());
        SoftDeleteStyle style = criteria == null ? null : criteria.softDeleteStyle().orElse(null);
        if (style == null) {
            throw new IllegalArgumentException("Entity " + persister.getEntityName() + " is not soft-deletable: "
                    + "annotate it (or a mapped superclass) with @SoftDeletable or register it with "
                    + "SoftDeleteConfiguration.Builder.softDelete(...)");
        }
        return new Style(persister, criteria, style);
    }

    /**
     * Bulk soft delete: {@code update <entity> set <deleted> = <id>, <deleted_at> = :now where <live> and (<where>)}.
     * The session's criteria add themselves (e.g. the project scope), as for any HQL mutation.
     */
    public int bulkSoftDelete(SharedSessionContractImplementor session, Class<?> entityType, String where,
                              Map<String, Object> parameters) {
        Style s = style(persister(session, entityType));
        MutationQuery q = mutation(session, s, s.deletedAssignmentsHql(), s.liveHql(), where, parameters);
        if (s.timestamp != null) {
            q.setParameter("kilnDeletedAt", s.now(s.timestamp, runtime.catalog().configuration().clock()));
        }
        return q.executeUpdate();
    }

    /** Bulk restore of deleted rows matching {@code where}, run with read_deleted ONLY (other criteria unchanged). */
    public int bulkRestore(SharedSessionContractImplementor session, Class<?> entityType, String where,
                           Map<String, Object> parameters) {
        Style s = style(persister(session, entityType));
        MutationQuery q = mutation(session, s, s.liveAssignmentsHql(), "not (" + s.liveHql() + ")", where, parameters);
        CriteriaContext current = runtime.criteriaOf(session).context();
        return runtime.withContext(session, current.withReadDeleted(ReadDeleted.ONLY), q::executeUpdate);
    }

    /** {@code update <entity> set <assignments> where <state> and (<where>)}, with the caller's parameters bound. */
    private static MutationQuery mutation(SharedSessionContractImplementor session, Style s, String assignments,
                                          String state, String where, Map<String, Object> parameters) {
        StringBuilder hql = new StringBuilder("update ").append(s.persister.getEntityName())
                .append(" set ").append(assignments).append(" where ").append(state);
        if (where != null && !where.isBlank()) {
            hql.append(" and (").append(where).append(')');
        }
        MutationQuery q = session.createMutationQuery(hql.toString());
        parameters.forEach(q::setParameter);
        return q;
    }

    private static EntityPersister persister(SharedSessionContractImplementor session, Class<?> entityType) {
        return session.getFactory().getMappingMetamodel().getEntityDescriptor(entityType);
    }

    /** Reads and writes one entity's soft-delete attributes. */
    static final class Style {
        final EntityPersister persister;
        final SoftDeleteStyle style;
        final AttributeMapping deleted;
        final AttributeMapping timestamp;

        Style(EntityPersister persister, EntityCriteria criteria, SoftDeleteStyle style) {
            this.persister = persister;
            this.style = style;
            this.deleted = style.deletedColumn().map(c -> attribute(persister, criteria, c)).orElse(null);
            this.timestamp = style.timestampColumn().map(c -> attribute(persister, criteria, c)).orElse(null);
        }

        private static AttributeMapping attribute(EntityPersister persister, EntityCriteria criteria, String column) {
            String name = criteria.column(column).map(Node.ColumnRef::attributeName).orElseThrow();
            return persister.findAttributeMapping(name);
        }

        boolean isLive(Object entity) {
            return switch (style.kind()) {
                case NOVA -> {
                    Object v = deleted.getValue(entity);
                    yield v == null || ((Number) v).longValue() == 0L;
                }
                case FLAG -> !Boolean.TRUE.equals(deleted.getValue(entity));
                case TIMESTAMP -> timestamp.getValue(entity) == null;
            };
        }

        void writeDeleted(Object entity, Object id, Clock clock) {
            switch (style.kind()) {
                case NOVA -> deleted.setValue(entity, convert(deleted, id, "the id of " + persister.getEntityName()));
                case FLAG -> deleted.setValue(entity, Boolean.TRUE);
                case TIMESTAMP -> { }
            }
            if (timestamp != null) {
                timestamp.setValue(entity, now(timestamp, clock));
            }
        }

        void writeLive(Object entity) {
            switch (style.kind()) {
                case NOVA -> deleted.setValue(entity, convert(deleted, 0L, "0"));
                case FLAG -> deleted.setValue(entity, Boolean.FALSE);
                case TIMESTAMP -> { }
            }
            if (timestamp != null) {
                timestamp.setValue(entity, null);
            }
        }

        String liveHql() {
            return switch (style.kind()) {
                case NOVA -> deleted.getAttributeName() + " = 0";
                case FLAG -> deleted.getAttributeName() + " = false";
                case TIMESTAMP -> timestamp.getAttributeName() + " is null";
            };
        }

        String deletedAssignmentsHql() {
            List<String> parts = new ArrayList<>(2);
            switch (style.kind()) {
                case NOVA -> parts.add(deleted.getAttributeName() + " = cast(id(this) as "
                        + deleted.getJavaType().getJavaTypeClass().getName() + ")");
                case FLAG -> parts.add(deleted.getAttributeName() + " = true");
                case TIMESTAMP -> { }
            }
            if (timestamp != null) {
                parts.add(timestamp.getAttributeName() + " = :kilnDeletedAt");
            }
            return String.join(", ", parts);
        }

        String liveAssignmentsHql() {
            List<String> parts = new ArrayList<>(2);
            switch (style.kind()) {
                case NOVA -> parts.add(deleted.getAttributeName() + " = 0");
                case FLAG -> parts.add(deleted.getAttributeName() + " = false");
                case TIMESTAMP -> { }
            }
            if (timestamp != null) {
                parts.add(timestamp.getAttributeName() + " = null");
            }
            return String.join(", ", parts);
        }

        private static Object convert(AttributeMapping attribute, Object value, String what) {
            JavaType<?> type = attribute.getJavaType();
            try {
                return type.wrap(value, null);
            } catch (RuntimeException ex) {
                throw new IllegalStateException("Kiln soft delete: cannot store " + what + " (" + value + ") in "
                        + attribute.getAttributeName() + " of type " + type.getJavaTypeClass().getSimpleName()
                        + "; the Nova style needs a deleted column that can hold the id", ex);
            }
        }

        /** The current time in the timestamp attribute's Java type (UTC wall clock for local date-times). */
        Object now(AttributeMapping attribute, Clock clock) {
            Class<?> type = attribute.getJavaType().getJavaTypeClass();
            Instant now = clock.instant();
            if (type == LocalDateTime.class) {
                return LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            } else if (type == Instant.class) {
                return now;
            } else if (type == OffsetDateTime.class) {
                return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            } else if (type == ZonedDateTime.class) {
                return ZonedDateTime.ofInstant(now, ZoneOffset.UTC);
            } else if (type == java.sql.Timestamp.class) {
                return java.sql.Timestamp.from(now);
            } else if (type == java.util.Date.class) {
                return java.util.Date.from(now);
            }
            throw new IllegalStateException("Kiln soft delete: the timestamp attribute " + attribute.getAttributeName()
                    + " of " + persister.getEntityName() + " has type " + type.getName() + "; use LocalDateTime, "
                    + "Instant, OffsetDateTime, ZonedDateTime, java.sql.Timestamp or java.util.Date");
        }
    }

}

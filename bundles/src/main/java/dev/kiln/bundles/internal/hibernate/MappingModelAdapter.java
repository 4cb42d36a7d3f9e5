package dev.kiln.bundles.internal.hibernate;

import dev.kiln.bundles.internal.BundleSpec;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.internal.BasicAttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.internal.EntityCollectionPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place bundles read Hibernate's runtime mapping model ({@code org.hibernate.metamodel.mapping}, including the
 * internal {@code ToOneAttributeMapping}): each attribute's kind, value converter, association target and the key
 * its foreign key references. Covered by {@code MappingModelAdapterTest}.
 */
public final class MappingModelAdapter {
    /**
     * One attribute as read from the mapping.
     *
     * @param name       attribute name
     * @param kind       its kind for bundles
     * @param getter     the getter Hibernate uses (property access), or null (field access)
     * @param field      the field name Hibernate uses (field access), or null
     * @param converter  JDBC-to-attribute converter, or null
     * @param target     association target or element class, or null
     * @param targetKey  for to-ones, the target attribute the foreign key references
     * @param mappedBy   for collections, the owning to-one of the element
     * @param set        for collections, whether it is a {@code Set}
     */
    public record MappedAttribute(String name, BundleSpec.Kind kind, Method getter, String field,
                                  BasicValueConverter<?, ?> converter, Class<?> target, String targetKey,
                                  String mappedBy, boolean set) {
    }

    /** An entity's mapping: its HQL name and attributes, identifier first. */
    public record MappedEntity(String name, Class<?> javaType, List<MappedAttribute> attributes) {
    }

    private MappingModelAdapter() {
    }

    public static MappedEntity describe(SessionFactoryImplementor factory, Class<?> entityClass) {
        EntityPersister persister;
        try {
            persister = factory.getMappingMetamodel().getEntityDescriptor(entityClass);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(entityClass.getName() + " is not an entity of this SessionFactory; bundles "
                    + "read mapped entities only.", e);
        }
        String name = factory.getJpaMetamodel().entity(entityClass).getName();
        if (persister.hasSubclasses()) {
            throw new IllegalArgumentException("Cannot make bundles of " + name + ": it has mapped subclasses, whose rows "
                    + "a " + name + " bundle could not represent. Query a leaf entity.");
        }
        List<MappedAttribute> attributes = new ArrayList<>();
        if (!(persister.getIdentifierMapping() instanceof BasicEntityIdentifierMapping id)) {
            throw new IllegalArgumentException("Cannot make bundles of " + name + ": its identifier is composite; bundles "
                    + "support single-column identifiers.");
        }
        attributes.add(new MappedAttribute(id.getAttributeName(), BundleSpec.Kind.ID, null, id.getAttributeName(),
                id.getJdbcMapping().getValueConverter(), null, null, null, false));
        persister.getAttributeMappings().forEach(am -> attributes.add(describe(am)));
        return new MappedEntity(name, entityClass, attributes);
    }

    private static MappedAttribute describe(AttributeMapping am) {
        Member member = am.getPropertyAccess().getGetter().getMember();
        Method getter = member instanceof Method m ? m : null;
        String field = member instanceof java.lang.reflect.Field f ? f.getName() : null;
        String name = am.getAttributeName();
        if (am instanceof BasicAttributeMapping basic) {
            return new MappedAttribute(name, BundleSpec.Kind.BASIC, getter, field,
                    basic.getJdbcMapping().getValueConverter(), null, null, null, false);
        }
        if (am instanceof ToOneAttributeMapping toOne) {
            ForeignKeyDescriptor fk = toOne.getForeignKeyDescriptor();
            if (toOne.getSideNature() != ForeignKeyDescriptor.Nature.KEY || fk.getJdbcTypeCount() != 1) {
                return unsupported(name, getter, field);
            }
            var target = toOne.getAssociatedEntityMappingType();
            String key = toOne.getReferencedPropertyName() != null ? toOne.getReferencedPropertyName()
                    : target.getIdentifierMapping().getAttributeName();
            return new MappedAttribute(name, BundleSpec.Kind.TO_ONE, getter, field, null,
                    target.getJavaType().getJavaTypeClass(), key, null, false);
        }
        if (am instanceof PluralAttributeMapping plural) {
            var persister = plural.getCollectionDescriptor();
            if (persister.isOneToMany() && persister.getMappedByProperty() != null
                    && plural.getElementDescriptor() instanceof EntityCollectionPart element) {
                boolean set = Set.class.isAssignableFrom(plural.getJavaType().getJavaTypeClass());
                return new MappedAttribute(name, BundleSpec.Kind.COLLECTION, getter, field, null,
                        element.getAssociatedEntityMappingType().getJavaType().getJavaTypeClass(), null,
                        persister.getMappedByProperty(), set);
            }
        }
        return unsupported(name, getter, field);
    }

    private static MappedAttribute unsupported(String name, Method getter, String field) {
        return new MappedAttribute(name, BundleSpec.Kind.UNSUPPORTED, getter, field, null, null, null, null, false);
    }
}

package dev.kiln.bulksave.internal.hibernate;

import dev.kiln.bulksave.internal.AttributePlan;
import dev.kiln.bulksave.internal.ColumnPlan;
import dev.kiln.bulksave.internal.EntityPlan;
import dev.kiln.bulksave.internal.IdStrategy;
import dev.kiln.bulksave.internal.InvalidRowException;
import dev.kiln.bulksave.internal.TablePlan;
import dev.kiln.bulksave.internal.UnsupportedMappingException;
import dev.kiln.bulksave.internal.access.AccessorFactory;
import dev.kiln.bulksave.internal.access.PropertyAccessor;
import org.hibernate.TransientObjectException;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.Generator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.internal.EmbeddedAttributeMapping;
import org.hibernate.metamodel.mapping.EntityDiscriminatorMapping;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;
import org.hibernate.proxy.HibernateProxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adapter over Hibernate's runtime mapping model ({@code EntityPersister}, {@code AttributeMapping},
 * {@code EntityTableMapping}, {@code ForeignKeyDescriptor}): turns an entity class into the {@link EntityPlan} bulk
 * operations execute. Everything bulk save knows about a mapping comes from here, so a Hibernate upgrade that changes
 * the model breaks in this class (and its test, {@code EntityPlansTest}).
 *
 * <p>Supported: basic attributes (with {@code @Convert} converters, enums, java.time), embedded values (nested),
 * many-to-one / owning one-to-one with a single-column foreign key, inverse collections (ignored: they have no
 * column), {@code @Version}, in-memory generators ({@code @CreationTimestamp}, {@code @UpdateTimestamp}), single-table,
 * joined and table-per-class inheritance, secondary tables, sequence/table/UUID/assigned and IDENTITY ids. Anything
 * else is refused when the plan is built, before any row is read or sent.
 */
public final class EntityPlans {
    private static final PerFactoryCache<Class<?>, EntityPlan> PLANS = new PerFactoryCache<>();

    private EntityPlans() {
    }

    /** The cached plan of {@code type} in the session's SessionFactory. */
    public static EntityPlan of(SharedSessionContractImplementor session, Class<?> type) {
        SessionFactoryImplementor factory = session.getFactory();
        Map<Class<?>, EntityPlan> byClass = PLANS.of(factory);
        EntityPlan plan = byClass.get(type);
        if (plan == null) {
            plan = build(factory, type);
            byClass.put(type, plan);
        }
        return plan;
    }

    static EntityPlan build(SessionFactoryImplementor factory, Class<?> type) {
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(type);
        if (persister == null) {
            throw new UnsupportedMappingException(type.getName() + " is not a mapped entity of this SessionFactory");
        }
        return new Builder(persister, type).build();
    }

    private static final class Builder {
        private final EntityPersister persister;
        private final Class<?> type;
        private final String entity;
        private final List<TableDraft> tables = new ArrayList<>();
        private final List<ColumnPlan> columns = new ArrayList<>();
        private final List<AttributePlan> attributes = new ArrayList<>();

        Builder(EntityPersister persister, Class<?> type) {
            this.persister = persister;
            this.type = type;
            this.entity = persister.getEntityName();
        }

        EntityPlan build() {
            if (!(persister instanceof AbstractEntityPersister aep)) {
                throw unsupported("its persister " + persister.getClass().getName() + " is not a standard Hibernate persister");
            }
            if (persister.getSoftDeleteMapping() != null) {
                throw unsupported("Hibernate @SoftDelete mappings are not supported by bulk save");
            }
            for (EntityTableMapping table : aep.getTableMappings()) {
                if (table.isInverse()) {
                    continue;
                }
                if (table.getInsertCustomSql() != null || table.getUpdateCustomSql() != null) {
                    throw unsupported("table " + table.getTableName() + " has custom SQL (@SQLInsert/@SQLUpdate)");
                }
                if (table.getKeyMapping().getColumnCount() != 1) {
                    throw unsupported("table " + table.getTableName() + " has a composite key");
                }
                tables.add(new TableDraft(table.getTableName(), table.getKeyMapping().getKeyColumn(0).getColumnName(),
                        table.isIdentifierTable()));
            }
            if (!(persister.getIdentifierMapping() instanceof BasicEntityIdentifierMapping id)) {
                throw unsupported("composite ids (@EmbeddedId, @IdClass) are not supported by bulk save");
            }
            Generator generator = persister.getGenerator();
            IdStrategy strategy;
            BeforeExecutionGenerator idGenerator = null;
            if (generator != null && generator.generatedOnExecution()) {
                strategy = IdStrategy.IDENTITY;
            } else if (generator instanceof BeforeExecutionGenerator before) {
                strategy = IdStrategy.BEFORE_INSERT;
                idGenerator = before;
            } else {
                strategy = IdStrategy.ASSIGNED;
            }
            int versionIndex = persister.isVersioned() ? persister.getVersionPropertyIndex() : -1;
            if (versionIndex >= 0 && persister.getGenerators()[versionIndex] != null
                    && persister.getGenerators()[versionIndex].generatedOnExecution()) {
                throw unsupported("its version is generated by the database");
            }
            int versionAttribute = -1;
            Generator[] generators = persister.getGenerators();
            var mappings = persister.getAttributeMappings();
            for (int m = 0; m < mappings.size(); m++) {
                AttributeMapping attribute = mappings.get(m);
                int index = attribute.getStateArrayPosition();
                BeforeExecutionGenerator valueGenerator = null;
                Generator g = index == versionIndex ? null : generators[index];
                if (g != null && g.generatesSometimes()) {
                    if (g.generatedOnExecution() || !(g instanceof BeforeExecutionGenerator)) {
                        throw unsupported("attribute '" + attribute.getAttributeName()
                                + "' is generated by the database (@Generated); bulk save cannot read it back");
                    }
                    valueGenerator = (BeforeExecutionGenerator) g;
                }
                if (index == versionIndex) {
                    versionAttribute = attributes.size();
                }
                PropertyAccessor accessor = AccessorFactory.forProperty(type, attribute.getAttributeName());
                int first = columns.size();
                addColumns(attributes.size(), (e, s) -> accessor.get(e), attribute, attribute.getAttributeName());
                int[] own = new int[columns.size() - first];
                for (int i = 0; i < own.length; i++) {
                    own[i] = first + i;
                }
                attributes.add(new AttributePlan(attribute.getAttributeName(), index, accessor, own, valueGenerator));
            }
            String[] discriminator = discriminator(aep);
            List<TablePlan> tablePlans = new ArrayList<>();
            for (int t = 0; t < tables.size(); t++) {
                TableDraft d = tables.get(t);
                List<Integer> own = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).table() == t) {
                        own.add(c);
                    }
                }
                boolean carriesDiscriminator = discriminator != null && d.name.equals(discriminator[0]);
                tablePlans.add(new TablePlan(d.name, d.keyColumn, d.identifier,
                        own.stream().mapToInt(Integer::intValue).toArray(),
                        carriesDiscriminator ? discriminator[1] : null, carriesDiscriminator ? discriminator[2] : null));
            }
            if (!tablePlans.get(0).identifierTable()) {
                throw unsupported("its first table is not the identifier table");
            }
            PropertyAccessor idAccessor = AccessorFactory.forProperty(type, id.getAttributeName());
            return new EntityPlan(entity, persister, id.getAttributeName(), idAccessor, id.getJdbcMapping(), strategy,
                    idGenerator, versionAttribute, persister.getVersionMapping(), List.copyOf(attributes),
                    List.copyOf(columns), List.copyOf(tablePlans));
        }

        /** {table, column, sql literal} of a discriminator Hibernate writes as a constant, or null. */
        private String[] discriminator(AbstractEntityPersister aep) {
            EntityDiscriminatorMapping mapping = aep.getDiscriminatorMapping();
            if (mapping == null || !mapping.hasPhysicalColumn() || mapping.isFormula() || !mapping.isInsertable()) {
                return null;
            }
            String literal;
            if (aep instanceof SingleTableEntityPersister single) {
                literal = single.getDiscriminatorSQLValue();
            } else if (aep instanceof JoinedSubclassEntityPersister joined) {
                literal = joined.getDiscriminatorSQLValue();
            } else {
                return null;
            }
            if (literal == null || "not null".equalsIgnoreCase(literal)) {
                throw unsupported("its discriminator value is not a constant");
            }
            return new String[]{mapping.getContainingTableExpression(), mapping.getSelectionExpression(), literal};
        }

        /** {@code value} reads the attribute's (domain) value from the entity. */
        private void addColumns(int attributeIndex, ColumnPlan.ValueReader value, AttributeMapping attribute, String path) {
            PluralAttributeMapping plural = attribute.asPluralAttributeMapping();
            if (plural != null) {
                if (plural.getCollectionDescriptor().isInverse()) {
                    return; // mappedBy: stored by the other side
                }
                throw unsupported("attribute '" + path + "' is a collection owned by this entity; bulk save writes "
                        + "no collection tables (map it with mappedBy, or save it with the session)");
            }
            EmbeddedAttributeMapping embedded = attribute.asEmbeddedAttributeMapping();
            if (embedded != null) {
                Class<?> embeddableClass = embedded.getEmbeddableTypeDescriptor().getMappedJavaType().getJavaTypeClass();
                var parts = embedded.getEmbeddableTypeDescriptor().getAttributeMappings();
                for (int p = 0; p < parts.size(); p++) {
                    AttributeMapping part = parts.get(p);
                    PropertyAccessor accessor = AccessorFactory.forProperty(embeddableClass, part.getAttributeName());
                    ColumnPlan.ValueReader partValue = (e, s) -> {
                        Object embeddable = value.read(e, s);
                        return embeddable == null ? null : accessor.get(embeddable);
                    };
                    addColumns(attributeIndex, partValue, part, path + "." + part.getAttributeName());
                }
                return;
            }
            if (attribute instanceof ToOneAttributeMapping toOne) {
                if (toOne.getSideNature() != ForeignKeyDescriptor.Nature.KEY) {
                    return; // mappedBy one-to-one: the key is in the other table
                }
                ForeignKeyDescriptor fk = toOne.getForeignKeyDescriptor();
                if (fk.getKeyPart().getJdbcTypeCount() != 1) {
                    throw unsupported("attribute '" + path + "' has a composite foreign key");
                }
                SelectableMapping column = fk.getKeyPart().getSelectable(0);
                var targetType = toOne.getEntityMappingType();
                String target = targetType.getEntityName();
                // the usual case, a key referencing the target's id: read it with a generated accessor (or from the
                // proxy, without initializing it); other keys go through Hibernate
                PropertyAccessor targetId = fk.getTargetPart() == targetType.getIdentifierMapping()
                        && targetType.getIdentifierMapping() instanceof BasicEntityIdentifierMapping targetIdMapping
                        ? AccessorFactory.forProperty(targetType.getJavaType().getJavaTypeClass(),
                                targetIdMapping.getAttributeName())
                        : null;
                ColumnPlan.ValueReader reader = (e, s) -> {
                    Object associated = value.read(e, s);
                    if (associated == null) {
                        return null;
                    }
                    Object key;
                    if (associated instanceof HibernateProxy proxy) {
                        key = proxy.getHibernateLazyInitializer().getInternalIdentifier();
                    } else if (targetId != null) {
                        key = targetId.get(associated);
                    } else {
                        try {
                            key = fk.getAssociationKeyFromSide(associated, ForeignKeyDescriptor.Nature.TARGET, s);
                        } catch (TransientObjectException unsaved) {
                            key = null;
                        }
                    }
                    if (key == null) {
                        throw new InvalidRowException(path, "attribute '" + path + "' references an unsaved " + target
                                + " (save it first: its id is null)");
                    }
                    return column.getJdbcMapping().convertToRelationalValue(key);
                };
                addColumn(attributeIndex, column, path, reader);
                return;
            }
            BasicValuedModelPart basic = attribute.asBasicValuedModelPart();
            if (basic == null) {
                throw unsupported("attribute '" + path + "' has a mapping bulk save does not support ("
                        + attribute.getClass().getSimpleName() + ")");
            }
            if (basic.isFormula()) {
                return;
            }
            var jdbc = basic.getJdbcMapping();
            addColumn(attributeIndex, basic, path, (e, s) -> jdbc.convertToRelationalValue(value.read(e, s)));
        }

        private void addColumn(int attributeIndex, SelectableMapping column, String path, ColumnPlan.ValueReader reader) {
            int table = -1;
            for (int t = 0; t < tables.size(); t++) {
                if (tables.get(t).name.equals(column.getContainingTableExpression())) {
                    table = t;
                }
            }
            if (table < 0) {
                throw unsupported("attribute '" + path + "' is stored in table " + column.getContainingTableExpression()
                        + ", which Hibernate does not write for this entity");
            }
            columns.add(new ColumnPlan(table, column.getSelectionExpression(), column.getJdbcMapping(),
                    column.isNullable(), column.isInsertable(), column.isUpdateable(), attributeIndex, path, reader));
        }

        private UnsupportedMappingException unsupported(String why) {
            return new UnsupportedMappingException("Entity " + entity + " cannot be bulk-saved: " + why);
        }
    }

    private record TableDraft(String name, String keyColumn, boolean identifier) {
    }
}

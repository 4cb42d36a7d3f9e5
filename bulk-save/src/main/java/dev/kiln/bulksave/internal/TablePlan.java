package dev.kiln.bulksave.internal;

/**
 * One table an entity is stored in (several for joined inheritance and secondary tables), root table first.
 *
 * @param name                the table name as Hibernate renders it
 * @param keyColumn           the column holding the entity id in this table
 * @param identifierTable     true for the table whose key is generated/assigned (the root table)
 * @param columns             indexes into {@link EntityPlan#columns()} of the attribute columns stored in this table
 * @param discriminatorColumn the discriminator column written with a constant value, or null
 * @param discriminatorSql    the discriminator value as a SQL literal, or null
 */
public record TablePlan(String name, String keyColumn, boolean identifierTable, int[] columns,
                        String discriminatorColumn, String discriminatorSql) {
}

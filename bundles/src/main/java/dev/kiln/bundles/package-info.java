/**
 * Kiln bundles: read-only views of entities, loaded without the persistence context.
 *
 * <ul>
 *   <li>{@link dev.kiln.bundles.Bundles#query} returns <em>bundles</em>: instances of a subclass of the entity,
 *       generated once per type, whose getters answer from the row and whose setters throw
 *       {@link dev.kiln.bundles.ReadOnlyBundleException}; associations load lazily (one query per result) or in the
 *       same query ({@link dev.kiln.bundles.BundleQuery#fetch(String...)}); column bundles read a chosen subset
 *       ({@link dev.kiln.bundles.BundleQuery#select(jakarta.persistence.metamodel.Attribute[])}).</li>
 *   <li>{@link dev.kiln.bundles.Bundles#view} reads {@link dev.kiln.bundles.EntityView} interfaces and records from
 *       exactly their columns.</li>
 * </ul>
 *
 * <pre>{@code
 * List<FixedIp> ips = Bundles.query(session, FixedIp.class).where("e.host = :h").parameter("h", host).list();
 * }</pre>
 */
package dev.kiln.bundles;

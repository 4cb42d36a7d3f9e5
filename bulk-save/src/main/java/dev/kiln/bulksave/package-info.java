/**
 * Kiln bulk save: write one entity without flushing the session ({@link dev.kiln.bulksave.FastSave}), and insert or
 * update thousands of entities with multi-row statements and JDBC batches ({@link dev.kiln.bulksave.BulkSave},
 * configured by {@link dev.kiln.bulksave.BulkOptions}).
 *
 * <pre>{@code
 * FastSave.save(session, floatingIp);               // one INSERT or UPDATE, no session scan
 * BulkSave.insert(statelessSession, floatingIps);   // multi-row INSERTs, ids written back
 * }</pre>
 */
package dev.kiln.bulksave;

/**
 * Kiln bulk save: single-entity flush and bulk insert/update.
 * <p>The API lands with issue 8.
 */
package dev.kiln.bulksave;

/**
 * Kiln bundles: read-only entity views loaded without the persistence context.
 * <p>The API lands with issue 9.
 */
package dev.kiln.bundles;

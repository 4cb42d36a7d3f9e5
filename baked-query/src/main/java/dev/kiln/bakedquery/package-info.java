/**
 * Kiln baked queries: lambda-keyed queries whose construction is cached per call site.
 * <p>The API lands with issue 7.
 */
package dev.kiln.bakedquery;

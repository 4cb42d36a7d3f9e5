/**
 * Annotation library sample. It lands with its issue (profiler: 10; annotation library and Spring: 4).
 */
package dev.kiln.samples.annotationlibrary;

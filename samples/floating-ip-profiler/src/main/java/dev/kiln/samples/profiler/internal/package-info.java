/** The profiler's machinery: options, database set-up, measurement, the concurrency study and the reports. */
package dev.kiln.samples.profiler.internal;

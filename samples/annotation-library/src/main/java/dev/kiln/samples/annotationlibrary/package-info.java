/**
 * An IP address management library written with Kiln's transaction annotations: allocate, associate,
 * disassociate and release floating IPs of the Nova model, and list them by project.
 * <pre>{@code
 * FloatingIpApi ipam = FloatingIpApi.create(TransactionFacade.builder(sessionFactory).build());
 * String address = ipam.allocate(RequestContext.project("alice"), "public");
 * }</pre>
 */
package dev.kiln.samples.annotationlibrary;

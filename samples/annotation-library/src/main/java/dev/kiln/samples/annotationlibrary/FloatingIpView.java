package dev.kiln.samples.annotationlibrary;

/** A floating IP as the API shows it: detached from any Session. */
public record FloatingIpView(String address, String pool, String projectId, String fixedAddress, String host) {
}

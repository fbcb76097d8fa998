/**
 * Interchange (liên thông văn bản): edXML messages (QCVN 102:2016) between Sen installations, a
 * provincial hub and the national axis — the codec (streaming, hardened), and later the transports,
 * the outbox and the statuses.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "files", "organization", "signing", "documents"})
package vn.sen.interchange;

package vn.sen.interchange;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.sen.signing.SignatureDevice;
import vn.sen.signing.SignatureDevices;

/**
 * Interchange settings.
 *
 * @param keystore the installation's PKCS#12 key (the agency's certificate) that signs the edXML messages
 *     it sends; without it messages go unsigned
 * @param keystorePassword its password
 * @param temporary where received attachments are decoded before they are stored
 * @param hubUrl the axis or hub this installation exchanges through, e.g.
 *     {@code https://lgsp.angiang.gov.vn/axis/}; without it nothing is sent or fetched
 * @param systemId this installation's system id there
 * @param secret the secret its calls are signed with
 * @param pollInterval how often queued messages are sent and waiting ones fetched
 * @param maxAttempts how many times a message is tried before it is marked failed (backoff doubles from
 *     one minute, up to an hour)
 * @param lease how long a node that claimed a message to send has to send it before another node (or
 *     this one, started again after a crash) may claim it
 * @param directoryInterval how often the agency directory is synchronised from the hub
 * @param upstreamUrl for a hub: the national axis it forwards to what no member receives for (and from
 *     which it fetches what comes for its members); without it such messages are refused
 * @param upstreamSystemId the hub's system id on the national axis
 * @param upstreamSecret the secret its calls there are signed with
 * @param transport the protocol of the hub connection ({@link Transport}; {@code axis} by default)
 * @param upstreamTransport the protocol of the connection to the national axis
 */
@ConfigurationProperties("sen.interchange")
record InterchangeProperties(
        Path keystore,
        String keystorePassword,
        Path temporary,
        URI hubUrl,
        String systemId,
        String secret,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("6h") Duration directoryInterval,
        URI upstreamUrl,
        String upstreamSystemId,
        String upstreamSecret,
        @DefaultValue("axis") String transport,
        @DefaultValue("axis") String upstreamTransport) {

    InterchangeProperties {
        if (temporary == null) {
            temporary = Path.of(System.getProperty("java.io.tmpdir"), "sen-edxml");
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(30);
        }
        if (lease == null) {
            lease = Duration.ofMinutes(5);
        }
        if (transport == null) {
            transport = "axis";
        }
        if (upstreamTransport == null) {
            upstreamTransport = "axis";
        }
    }

    boolean signs() {
        return keystore != null;
    }

    /** The installation's signing key opened, or null when messages go unsigned; the caller closes it. */
    SignatureDevice openKey() {
        return signs()
                ? SignatureDevices.pkcs12(
                        keystore, keystorePassword == null ? new char[0] : keystorePassword.toCharArray())
                : null;
    }

    boolean connected() {
        return hubUrl != null && systemId != null && secret != null;
    }

    /** Whether this hub forwards to the national axis. */
    boolean forwards() {
        return upstreamUrl != null && upstreamSystemId != null && upstreamSecret != null;
    }

    /** A new empty file in the temporary directory, for a message on its way in or out. */
    java.nio.file.Path temporaryFile(String prefix) throws java.io.IOException {
        java.nio.file.Files.createDirectories(temporary);
        return java.nio.file.Files.createTempFile(temporary, prefix, ".xml");
    }
}

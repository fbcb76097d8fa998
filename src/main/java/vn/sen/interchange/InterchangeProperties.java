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
        @DefaultValue("12") int maxAttempts) {

    InterchangeProperties {
        if (temporary == null) {
            temporary = Path.of(System.getProperty("java.io.tmpdir"), "sen-edxml");
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(30);
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
}

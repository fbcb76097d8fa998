package vn.sen.interchange;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Interchange settings.
 *
 * @param keystore the installation's PKCS#12 key (the agency's certificate) that signs the edXML messages
 *     it sends; without it messages go unsigned
 * @param keystorePassword its password
 * @param temporary where received attachments are decoded before they are stored
 */
@ConfigurationProperties("sen.interchange")
record InterchangeProperties(Path keystore, String keystorePassword, Path temporary) {

    InterchangeProperties {
        if (temporary == null) {
            temporary = Path.of(System.getProperty("java.io.tmpdir"), "sen-edxml");
        }
    }

    boolean signs() {
        return keystore != null;
    }
}

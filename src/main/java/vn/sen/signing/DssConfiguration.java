package vn.sen.signing;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * EU DSS as Sen uses it: the administrator's trust anchors, CRL and OCSP fetched online when allowed
 * (with short timeouts), the time-stamping authority when configured, and large PDFs kept in temporary
 * files rather than in memory.
 */
@Component
@EnableConfigurationProperties(SigningProperties.class)
class DssConfiguration {

    private final SigningProperties properties;
    private final TrustAnchors anchors;
    private final Path temporary;

    DssConfiguration(SigningProperties properties, TrustAnchors anchors) {
        this.properties = properties;
        this.anchors = anchors;
        this.temporary = Path.of(System.getProperty("java.io.tmpdir"));
    }

    SigningProperties properties() {
        return properties;
    }

    /** A verifier for one signing or validation: the trust anchors as they are now. */
    CommonCertificateVerifier verifier() {
        var verifier = new CommonCertificateVerifier();
        var trusted = new CommonTrustedCertificateSource();
        anchors.certificates().forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        verifier.setTrustedCertSources(trusted);
        if (properties.onlineRevocation()) {
            verifier.setCrlSource(new OnlineCRLSource(dataLoader(new CommonsDataLoader())));
            var ocsp = new OnlineOCSPSource();
            ocsp.setDataLoader(dataLoader(new OCSPDataLoader()));
            verifier.setOcspSource(ocsp);
        }
        verifier.setAIASource(null); // never fetch certificates from addresses inside the signature
        // problems are reported in the validation report, not thrown while signing
        verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        verifier.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
        verifier.setAlertOnRevokedCertificate(new SilentOnStatusAlert());
        verifier.setAlertOnInvalidTimestamp(new SilentOnStatusAlert());
        return verifier;
    }

    PAdESService service(CommonCertificateVerifier verifier) {
        var service = new PAdESService(verifier);
        // native drawing: the agency's text signature is real text in the embedded font (searchable,
        // sharp at any zoom), not a picture of text
        var pdf = new PdfBoxNativeObjectFactory();
        pdf.setResourcesHandlerBuilder(new TempFileResourcesHandlerBuilder()
                .setTempFileDirectory(temporary.toFile())
                .setFileNamePrefix("sen-sign-"));
        // Decree 30 lays the seal over a third of the signer's image: overlapping fields are intended
        var positions = new PdfSignatureFieldPositionChecker();
        positions.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
        pdf.setPdfSignatureFieldPositionChecker(positions);
        service.setPdfObjFactory(pdf);
        if (properties.timestamps()) {
            service.setTspSource(new OnlineTSPSource(properties.tsaUrl(), dataLoader(new CommonsDataLoader())));
        }
        return service;
    }

    private <T extends CommonsDataLoader> T dataLoader(T loader) {
        int millis = (int) properties.httpTimeout().toMillis();
        loader.setTimeoutConnection(millis);
        loader.setTimeoutConnectionRequest(millis);
        loader.setTimeoutResponse(millis);
        loader.setTimeoutSocket(millis);
        return loader;
    }
}

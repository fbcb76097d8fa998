package vn.sen.signing;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.AbstractSignatureTokenConnection;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore.PasswordProtection;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import vn.sen.shared.RuleViolation;

/** Opens signature devices (mở thiết bị ký): a wrong PIN or a device without a key is a clear refusal. */
public final class SignatureDevices {

    private SignatureDevices() {}

    /** The first key of a PKCS#12 file (.p12, .pfx). */
    public static SignatureDevice pkcs12(Path file, char[] password) {
        if (!Files.isReadable(file)) {
            throw new RuleViolation(
                    "signing.error.device-missing", file.getFileName().toString());
        }
        try {
            return open(new Pkcs12SignatureToken(file.toFile(), new PasswordProtection(password)), true);
        } catch (IOException | DSSException e) {
            throw new RuleViolation("signing.error.device-pin");
        }
    }

    /**
     * The first key of a PKCS#11 token: {@code library} is the token's driver (e.g. SoftHSM2's
     * {@code /usr/lib/softhsm/libsofthsm2.so}), {@code slot} its slot index.
     */
    public static SignatureDevice pkcs11(Path library, int slotIndex, char[] pin) {
        if (!Files.isReadable(library)) {
            throw new RuleViolation("signing.error.device-missing", library.toString());
        }
        char[] secret = pin.clone();
        Pkcs11SignatureToken token =
                new Pkcs11SignatureToken(library.toString(), () -> secret.clone(), -1, slotIndex, null);
        try {
            return open(token, false);
        } catch (DSSException | java.security.ProviderException e) {
            token.close();
            throw new RuleViolation("signing.error.device-pin");
        }
    }

    private static SignatureDevice open(AbstractSignatureTokenConnection token, boolean pss) {
        List<DSSPrivateKeyEntry> keys = token.getKeys();
        if (keys.isEmpty()) {
            token.close();
            throw new RuleViolation("signing.error.device-empty");
        }
        return new TokenDevice(token, keys.getFirst(), pss);
    }

    /** A DSS token and the key chosen on it. */
    private record TokenDevice(AbstractSignatureTokenConnection token, DSSPrivateKeyEntry key, boolean pss)
            implements SignatureDevice {

        @Override
        public boolean signsPss() {
            return pss;
        }

        @Override
        public List<X509Certificate> chain() {
            CertificateToken[] chain = key.getCertificateChain();
            if (chain == null || chain.length == 0) {
                return List.of(key.getCertificate().getCertificate());
            }
            return Arrays.stream(chain).map(CertificateToken::getCertificate).toList();
        }

        @Override
        public byte[] sign(byte[] data, SignatureScheme scheme) {
            return token.sign(new ToBeSigned(data), scheme.dss(), key).getValue();
        }

        @Override
        public void close() {
            token.close();
        }
    }
}

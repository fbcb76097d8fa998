package vn.sen.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import java.security.PublicKey;

/** How the signature value is computed (thuật toán ký): always SHA-256 over the signed attributes. */
public enum SignatureScheme {
    RSA_SHA256(EncryptionAlgorithm.RSA),
    RSA_PSS_SHA256(EncryptionAlgorithm.RSASSA_PSS),
    ECDSA_SHA256(EncryptionAlgorithm.ECDSA);

    private final EncryptionAlgorithm encryption;

    SignatureScheme(EncryptionAlgorithm encryption) {
        this.encryption = encryption;
    }

    /** The scheme for a key: PSS for RSA unless {@code pss} is off, ECDSA for EC keys. */
    static SignatureScheme forKey(PublicKey key, boolean pss) {
        return switch (key.getAlgorithm()) {
            case "RSA", "RSASSA-PSS" -> pss ? RSA_PSS_SHA256 : RSA_SHA256;
            case "EC" -> ECDSA_SHA256;
            default -> throw new vn.sen.shared.RuleViolation("signing.error.key-algorithm", key.getAlgorithm());
        };
    }

    /** Refuses a scheme the key cannot make (an ECDSA scheme for an RSA key, say). */
    static void requireFits(SignatureScheme scheme, PublicKey key) {
        boolean rsa = key.getAlgorithm().startsWith("RSA");
        if (rsa == (scheme == ECDSA_SHA256)) {
            throw new vn.sen.shared.RuleViolation("signing.error.key-algorithm", key.getAlgorithm());
        }
    }

    EncryptionAlgorithm encryption() {
        return encryption;
    }

    DigestAlgorithm digest() {
        return DigestAlgorithm.SHA256;
    }

    SignatureAlgorithm dss() {
        return SignatureAlgorithm.getAlgorithm(encryption, DigestAlgorithm.SHA256);
    }
}

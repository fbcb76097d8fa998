package vn.sen.signing;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;

/**
 * The reference external signer (công cụ ký số tham chiếu): what the signing tool on an officer's
 * computer does with the USB token, here with a PKCS#12 key — hand over the certificate chain, sign
 * the data Sen prepared with the scheme Sen named. Plain JCA, no DSS.
 */
public final class ReferenceExternalSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public ReferenceExternalSigner(Path pkcs12, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(pkcs12)) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        key = (PrivateKey) store.getKey(alias, password);
        chain = java.util.Arrays.stream(store.getCertificateChain(alias))
                .map(c -> (X509Certificate) c)
                .toList();
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The chain as the contract carries it: base64 DER, signer first. */
    public List<String> chainBase64() throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (X509Certificate c : chain) {
            out.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        return out;
    }

    /** The signature value of {@code dataToSign} with {@code scheme} ("RSA_SHA256", "RSA_PSS_SHA256", "ECDSA_SHA256"). */
    public byte[] sign(byte[] dataToSign, String scheme) throws Exception {
        Signature signature;
        switch (scheme) {
            case "RSA_SHA256" -> signature = Signature.getInstance("SHA256withRSA");
            case "RSA_PSS_SHA256" -> {
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            case "ECDSA_SHA256" -> signature = Signature.getInstance("SHA256withECDSA");
            default -> throw new IllegalArgumentException("unknown scheme " + scheme);
        }
        signature.initSign(key);
        signature.update(dataToSign);
        return signature.sign();
    }
}

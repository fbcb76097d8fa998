package vn.sen.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signature device (thiết bị ký số) holding one private key: a PKCS#12 file, a PKCS#11 token or HSM.
 * Devices are opened through {@link SignatureDevices} and closed after use.
 */
public interface SignatureDevice extends AutoCloseable {

    /** The signer's certificate first, then the rest of its chain as far as the device holds it. */
    List<X509Certificate> chain();

    /** The signature value of {@code data} (the DER of the signed attributes) with the device's key. */
    byte[] sign(byte[] data, SignatureScheme scheme);

    /**
     * Whether the device computes RSASSA-PSS signatures; tokens reached through the JDK's PKCS#11
     * provider sign PKCS#1 v1.5 only, as the tokens officers carry do.
     */
    default boolean signsPss() {
        return true;
    }

    @Override
    void close();
}

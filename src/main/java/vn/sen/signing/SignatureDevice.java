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

    @Override
    void close();
}

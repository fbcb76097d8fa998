package vn.sen.interchange;

import java.io.ByteArrayOutputStream;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Element;
import vn.sen.signing.SignatureDevice;
import vn.sen.signing.SignatureScheme;

/**
 * The enveloped XML signature of an edXML message (chữ ký số gói tin): a {@code Signature} in the
 * header whose one reference is the whole message ({@code URI=""}, enveloped-signature transform, then
 * canonical XML). Sen signs with rsa-sha256 and exclusive canonicalization of {@code SignedInfo}; it
 * verifies rsa-sha256 and the rsa-sha1 other systems still send. The document's digest is taken while
 * the message streams (see {@link StreamingCanonicalizer}); only the small {@code Signature} is a DOM.
 */
final class XmlSignatures {

    private XmlSignatures() {}

    static final String DSIG = XMLSignature.XMLNS;
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    private static final Set<String> TRANSFORMS = Set.of(
            Transform.ENVELOPED, CanonicalizationMethod.INCLUSIVE, CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS);

    /** Who signs Sen's messages: the installation's certificate (an RSA key) with its chain, and its signature. */
    interface Signer {
        /** The signer's certificate first, then the rest of its chain. */
        List<X509Certificate> chain();

        default X509Certificate certificate() {
            return chain().getFirst();
        }

        /** The PKCS#1 v1.5 SHA-256 signature of {@code data}. */
        byte[] signRsaSha256(byte[] data);

        static Signer of(SignatureDevice device) {
            X509Certificate certificate = device.chain().getFirst();
            if (!certificate.getPublicKey().getAlgorithm().startsWith("RSA")) {
                throw new IllegalArgumentException("edXML messages are signed with RSA keys (rsa-sha256)");
            }
            List<X509Certificate> chain = List.copyOf(device.chain());
            return new Signer() {
                @Override
                public List<X509Certificate> chain() {
                    return chain;
                }

                @Override
                public byte[] signRsaSha256(byte[] data) {
                    return device.sign(data, SignatureScheme.RSA_SHA256);
                }
            };
        }
    }

    /**
     * What the verification of a message's signature found: the signer's certificate (the first in
     * {@code KeyInfo}) and the certificates that came with it.
     */
    record Verification(
            boolean valid,
            String algorithm,
            String signer,
            X509Certificate certificate,
            List<X509Certificate> chain,
            String problem) {

        static Verification invalid(String algorithm, String signer, X509Certificate certificate, String problem) {
            return new Verification(false, algorithm, signer, certificate, List.of(), problem);
        }
    }

    static MessageDigest sha256() {
        return digest("SHA-256");
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the {@code Signature} over a message whose canonical bytes have {@code digest}. */
    static void write(CanonicalXmlWriter xml, byte[] digest, Signer signer) {
        var canonical = new ByteArrayOutputStream();
        var signedInfo = new CanonicalXmlWriter(canonical);
        signedInfo(signedInfo, digest, true);
        signedInfo.flush();
        byte[] value = signer.signRsaSha256(canonical.toByteArray());
        xml.start("Signature", "xmlns", DSIG);
        signedInfo(xml, digest, false);
        xml.element("SignatureValue", Base64.getEncoder().encodeToString(value));
        xml.start("KeyInfo");
        xml.start("X509Data");
        xml.element(
                "X509SubjectName",
                signer.certificate().getSubjectX500Principal().getName());
        try {
            for (X509Certificate certificate : signer.chain()) {
                xml.element("X509Certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()));
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        xml.end();
        xml.end();
        xml.end();
    }

    /**
     * {@code SignedInfo}; with its namespace declaration it is exactly its exclusive canonical form, the
     * bytes the signature value signs.
     */
    private static void signedInfo(CanonicalXmlWriter xml, byte[] digest, boolean canonical) {
        if (canonical) {
            xml.start("SignedInfo", "xmlns", DSIG);
        } else {
            xml.start("SignedInfo");
        }
        xml.start("CanonicalizationMethod", "Algorithm", CanonicalizationMethod.EXCLUSIVE);
        xml.end();
        xml.start("SignatureMethod", "Algorithm", RSA_SHA256);
        xml.end();
        xml.start("Reference", "URI", "");
        xml.start("Transforms");
        xml.start("Transform", "Algorithm", Transform.ENVELOPED);
        xml.end();
        xml.end();
        xml.start("DigestMethod", "Algorithm", DigestMethod.SHA256);
        xml.end();
        xml.element("DigestValue", Base64.getEncoder().encodeToString(digest));
        xml.end();
        xml.end();
    }

    /**
     * Verifies a message's signature: the signature value over {@code SignedInfo} with the certificate in
     * {@code KeyInfo}, and the reference's digest against the digests of the message as it streamed.
     *
     * @param signature the {@code Signature} element, in a DOM holding the namespaces in scope
     * @param digest the canonical message's digest, without the signature, in the algorithm the
     *     reference names (null when it names none Sen knows)
     */
    static Verification verify(Element signature, StreamingCanonicalizer.Digest digest) {
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        CertificateSelector keys = new CertificateSelector();
        DOMValidateContext context = new DOMValidateContext(keys, signature);
        // rsa-sha1 is still sent by other systems; the JDK's secure validation refuses it, so its other
        // checks are made here instead: one reference to the whole message, known transforms only
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        XMLSignature xml;
        try {
            xml = factory.unmarshalXMLSignature(context);
        } catch (MarshalException e) {
            return Verification.invalid("", "", null, "the Signature cannot be read: " + e.getMessage());
        }
        String algorithm = xml.getSignedInfo().getSignatureMethod().getAlgorithm();
        X509Certificate certificate = certificate(xml.getKeyInfo());
        String signer =
                certificate == null ? "" : certificate.getSubjectX500Principal().getName();
        if (!algorithm.equals(RSA_SHA256) && !algorithm.equals(RSA_SHA1)) {
            return Verification.invalid(
                    algorithm,
                    signer,
                    certificate,
                    "signature algorithm " + algorithm + " is not rsa-sha256 or rsa-sha1");
        }
        if (certificate == null) {
            return Verification.invalid(algorithm, signer, null, "no X509Certificate in KeyInfo");
        }
        List<?> references = xml.getSignedInfo().getReferences();
        if (references.size() != 1 || !"".equals(((Reference) references.getFirst()).getURI())) {
            return Verification.invalid(
                    algorithm,
                    signer,
                    certificate,
                    "the signature must have one Reference to the whole message (URI=\"\")");
        }
        Reference reference = (Reference) references.getFirst();
        for (Object transform : reference.getTransforms()) {
            String name = ((Transform) transform).getAlgorithm();
            if (!TRANSFORMS.contains(name)) {
                return Verification.invalid(algorithm, signer, certificate, "transform " + name + " is not supported");
            }
        }
        String named = digestAlgorithm(reference.getDigestMethod().getAlgorithm());
        if (named == null || digest == null || !named.equals(digest.algorithm())) {
            return Verification.invalid(
                    algorithm,
                    signer,
                    certificate,
                    "digest " + reference.getDigestMethod().getAlgorithm() + " is not sha256 or sha1");
        }
        if (!MessageDigest.isEqual(digest.value(), reference.getDigestValue())) {
            return Verification.invalid(algorithm, signer, certificate, "the message was changed after it was signed");
        }
        try {
            if (!xml.getSignatureValue().validate(context)) {
                return Verification.invalid(algorithm, signer, certificate, "the signature value does not match");
            }
        } catch (XMLSignatureException e) {
            return Verification.invalid(
                    algorithm, signer, certificate, "the signature value cannot be checked: " + e.getMessage());
        }
        return new Verification(true, algorithm, signer, certificate, certificates(xml.getKeyInfo()), "");
    }

    /** The JDK name of an XML signature digest method, or null for one Sen does not verify. */
    static String digestAlgorithm(String uri) {
        return switch (uri) {
            case DigestMethod.SHA256 -> "SHA-256";
            case DigestMethod.SHA1 -> "SHA-1";
            default -> null;
        };
    }

    private static X509Certificate certificate(KeyInfo keyInfo) {
        List<X509Certificate> certificates = certificates(keyInfo);
        return certificates.isEmpty() ? null : certificates.getFirst();
    }

    /** The certificates in {@code KeyInfo}, in order. */
    private static List<X509Certificate> certificates(KeyInfo keyInfo) {
        List<X509Certificate> certificates = new java.util.ArrayList<>();
        if (keyInfo != null) {
            for (Object item : keyInfo.getContent()) {
                if (item instanceof X509Data data) {
                    for (Object content : data.getContent()) {
                        if (content instanceof X509Certificate certificate) {
                            certificates.add(certificate);
                        }
                    }
                }
            }
        }
        return certificates;
    }

    /** The key of the certificate in {@code KeyInfo}. */
    private static final class CertificateSelector extends KeySelector {
        @Override
        public KeySelectorResult select(
                KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context) {
            X509Certificate certificate = certificate(keyInfo);
            Key key = certificate == null ? null : certificate.getPublicKey();
            return () -> key;
        }
    }
}

package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.OtherInfo;
import vn.sen.interchange.Edxml.Signer;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.Trace;
import vn.sen.interchange.EdxmlWriter.Outgoing;
import vn.sen.signing.SignatureDevices;
import vn.sen.signing.TestPki;

/**
 * The enveloped signature of edXML messages: Sen signs rsa-sha256 and the JDK's own XML signature
 * validation accepts it; Sen verifies its own messages and another system's rsa-sha1 message, refuses a
 * changed message and a signature made by another key.
 */
class EdxmlSignatureTest {

    static final TestPki pki = TestPki.shared();

    @TempDir
    Path dir;

    @Test
    void sen_signs_rsa_sha256_and_an_independent_validator_accepts_it() throws Exception {
        byte[] signed = signedMessage("Về việc công nhận kết quả & xét tuyển <2026>");
        assertThat(new String(signed, StandardCharsets.UTF_8))
                .contains("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">")
                .contains("xmldsig-more#rsa-sha256");

        Document dom = parse(signed);
        Element signature = (Element)
                dom.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
        var context = new DOMValidateContext(pki.signer.certificate().getPublicKey(), signature);
        assertThat(XMLSignatureFactory.getInstance("DOM")
                        .unmarshalXMLSignature(context)
                        .validate(context))
                .as("the JDK's XML signature validation, secure mode, over the whole document")
                .isTrue();

        try (var read = reader().read(new ByteArrayInputStream(signed))) {
            assertThat(read.signature().valid()).as(read.signature().problem()).isTrue();
            assertThat(read.signature().algorithm()).isEqualTo(XmlSignatures.RSA_SHA256);
            assertThat(read.signature().certificate()).isEqualTo(pki.signer.certificate());
            assertThat(read.attachments())
                    .singleElement()
                    .satisfies(a -> assertThat(a.size()).isEqualTo(3000));
        }
    }

    @Test
    void a_message_changed_after_signing_or_signed_by_another_key_is_not_valid() throws Exception {
        String signed = new String(signedMessage("Kế hoạch năm 2027"), StandardCharsets.UTF_8);
        try (var read = read(signed.replace("Kế hoạch năm 2027", "Kế hoạch năm 2028"))) {
            assertThat(read.signature().valid()).isFalse();
            assertThat(read.signature().problem()).isEqualTo("the message was changed after it was signed");
        }
        try (var read = read(signed.replace("<edXML:Priority>1", "<edXML:Priority>3"))) {
            assertThat(read.signature().problem()).isEqualTo("the message was changed after it was signed");
        }
        String foreign = signed.replaceFirst(
                "<X509Certificate>[^<]+</X509Certificate>",
                "<X509Certificate>"
                        + Base64.getEncoder()
                                .encodeToString(pki.revoked.certificate().getEncoded())
                        + "</X509Certificate>");
        try (var read = read(foreign)) {
            assertThat(read.signature().valid()).isFalse();
            assertThat(read.signature().problem()).isEqualTo("the signature value does not match");
        }
    }

    /** Signed as other systems sign: the JDK's DOM API, rsa-sha1, inclusive C14N, indented, another prefix. */
    @Test
    void another_systems_rsa_sha1_message_is_verified() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ns2:edXML xmlns:ns2="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:x="urn:other">
                  <ns2:edXMLEnvelope>
                    <ns2:edXMLHeader>
                      <ns2:MessageHeader>
                        <ns2:From><ns2:OrganId>000.00.00.G09</ns2:OrganId></ns2:From>
                        <ns2:To><ns2:OrganId>000.00.02.H01</ns2:OrganId></ns2:To>
                        <ns2:Subject x:note="b" note="a">Hướng dẫn quyết toán</ns2:Subject>
                        <ns2:PromulgationInfo><ns2:PromulgationDate>2026/03/05</ns2:PromulgationDate></ns2:PromulgationInfo>
                        <ns2:DocumentType><ns2:Type>1</ns2:Type></ns2:DocumentType>
                      </ns2:MessageHeader>
                      <ns2:TraceHeaderList/>
                    </ns2:edXMLHeader>
                    <ns2:edXMLBody/>
                  </ns2:edXMLEnvelope>
                  <AttachmentEncoded>
                    <Attachment>
                      <ContentId>a</ContentId><AttachmentName>a.pdf</AttachmentName>
                      <ContentTransferEncoded>JVBERi0xLjQKJSBj9G5nIHbEg24=</ContentTransferEncoded>
                    </Attachment>
                  </AttachmentEncoded>
                </ns2:edXML>
                """;
        Document dom = parse(xml.getBytes(StandardCharsets.UTF_8));
        Element header = (Element)
                dom.getElementsByTagNameNS(Edxml.NAMESPACE, "edXMLHeader").item(0);
        var factory = XMLSignatureFactory.getInstance("DOM");
        var reference = factory.newReference(
                "",
                factory.newDigestMethod(DigestMethod.SHA1, null),
                List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)),
                null,
                null);
        var signedInfo = factory.newSignedInfo(
                factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                factory.newSignatureMethod(SignatureMethod.RSA_SHA1, null),
                List.of(reference));
        KeyInfoFactory keys = factory.getKeyInfoFactory();
        var keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(pki.signer.certificate()))));
        var context = new DOMSignContext(privateKey(), header);
        factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        var out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dom), new StreamResult(out));

        try (var read = reader().read(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.signature().algorithm()).isEqualTo(XmlSignatures.RSA_SHA1);
            assertThat(read.signature().valid()).as(read.signature().problem()).isTrue();
            assertThat(((DocumentMessage) read.message()).header().subject()).isEqualTo("Hướng dẫn quyết toán");
        }
        String changed = out.toString(StandardCharsets.UTF_8).replace("note=\"a\"", "note=\"c\"");
        try (var read = read(changed)) {
            assertThat(read.signature().valid())
                    .as("attributes are covered too")
                    .isFalse();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private byte[] signedMessage(String subject) {
        var header = new DocumentHeader(
                Organ.of("000.00.02.H01", "Sở Nội vụ"),
                List.of(Organ.of("H01.151.01", "UBND xã Mỹ Hòa Hưng")),
                "D-" + subject.length(),
                "125",
                "QĐ-SNV",
                "An Giang",
                LocalDate.of(2026, 11, 24),
                2,
                "",
                "Quyết định",
                subject,
                "",
                new Signer("", "Giám đốc", "Nguyễn Văn An"),
                null,
                new OtherInfo(1, "", "", null, 2, "", List.of()),
                List.of(),
                null,
                List.of());
        var message = new DocumentMessage(
                header,
                new Trace(List.of(), Business.of("D-" + subject.length(), BusinessType.NEW, "", Staff.NONE)),
                List.of());
        var out = new ByteArrayOutputStream();
        try (var device = SignatureDevices.pkcs12(pki.signer.pkcs12(dir, "edxml"), TestPki.PASSWORD)) {
            new EdxmlWriter()
                    .write(
                            message,
                            List.of(new Outgoing(
                                    "a",
                                    "a.pdf",
                                    "",
                                    "application/pdf",
                                    () -> new ByteArrayInputStream(new byte[3000]))),
                            out,
                            XmlSignatures.Signer.of(device));
        }
        return out.toByteArray();
    }

    private PrivateKey privateKey() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(pki.signer.pkcs12(dir, "dom"))) {
            store.load(in, TestPki.PASSWORD);
        }
        String alias = Collections.list(store.aliases()).getFirst();
        assertThat(store.getCertificate(alias)).isInstanceOf(X509Certificate.class);
        return (PrivateKey) store.getKey(alias, TestPki.PASSWORD);
    }

    private static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private EdxmlReader.Read read(String xml) {
        return reader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private EdxmlReader reader() {
        return new EdxmlReader(EdxmlReader.Limits.DEFAULT, dir);
    }
}

package vn.sen.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.ResponseFor;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.StatusHeader;
import vn.sen.interchange.Edxml.StatusMessage;
import vn.sen.interchange.Edxml.Trace;

/**
 * Writes edXML messages as the standard orders them (ghi gói tin edXML), streaming: the envelope with
 * the {@code edXML} prefix, then, outside it and without prefix, the attachments, each read from its
 * source and written as one line of Base64 (other systems decode it with plain Base64 decoders).
 *
 * <p>Written in canonical form, so that a message can carry an enveloped XML signature (rsa-sha256) in
 * its header: the document is written once into a digest, then again with the signature.
 */
final class EdxmlWriter {

    /** Where an attachment's bytes come from; opened each time the message is written. */
    interface Content {
        InputStream open() throws IOException;
    }

    /** An attachment to send. */
    record Outgoing(String contentId, String name, String description, String contentType, Content content) {}

    static final String PREFIX = "edXML";
    private static final String ENCODED = "ContentTransferEncoded";

    /** Writes a document message with its attachments, signed when {@code signer} is not null. */
    void write(DocumentMessage message, List<Outgoing> attachments, OutputStream out, XmlSignatures.Signer signer) {
        write(
                out,
                signer,
                xml -> document(xml, message.header()),
                message.trace(),
                xml -> {
                    start(xml, "edXMLManifest");
                    for (Outgoing attachment : attachments) {
                        start(xml, "Reference");
                        field(xml, "ContentId", "cid:" + attachment.contentId());
                        field(xml, "ContentType", attachment.contentType());
                        field(xml, "Description", attachment.description());
                        field(xml, "AttachmentName", attachment.name());
                        xml.end();
                    }
                    xml.end();
                },
                xml -> {
                    xml.start("AttachmentEncoded");
                    for (Outgoing attachment : attachments) {
                        xml.start("Attachment");
                        xml.element("ContentId", attachment.contentId());
                        xml.element("AttachmentName", attachment.name());
                        xml.element("Description", attachment.description());
                        xml.element("ContentType", attachment.contentType());
                        xml.start(ENCODED);
                        base64(xml, attachment.content());
                        xml.end();
                        xml.end();
                    }
                    xml.end();
                });
    }

    void write(DocumentMessage message, List<Outgoing> attachments, OutputStream out) {
        write(message, attachments, out, null);
    }

    /** Writes a status message, signed when {@code signer} is not null. */
    void write(StatusMessage message, OutputStream out, XmlSignatures.Signer signer) {
        write(out, signer, xml -> status(xml, message.header()), message.trace(), xml -> {}, xml -> {});
    }

    void write(StatusMessage message, OutputStream out) {
        write(message, out, null);
    }

    /** A part of the message, written into the canonical writer. */
    private interface Part {
        void write(CanonicalXmlWriter xml);
    }

    private void write(
            OutputStream out, XmlSignatures.Signer signer, Part header, Trace trace, Part body, Part outside) {
        Part signature = null;
        if (signer != null) {
            MessageDigest sha256 = XmlSignatures.sha256();
            var digesting = new CanonicalXmlWriter(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
            root(digesting, header, trace, body, outside, null);
            digesting.flush();
            byte[] digest = sha256.digest();
            signature = xml -> XmlSignatures.write(xml, digest, signer);
        }
        var xml = new CanonicalXmlWriter(out);
        xml.declaration();
        root(xml, header, trace, body, outside, signature);
        xml.flush();
    }

    private static void root(
            CanonicalXmlWriter xml, Part header, Trace trace, Part body, Part outside, Part signature) {
        xml.start(PREFIX + ":edXML", "xmlns:" + PREFIX, Edxml.NAMESPACE);
        start(xml, "edXMLEnvelope");
        start(xml, "edXMLHeader");
        start(xml, "MessageHeader");
        header.write(xml);
        xml.end();
        trace(xml, trace);
        if (signature != null) {
            signature.write(xml);
        }
        xml.end();
        start(xml, "edXMLBody");
        body.write(xml);
        xml.end();
        xml.end();
        outside.write(xml);
        xml.end();
    }

    private static void document(CanonicalXmlWriter xml, DocumentHeader d) {
        organ(xml, "From", d.from());
        for (Organ to : d.to()) {
            organ(xml, "To", to);
        }
        field(xml, "DocumentId", d.documentId());
        start(xml, "Code");
        field(xml, "CodeNumber", d.codeNumber());
        field(xml, "CodeNotation", d.codeNotation());
        xml.end();
        start(xml, "PromulgationInfo");
        field(xml, "Place", d.place());
        field(xml, "PromulgationDate", date(d.promulgationDate()));
        xml.end();
        start(xml, "DocumentType");
        field(xml, "Type", Integer.toString(d.type()));
        field(xml, "TypeDetail", d.typeDetail());
        field(xml, "TypeName", d.typeName());
        xml.end();
        field(xml, "Subject", d.subject());
        field(xml, "Content", d.content());
        start(xml, "SignerInfo");
        field(xml, "Competence", d.signer().competence());
        field(xml, "Position", d.signer().position());
        field(xml, "FullName", d.signer().fullName());
        xml.end();
        field(xml, "DueDate", date(d.dueDate()));
        start(xml, "OtherInfo");
        field(xml, "Priority", Integer.toString(d.otherInfo().priority()));
        field(xml, "SphereOfPromulgation", d.otherInfo().sphereOfPromulgation());
        field(xml, "TyperNotation", d.otherInfo().typerNotation());
        field(xml, "PromulgationAmount", number(d.otherInfo().promulgationAmount()));
        field(xml, "PageAmount", number(d.otherInfo().pageAmount()));
        field(xml, "Direction", d.otherInfo().direction());
        start(xml, "Appendixes");
        for (String appendix : d.otherInfo().appendixes()) {
            field(xml, "Appendix", appendix);
        }
        xml.end();
        xml.end();
        for (ResponseFor response : d.responseFor()) {
            responseFor(xml, response);
        }
        field(xml, "SteeringType", number(d.steeringType()));
        start(xml, "ToPlaces");
        for (String place : d.toPlaces()) {
            field(xml, "Place", place);
        }
        xml.end();
    }

    private static void status(CanonicalXmlWriter xml, StatusHeader s) {
        organ(xml, "From", s.from());
        responseFor(xml, s.responseFor());
        staff(xml, s.staff());
        field(xml, "StatusCode", s.statusCode().code());
        field(xml, "Description", s.description());
        field(xml, "Timestamp", time(s.timestamp()));
    }

    private static void trace(CanonicalXmlWriter xml, Trace trace) {
        start(xml, "TraceHeaderList");
        for (var hop : trace.hops()) {
            start(xml, "TraceHeader");
            field(xml, "OrganId", hop.organId());
            field(xml, "Timestamp", time(hop.timestamp()));
            xml.end();
        }
        Business b = trace.business();
        if (b != null) {
            start(xml, "Bussiness");
            field(xml, "DocumentId", b.documentId());
            field(xml, "BussinessDocType", Integer.toString(b.type().code()));
            field(xml, "BussinessDocReason", b.reason());
            field(xml, "Paper", Integer.toString(b.paper()));
            if (b.type() == BusinessType.UPDATE) {
                start(xml, "BussinessDocumentInfo");
                field(xml, "DocumentInfo", b.documentInfoChanged() ? "1" : "0");
                field(xml, "DocumentReceiver", b.receiversChanged() ? "1" : "0");
                start(xml, "ReceiverList");
                for (var receiver : b.receivers()) {
                    start(xml, "Receiver");
                    field(xml, "ReceiverType", receiver.added() ? "1" : "0");
                    field(xml, "OrganId", receiver.organId());
                    xml.end();
                }
                xml.end();
                xml.end();
            }
            if (b.type() == BusinessType.REPLACEMENT) {
                start(xml, "ReplacementInfoList");
                for (var replacement : b.replacements()) {
                    start(xml, "ReplacementInfo");
                    field(xml, "DocumentId", replacement.documentId());
                    start(xml, "OrganIdList");
                    for (String organ : replacement.organIds()) {
                        field(xml, "OrganId", organ);
                    }
                    xml.end();
                    xml.end();
                }
                xml.end();
            }
            staff(xml, b.staff());
            xml.end();
        }
        xml.end();
    }

    private static void organ(CanonicalXmlWriter xml, String element, Organ organ) {
        start(xml, element);
        field(xml, "OrganId", organ.organId());
        field(xml, "OrganizationInCharge", organ.organizationInCharge());
        field(xml, "OrganName", organ.organName());
        field(xml, "OrganAdd", organ.organAdd());
        field(xml, "Email", organ.email());
        field(xml, "Telephone", organ.telephone());
        field(xml, "Fax", organ.fax());
        field(xml, "Website", organ.website());
        xml.end();
    }

    private static void responseFor(CanonicalXmlWriter xml, ResponseFor response) {
        start(xml, "ResponseFor");
        field(xml, "OrganId", response.organId());
        field(xml, "Code", response.code());
        field(xml, "PromulgationDate", date(response.promulgationDate()));
        field(xml, "DocumentId", response.documentId());
        xml.end();
    }

    private static void staff(CanonicalXmlWriter xml, Staff staff) {
        start(xml, "StaffInfo");
        field(xml, "Department", staff.department());
        field(xml, "Staff", staff.staff());
        field(xml, "Email", staff.email());
        field(xml, "Mobile", staff.mobile());
        xml.end();
    }

    /** The bytes of an attachment as Base64, 48 KB at a time. */
    private static void base64(CanonicalXmlWriter xml, Content content) {
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] buffer = new byte[3 * 16_384];
        try (InputStream in = content.open()) {
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                xml.plainText(
                        read == buffer.length
                                ? encoder.encodeToString(buffer)
                                : encoder.encodeToString(Arrays.copyOf(buffer, read)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void start(CanonicalXmlWriter xml, String name) {
        xml.start(PREFIX + ":" + name);
    }

    private static void field(CanonicalXmlWriter xml, String name, String value) {
        xml.element(PREFIX + ":" + name, value);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : EdxmlMapping.DATE.format(date);
    }

    private static String time(LocalDateTime time) {
        return time == null ? "" : EdxmlMapping.TIME.format(time);
    }

    private static String number(Integer number) {
        return number == null ? "" : number.toString();
    }
}

package vn.sen.interchange;

import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
 */
final class EdxmlWriter {

    /** Where an attachment's bytes come from; opened once, while writing. */
    interface Content {
        InputStream open() throws IOException;
    }

    /** An attachment to send. */
    record Outgoing(String contentId, String name, String description, String contentType, Content content) {}

    private static final String PREFIX = "edXML";

    private final XMLOutputFactory factory = new WstxOutputFactory();

    /** Writes a document message with its attachments. */
    void write(DocumentMessage message, List<Outgoing> attachments, OutputStream out) {
        run(out, xml -> {
            envelope(xml, () -> document(xml, message.header()), message.trace(), () -> {
                start(xml, "edXMLManifest");
                for (Outgoing attachment : attachments) {
                    start(xml, "Reference");
                    field(xml, "ContentId", "cid:" + attachment.contentId());
                    field(xml, "ContentType", attachment.contentType());
                    field(xml, "Description", attachment.description());
                    field(xml, "AttachmentName", attachment.name());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            });
            xml.writeStartElement("AttachmentEncoded");
            for (Outgoing attachment : attachments) {
                xml.writeStartElement("Attachment");
                plain(xml, "ContentId", attachment.contentId());
                plain(xml, "AttachmentName", attachment.name());
                plain(xml, "Description", attachment.description());
                plain(xml, "ContentType", attachment.contentType());
                xml.writeStartElement(ENCODED);
                base64(xml, attachment.content());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** Writes a status message. */
    void write(StatusMessage message, OutputStream out) {
        run(out, xml -> envelope(xml, () -> status(xml, message.header()), message.trace(), null));
    }

    private static final String ENCODED = "ContentTransferEncoded";

    private interface Part {
        void write() throws XMLStreamException;
    }

    private interface Writing {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private void run(OutputStream out, Writing writing) {
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix(PREFIX, Edxml.NAMESPACE);
            xml.writeStartElement(PREFIX, "edXML", Edxml.NAMESPACE);
            xml.writeNamespace(PREFIX, Edxml.NAMESPACE);
            writing.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(e);
        }
    }

    private static void envelope(XMLStreamWriter xml, Part header, Trace trace, Part body) throws XMLStreamException {
        start(xml, "edXMLEnvelope");
        start(xml, "edXMLHeader");
        start(xml, "MessageHeader");
        header.write();
        xml.writeEndElement();
        trace(xml, trace);
        xml.writeEndElement();
        start(xml, "edXMLBody");
        if (body != null) {
            body.write();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void document(XMLStreamWriter xml, DocumentHeader d) throws XMLStreamException {
        organ(xml, "From", d.from());
        for (Organ to : d.to()) {
            organ(xml, "To", to);
        }
        field(xml, "DocumentId", d.documentId());
        start(xml, "Code");
        field(xml, "CodeNumber", d.codeNumber());
        field(xml, "CodeNotation", d.codeNotation());
        xml.writeEndElement();
        start(xml, "PromulgationInfo");
        field(xml, "Place", d.place());
        field(xml, "PromulgationDate", date(d.promulgationDate()));
        xml.writeEndElement();
        start(xml, "DocumentType");
        field(xml, "Type", Integer.toString(d.type()));
        field(xml, "TypeDetail", d.typeDetail());
        field(xml, "TypeName", d.typeName());
        xml.writeEndElement();
        field(xml, "Subject", d.subject());
        field(xml, "Content", d.content());
        start(xml, "SignerInfo");
        field(xml, "Competence", d.signer().competence());
        field(xml, "Position", d.signer().position());
        field(xml, "FullName", d.signer().fullName());
        xml.writeEndElement();
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
        xml.writeEndElement();
        xml.writeEndElement();
        for (ResponseFor response : d.responseFor()) {
            responseFor(xml, response);
        }
        field(xml, "SteeringType", number(d.steeringType()));
        start(xml, "ToPlaces");
        for (String place : d.toPlaces()) {
            field(xml, "Place", place);
        }
        xml.writeEndElement();
    }

    private static void status(XMLStreamWriter xml, StatusHeader s) throws XMLStreamException {
        organ(xml, "From", s.from());
        responseFor(xml, s.responseFor());
        staff(xml, s.staff());
        field(xml, "StatusCode", s.statusCode().code());
        field(xml, "Description", s.description());
        field(xml, "Timestamp", time(s.timestamp()));
    }

    private static void trace(XMLStreamWriter xml, Trace trace) throws XMLStreamException {
        start(xml, "TraceHeaderList");
        for (var hop : trace.hops()) {
            start(xml, "TraceHeader");
            field(xml, "OrganId", hop.organId());
            field(xml, "Timestamp", time(hop.timestamp()));
            xml.writeEndElement();
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
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
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
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            staff(xml, b.staff());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void organ(XMLStreamWriter xml, String element, Organ organ) throws XMLStreamException {
        start(xml, element);
        field(xml, "OrganId", organ.organId());
        field(xml, "OrganizationInCharge", organ.organizationInCharge());
        field(xml, "OrganName", organ.organName());
        field(xml, "OrganAdd", organ.organAdd());
        field(xml, "Email", organ.email());
        field(xml, "Telephone", organ.telephone());
        field(xml, "Fax", organ.fax());
        field(xml, "Website", organ.website());
        xml.writeEndElement();
    }

    private static void responseFor(XMLStreamWriter xml, ResponseFor response) throws XMLStreamException {
        start(xml, "ResponseFor");
        field(xml, "OrganId", response.organId());
        field(xml, "Code", response.code());
        field(xml, "PromulgationDate", date(response.promulgationDate()));
        field(xml, "DocumentId", response.documentId());
        xml.writeEndElement();
    }

    private static void staff(XMLStreamWriter xml, Staff staff) throws XMLStreamException {
        start(xml, "StaffInfo");
        field(xml, "Department", staff.department());
        field(xml, "Staff", staff.staff());
        field(xml, "Email", staff.email());
        field(xml, "Mobile", staff.mobile());
        xml.writeEndElement();
    }

    /** The bytes of an attachment as Base64, 48 KB at a time. */
    private static void base64(XMLStreamWriter xml, Content content) throws XMLStreamException {
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] buffer = new byte[3 * 16_384];
        try (InputStream in = content.open()) {
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                String text = read == buffer.length
                        ? encoder.encodeToString(buffer)
                        : encoder.encodeToString(java.util.Arrays.copyOf(buffer, read));
                xml.writeCharacters(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void start(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement(PREFIX, name, Edxml.NAMESPACE);
    }

    private static void field(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        start(xml, name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void plain(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
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

package vn.sen.interchange;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.sen.interchange.Edxml.Message;

/**
 * Reads an edXML message as it comes (đọc gói tin edXML), in one pass over the stream: the envelope —
 * small — into {@link Edxml} records, each attachment's Base64 text decoded straight into a temporary
 * file (a ZIP holding one file is opened), so a message of any size is read in bounded memory.
 *
 * <p>Hardened: no DTD, no entities, limits on depth, elements, attributes and text sizes; every failure
 * is an {@link EdxmlException} naming the element and the line. Element names are matched without
 * regard to namespace prefixes, as other systems write them in several ways.
 */
final class EdxmlReader {

    /** The limits a message must keep. */
    record Limits(
            int maxDepth,
            int maxElements,
            int maxAttributes,
            int maxAttributeLength,
            int maxTextLength,
            int maxAttachments,
            long maxAttachmentBytes) {

        static final Limits DEFAULT = new Limits(40, 200_000, 32, 4_096, 1 << 20, 1_000, 4L << 30);
    }

    /** An attachment decoded into a temporary file: its metadata, its size and SHA-256. */
    record Attachment(
            String contentId,
            String name,
            String description,
            String contentType,
            long size,
            String sha256,
            boolean unzipped,
            Path file) {}

    /**
     * A read message with its attachments and, when it is signed, what the verification of its signature
     * found; closing it deletes the temporary files.
     */
    record Read(Message message, List<Attachment> attachments, XmlSignatures.Verification signature)
            implements AutoCloseable {

        boolean signed() {
            return signature != null;
        }

        @Override
        public void close() {
            for (Attachment attachment : attachments) {
                try {
                    Files.deleteIfExists(attachment.file());
                } catch (IOException e) {
                    // the temporary directory is cleaned at start anyway
                }
            }
        }
    }

    private static final String ENCODED = "ContentTransferEncoded";

    private final Limits limits;
    private final Path temporary;
    private final XMLInputFactory factory;

    EdxmlReader(Limits limits, Path temporary) {
        this.limits = limits;
        this.temporary = temporary;
        WstxInputFactory wstx = new WstxInputFactory();
        wstx.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        wstx.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        wstx.setProperty(XMLInputFactory.IS_COALESCING, false);
        wstx.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // one above ours: our own checks come first, with the element's path in the message
        wstx.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth() + 1);
        wstx.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, limits.maxElements() + 1L);
        wstx.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributes());
        wstx.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxAttributeLength());
        wstx.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        this.factory = wstx;
    }

    /** Reads a message; attachments go to temporary files the caller deletes by closing the result. */
    Read read(InputStream in) {
        List<Attachment> attachments = new ArrayList<>();
        Parse parse = new Parse(attachments);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                Node root = parse.document(xml);
                Message message = EdxmlMapping.message(root);
                return new Read(message, List.copyOf(attachments), parse.verification());
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            new Read(null, attachments, null).close();
            throw new EdxmlException(parse.path(), "not well-formed XML" + where(e.getLocation()) + ": " + reason(e));
        } catch (RuntimeException e) {
            new Read(null, attachments, null).close();
            throw e;
        }
    }

    /** One pass over the stream: the tree of the envelope, attachments to files. */
    private final class Parse {

        private final List<Attachment> attachments;
        private final Deque<Node> open = new ArrayDeque<>();
        private final StreamingCanonicalizer canonical = new StreamingCanonicalizer();
        private int elements;
        private SignatureCapture signature;
        private Location location;

        Parse(List<Attachment> attachments) {
            this.attachments = attachments;
        }

        Node document(XMLStreamReader xml) throws XMLStreamException {
            Node root = null;
            while (xml.hasNext()) {
                int event = xml.next();
                location = xml.getLocation();
                switch (event) {
                    case XMLStreamConstants.DTD ->
                        throw new EdxmlException("", "a DTD is not allowed in an edXML message" + where(location));
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new EdxmlException(path(), "entity references are not allowed" + where(location));
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > limits.maxElements()) {
                            throw new EdxmlException(
                                    path(), "more than " + limits.maxElements() + " elements" + where(location));
                        }
                        if (open.size() >= limits.maxDepth()) {
                            throw new EdxmlException(
                                    path(), "nested deeper than " + limits.maxDepth() + " levels" + where(location));
                        }
                        String name = xml.getLocalName();
                        Node parent = open.peek();
                        Node node = new Node(name, parent == null ? name : parent.path + "/" + name, line(location));
                        if (parent == null) {
                            if (root != null || !name.equals("edXML")) {
                                throw new EdxmlException(name, "the root element must be edXML" + where(location));
                            }
                            String namespace = xml.getNamespaceURI();
                            if (namespace != null && !namespace.isEmpty() && !namespace.equals(Edxml.NAMESPACE)) {
                                throw new EdxmlException(name, "unknown namespace " + namespace);
                            }
                            root = node;
                        } else {
                            parent.children.add(node);
                        }
                        if (name.equals("Signature") && parent != null && parent.name.equals("edXMLHeader")) {
                            if (signature != null) {
                                throw new EdxmlException(node.path, "a second signature" + where(location));
                            }
                            signature = new SignatureCapture(canonical.inScope());
                            signature.capture(xml); // the whole Signature, which the digest leaves out
                            continue;
                        }
                        canonical.start(xml);
                        if (name.equals(ENCODED) && parent != null && parent.name.equals("Attachment")) {
                            node.file = decode(xml, node);
                            canonical.end();
                            continue; // decode() consumed the end element
                        }
                        open.push(node);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        Node node = open.peek();
                        if (node != null) {
                            if (node.text.length() + xml.getTextLength() > limits.maxTextLength()) {
                                throw new EdxmlException(
                                        node.path,
                                        "text longer than " + limits.maxTextLength() + " characters" + where(location));
                            }
                            node.text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                        canonical.text(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                        canonical.processingInstruction(xml.getPITarget(), xml.getPIData());
                    case XMLStreamConstants.END_ELEMENT -> {
                        Node done = open.pop();
                        canonical.end();
                        if (done.name.equals("Attachment")) {
                            attachments.add(attachment(done));
                        }
                        if (done.name.equals("edXMLHeader")) {
                            canonical.decide(signature == null ? null : signature.digestAlgorithm());
                        }
                    }
                    default -> {
                        // comments, processing instructions, the document's start and end: nothing to keep
                    }
                }
            }
            if (root == null) {
                throw new EdxmlException("", "no edXML element: the file is empty or not XML");
            }
            return root;
        }

        /** The Base64 text of an attachment decoded into a temporary file, with its size and SHA-256. */
        private Decoded decode(XMLStreamReader xml, Node node) throws XMLStreamException {
            if (attachments.size() >= limits.maxAttachments()) {
                throw new EdxmlException(node.path, "more than " + limits.maxAttachments() + " attachments");
            }
            Path file = temporaryFile();
            MessageDigest sha256 = sha256();
            try (OutputStream out =
                    new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha256)) {
                Base64Decoding base64 = new Base64Decoding(out);
                long size;
                try {
                    while (true) {
                        int event = xml.next();
                        location = xml.getLocation();
                        if (event == XMLStreamConstants.END_ELEMENT) {
                            break;
                        }
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            throw new EdxmlException(
                                    node.path, "holds an element " + xml.getLocalName() + where(location));
                        }
                        if (event == XMLStreamConstants.CHARACTERS
                                || event == XMLStreamConstants.CDATA
                                || event == XMLStreamConstants.SPACE) {
                            base64.decode(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                            canonical.text(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                        if (base64Size(base64) > limits.maxAttachmentBytes()) {
                            throw new EdxmlException(
                                    node.path, "an attachment larger than " + limits.maxAttachmentBytes() + " bytes");
                        }
                    }
                    size = base64.finish();
                } catch (IllegalArgumentException e) {
                    throw new EdxmlException(node.path, e.getMessage() + where(location));
                }
                out.flush();
                return new Decoded(file, size, HexFormat.of().formatHex(sha256.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException | XMLStreamException e) {
                deleteQuietly(file);
                throw e;
            }
        }

        private Attachment attachment(Node node) {
            Decoded decoded = node.child(ENCODED).map(n -> n.file).orElse(null);
            if (decoded == null) {
                throw new EdxmlException(node.path, "no " + ENCODED);
            }
            String name = node.text("AttachmentName");
            String contentId = EdxmlMapping.contentId(node.text("ContentId"));
            Decoded inside = unzipped(decoded, name);
            return new Attachment(
                    contentId,
                    inside == decoded ? name : inside.name(),
                    node.text("Description"),
                    inside == decoded ? node.text("ContentType") : "",
                    inside.size(),
                    inside.sha256(),
                    inside != decoded,
                    inside.file());
        }

        /** The signature's verification, once the whole message went through the digest; null if unsigned. */
        XmlSignatures.Verification verification() {
            return signature == null ? null : XmlSignatures.verify(signature.element(), canonical.finish());
        }

        String path() {
            Node node = open.peek();
            return node == null ? "" : node.path;
        }
    }

    /**
     * A payload wrapped in a ZIP holding a single file is the file; a ZIP of several files (or an office
     * document, which is a ZIP too) stays as it is.
     */
    private Decoded unzipped(Decoded decoded, String name) {
        if (decoded.size() < 4 || !startsWithZip(decoded.file())) {
            return decoded;
        }
        try (ZipFile zip = new ZipFile(decoded.file().toFile())) {
            var entries = zip.stream().filter(e -> !e.isDirectory()).toList();
            if (entries.size() != 1) {
                return decoded;
            }
            var entry = entries.getFirst();
            Path file = temporaryFile();
            MessageDigest sha256 = sha256();
            long size;
            try (InputStream in = zip.getInputStream(entry);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                size = in.transferTo(out);
            }
            deleteQuietly(decoded.file());
            String inner = Path.of(entry.getName()).getFileName().toString();
            return new Decoded(file, size, HexFormat.of().formatHex(sha256.digest()), inner.isEmpty() ? name : inner);
        } catch (IOException e) {
            return decoded; // starts like a ZIP but is not one: the bytes as they came
        }
    }

    private static boolean startsWithZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path temporaryFile() {
        try {
            Files.createDirectories(temporary);
            return Files.createTempFile(temporary, "edxml-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long base64Size(Base64Decoding decoding) {
        return decoding.decodedSoFar();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file: cleaned with the directory
        }
    }

    private static int line(Location location) {
        return location == null ? 0 : location.getLineNumber();
    }

    static String where(Location location) {
        return location == null || location.getLineNumber() < 0
                ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // Woodstox prefixes the location, which we print ourselves
        int at = message.indexOf("\n");
        String first = message.startsWith("ParseError at") && at > 0 ? message.substring(at + 1) : message;
        return first.lines()
                .findFirst()
                .orElse(first)
                .replaceFirst("^Message: ", "")
                .strip();
    }

    /** An attachment's decoded bytes in a temporary file. */
    record Decoded(Path file, long size, String sha256, String name) {
        Decoded(Path file, long size, String sha256) {
            this(file, size, sha256, "");
        }
    }

    /** An element of the envelope as read: its name, path, text and children. */
    static final class Node {
        final String name;
        final String path;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();
        Decoded file;

        Node(String name, String path, int line) {
            this.name = name;
            this.path = path;
            this.line = line;
        }

        java.util.Optional<Node> child(String name) {
            return children.stream().filter(c -> c.name.equals(name)).findFirst();
        }

        List<Node> all(String name) {
            return children.stream().filter(c -> c.name.equals(name)).toList();
        }

        /** The stripped text of a child, or "" when there is none. */
        String text(String name) {
            return child(name).map(c -> c.text.toString().strip()).orElse("");
        }

        String text() {
            return text.toString().strip();
        }

        /** The path of a child that may be missing, for messages. */
        String pathOf(String name) {
            return path + "/" + name;
        }
    }
}

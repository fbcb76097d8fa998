package vn.sen.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * Canonical XML (C14N 1.0, without comments) of a message as it streams by, into the digest its
 * signature's reference names: what an enveloped signature's reference covers, the signature itself left out. Namespace
 * declarations are written where they change what is in scope, sorted before the attributes, which are
 * sorted by namespace and name; text and values escaped as C14N escapes them.
 *
 * <p>Until {@link #decide} is called (at the end of the header, where the signature is) the canonical
 * bytes are kept — the header is small; a message without a signature then stops being digested.
 */
final class StreamingCanonicalizer {

    /** The digest of the canonical message, by its JDK name ({@code SHA-256}, {@code SHA-1}). */
    record Digest(String algorithm, byte[] value) {}

    private final Deferred sink = new Deferred();
    private final CanonicalXmlWriter out = new CanonicalXmlWriter(sink);
    /** Per open element: the namespaces rendered so far (prefix, "" for the default, to URI). */
    private final Deque<Map<String, String>> rendered = new ArrayDeque<>();

    private boolean rootDone;
    /** The message is not signed: nothing more is canonicalized (gigabytes of attachments need not be). */
    private boolean off;

    /** Writes the start tag of the reader's current element. */
    void start(XMLStreamReader xml) {
        if (off) {
            return;
        }
        Map<String, String> context = rendered.isEmpty() ? Map.of() : rendered.peek();
        Map<String, String> mine = new HashMap<>(context);
        List<String[]> namespaces = new ArrayList<>();
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String prefix = xml.getNamespacePrefix(i) == null ? "" : xml.getNamespacePrefix(i);
            String uri = xml.getNamespaceURI(i) == null ? "" : xml.getNamespaceURI(i);
            if (!uri.equals(context.getOrDefault(prefix, ""))) {
                namespaces.add(new String[] {prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri, prefix});
                mine.put(prefix, uri);
            }
        }
        namespaces.sort(Comparator.comparing(n -> n[2]));
        List<String[]> attributes = new ArrayList<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String uri = xml.getAttributeNamespace(i) == null ? "" : xml.getAttributeNamespace(i);
            String prefix = xml.getAttributePrefix(i) == null ? "" : xml.getAttributePrefix(i);
            String local = xml.getAttributeLocalName(i);
            attributes.add(
                    new String[] {prefix.isEmpty() ? local : prefix + ":" + local, xml.getAttributeValue(i), uri, local
                    });
        }
        attributes.sort(Comparator.<String[], String>comparing(a -> a[2]).thenComparing(a -> a[3]));
        String[] pairs = new String[2 * (namespaces.size() + attributes.size())];
        int p = 0;
        for (String[] n : namespaces) {
            pairs[p++] = n[0];
            pairs[p++] = n[1];
        }
        for (String[] a : attributes) {
            pairs[p++] = a[0];
            pairs[p++] = a[1];
        }
        String prefix = xml.getPrefix() == null ? "" : xml.getPrefix();
        out.start(prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName(), pairs);
        rendered.push(mine);
    }

    /** The namespaces in scope at the current element (prefix, "" for the default, to URI). */
    Map<String, String> inScope() {
        return rendered.isEmpty() ? Map.of() : Map.copyOf(rendered.peek());
    }

    void text(char[] characters, int start, int length) {
        if (!off && !rendered.isEmpty()) { // white space outside the root element is not part of the canonical form
            out.text(characters, start, length);
        }
    }

    void end() {
        if (off) {
            return;
        }
        out.end();
        rendered.pop();
        if (rendered.isEmpty()) {
            rootDone = true;
        }
    }

    void processingInstruction(String target, String data) {
        if (off) {
            return;
        }
        String pi = "<?" + target + (data == null || data.isEmpty() ? "" : " " + data) + "?>";
        if (rendered.isEmpty()) {
            out.plainText(rootDone ? "\n" + pi : pi + "\n");
        } else {
            out.plainText(pi);
        }
    }

    /** The digest the signature needs ({@code SHA-256}, {@code SHA-1}), or null: digesting stops. */
    void decide(String algorithm) {
        out.flush();
        sink.decide(algorithm);
        off = algorithm == null;
    }

    /** The digest of the whole message; null when none was needed. */
    Digest finish() {
        out.flush();
        return sink.digest();
    }

    /** Keeps the bytes until it is known whether they are needed, then digests them or drops them. */
    private static final class Deferred extends OutputStream {
        private ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private MessageDigest digest;
        private boolean decided;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (!decided) {
                kept.write(bytes, offset, length);
            } else if (digest != null) {
                digest.update(bytes, offset, length);
            }
        }

        void decide(String algorithm) {
            if (decided) {
                return;
            }
            decided = true;
            if (algorithm != null) {
                digest = XmlSignatures.digest(algorithm);
                byte[] bytes = kept.toByteArray();
                write(bytes, 0, bytes.length);
            }
            kept = null;
        }

        Digest digest() {
            return digest == null ? null : new Digest(digest.getAlgorithm(), digest.digest());
        }

        @Override
        public void flush() throws IOException {
            // nothing buffered beyond what write() handled
        }
    }
}

package vn.sen.interchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * XML written directly in its canonical form (XML C14N 1.0): no white space between elements, empty
 * elements as start and end tags, attributes in the order given (callers give them sorted), text and
 * attribute values escaped as canonical XML escapes them. What Sen writes is thus byte for byte what a
 * verifier canonicalizes, so the digest of an enveloped signature is taken over the bytes as written.
 */
final class CanonicalXmlWriter {

    private final Writer out;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    CanonicalXmlWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The XML declaration: outside the canonical form, written only to files. */
    void declaration() {
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Starts an element; {@code attributes} are name–value pairs, sorted as C14N sorts them. */
    void start(String name, String... attributes) {
        closeStartTag();
        write("<");
        write(name);
        for (int i = 0; i < attributes.length; i += 2) {
            write(" ");
            write(attributes[i]);
            write("=\"");
            write(escapeAttribute(attributes[i + 1]));
            write("\"");
        }
        inStartTag = true;
        open.push(name);
    }

    void text(String text) {
        closeStartTag();
        write(escapeText(text));
    }

    /** Text known to need no escaping (Base64), written as it is. */
    void plainText(String text) {
        closeStartTag();
        write(text);
    }

    void end() {
        closeStartTag();
        write("</");
        write(open.pop());
        write(">");
    }

    /** An element holding only text. */
    void element(String name, String text) {
        start(name);
        text(text == null ? "" : text);
        end();
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escapeText(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\r' -> "&#xD;";
                // not allowed in XML 1.0 at all: a space in its place
                default -> c < 0x20 && c != '\t' && c != '\n' ? " " : null;
            };
            escaped = append(escaped, text, i, c, replacement);
        }
        return escaped == null ? text : escaped.toString();
    }

    static String escapeAttribute(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '"' -> "&quot;";
                case '\t' -> "&#x9;";
                case '\n' -> "&#xA;";
                case '\r' -> "&#xD;";
                default -> null;
            };
            escaped = append(escaped, value, i, c, replacement);
        }
        return escaped == null ? value : escaped.toString();
    }

    private static StringBuilder append(StringBuilder escaped, String text, int i, char c, String replacement) {
        if (replacement == null) {
            if (escaped != null) {
                escaped.append(c);
            }
            return escaped;
        }
        StringBuilder builder = escaped != null ? escaped : new StringBuilder(text.length() + 16).append(text, 0, i);
        return builder.append(replacement);
    }

    private void closeStartTag() {
        if (inStartTag) {
            write(">");
            inStartTag = false;
        }
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

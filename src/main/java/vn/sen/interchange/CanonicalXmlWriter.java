package vn.sen.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * XML written directly in its canonical form (XML C14N 1.0), UTF-8: no white space between elements,
 * empty elements as start and end tags, attributes in the order given (callers give them sorted), text
 * and attribute values escaped as canonical XML escapes them. What Sen writes is thus byte for byte what
 * a verifier canonicalizes, so the digest of an enveloped signature is taken over the bytes as written.
 * Gigabytes of text go through it (attachments), so it encodes into its own buffer.
 */
final class CanonicalXmlWriter {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    CanonicalXmlWriter(OutputStream out) {
        this.out = out;
    }

    /** The XML declaration: outside the canonical form, written only to files. */
    void declaration() {
        ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Starts an element; {@code attributes} are name–value pairs, sorted as C14N sorts them. */
    void start(String name, String... attributes) {
        closeStartTag();
        put('<');
        raw(name);
        for (int i = 0; i < attributes.length; i += 2) {
            put(' ');
            raw(attributes[i]);
            ascii("=\"");
            escaped(attributes[i + 1].toCharArray(), 0, attributes[i + 1].length(), true);
            put('"');
        }
        inStartTag = true;
        open.push(name);
    }

    void text(String text) {
        text(text.toCharArray(), 0, text.length());
    }

    void text(char[] text, int start, int length) {
        closeStartTag();
        escaped(text, start, length, false);
    }

    /** Text known to be ASCII and to need no escaping (Base64), written as it is. */
    void plainText(String text) {
        closeStartTag();
        ascii(text);
    }

    void end() {
        closeStartTag();
        ascii("</");
        raw(open.pop());
        put('>');
    }

    /** An element holding only text. */
    void element(String name, String text) {
        start(name);
        text(text == null ? "" : text);
        end();
    }

    void flush() {
        try {
            out.write(buffer, 0, position);
            position = 0;
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text or an attribute value escaped as C14N escapes them, encoded as UTF-8. */
    private void escaped(char[] text, int start, int length, boolean attribute) {
        int end = start + length;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c >= 0x80) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                    utf8(Character.toCodePoint(c, text[++i]));
                } else {
                    utf8(c);
                }
                continue;
            }
            switch (c) {
                case '&' -> ascii("&amp;");
                case '<' -> ascii("&lt;");
                case '>' -> {
                    if (attribute) {
                        put('>');
                    } else {
                        ascii("&gt;");
                    }
                }
                case '"' -> {
                    if (attribute) {
                        ascii("&quot;");
                    } else {
                        put('"');
                    }
                }
                case '\r' -> ascii("&#xD;");
                case '\t' -> {
                    if (attribute) {
                        ascii("&#x9;");
                    } else {
                        put('\t');
                    }
                }
                case '\n' -> {
                    if (attribute) {
                        ascii("&#xA;");
                    } else {
                        put('\n');
                    }
                }
                default -> put(c < 0x20 ? ' ' : c); // control characters are not allowed in XML 1.0
            }
        }
    }

    /** Names: written as they are, UTF-8. */
    private void raw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                put(c);
            } else {
                utf8(c);
            }
        }
    }

    private void ascii(String text) {
        int length = text.length();
        if (length > buffer.length - position) {
            flushBuffer();
        }
        if (length > buffer.length) {
            try {
                out.write(text.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            buffer[position++] = (byte) text.charAt(i);
        }
    }

    private void utf8(int codePoint) {
        if (position > buffer.length - 4) {
            flushBuffer();
        }
        if (codePoint < 0x800) {
            buffer[position++] = (byte) (0xC0 | (codePoint >> 6));
            buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            buffer[position++] = (byte) (0xE0 | (codePoint >> 12));
            buffer[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
            buffer[position++] = (byte) (0xF0 | (codePoint >> 18));
            buffer[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            buffer[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
        }
    }

    private void put(char c) {
        if (position == buffer.length) {
            flushBuffer();
        }
        buffer[position++] = (byte) c;
    }

    private void flushBuffer() {
        try {
            out.write(buffer, 0, position);
            position = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStartTag() {
        if (inStartTag) {
            put('>');
            inStartTag = false;
        }
    }
}

package vn.sen.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Base64 decoded piece by piece as the parser hands the text over (an attachment may be gigabytes of
 * text): white space is skipped, anything else outside the alphabet is refused with its position, and
 * padding may only end the text.
 */
final class Base64Decoding {

    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int buffered;
    private int quantum;
    private int filled;
    private int padding;
    private long position;
    private long decoded;

    Base64Decoding(OutputStream out) {
        this.out = out;
    }

    /** Decodes the next piece of text. */
    void decode(char[] text, int start, int length) throws IOException {
        for (int i = start; i < start + length; i++) {
            char c = text[i];
            position++;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '=') {
                if (filled < 2) {
                    throw invalid(c);
                }
                padding++;
                filled++;
                if (filled == 4) {
                    emit();
                }
                continue;
            }
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0 || padding > 0) {
                throw invalid(c);
            }
            quantum = (quantum << 6) | value;
            filled++;
            if (filled == 4) {
                emit();
            }
        }
    }

    /** Ends the text: refuses a last group cut short; returns the number of bytes decoded. */
    long finish() throws IOException {
        if (filled != 0) {
            throw new IllegalArgumentException("the Base64 text ends in the middle of a group of four characters");
        }
        flush();
        return decoded;
    }

    /** The number of bytes decoded so far. */
    long decodedSoFar() {
        return decoded;
    }

    private void emit() throws IOException {
        if (padding == 0) {
            put(quantum >> 16);
            put(quantum >> 8);
            put(quantum);
        } else if (padding == 1) {
            quantum <<= 6;
            put(quantum >> 16);
            put(quantum >> 8);
        } else {
            quantum <<= 12;
            put(quantum >> 16);
        }
        quantum = 0;
        filled = 0;
        if (padding > 0) {
            padding = 3; // nothing may follow the padding
        }
    }

    private void put(int value) throws IOException {
        if (buffered == buffer.length) {
            flush();
        }
        buffer[buffered++] = (byte) value;
        decoded++;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
    }

    private IllegalArgumentException invalid(char c) {
        return new IllegalArgumentException(
                "character " + (c < ' ' || c > '~' ? String.format("U+%04X", (int) c) : "'" + c + "'") + " at position "
                        + position + " of the Base64 text is not Base64");
    }
}

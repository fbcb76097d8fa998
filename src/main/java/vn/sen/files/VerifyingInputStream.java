package vn.sen.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a blob and, when the whole of it has been read from the start, checks it still has the
 * SHA-256 it was stored under: silent corruption on disk or in object storage becomes an error instead
 * of a wrong document. Skipping (a range request) reads only part, so it turns the check off.
 */
final class VerifyingInputStream extends FilterInputStream {

    private static final int TRANSFER_BUFFER = 1024 * 1024;

    private final String expected;
    private final MessageDigest digest;
    private boolean verifying = true;
    private boolean checked;

    VerifyingInputStream(InputStream in, String expected) {
        super(in);
        this.expected = expected;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else if (verifying) {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else if (verifying) {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    /** Whole downloads: large reads and writes (InputStream's own copy moves 16 KB at a time). */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[TRANSFER_BUFFER];
        long total = 0;
        int n;
        while ((n = read(buffer, 0, buffer.length)) >= 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public long skip(long n) throws IOException {
        verifying = false;
        return super.skip(n);
    }

    private void check() throws IOException {
        if (verifying && !checked) {
            checked = true;
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected)) {
                throw new IOException("stored file " + expected + " is damaged: its content now hashes to " + actual);
            }
        }
    }
}

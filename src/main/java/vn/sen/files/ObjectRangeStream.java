package vn.sen.files;

import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An object's bytes from a position, fetched with one ranged GET opened at the first read: skipping
 * before that moves the position for free, which is how a range request over a large attachment asks
 * only for the part it serves.
 */
final class ObjectRangeStream extends InputStream {

    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private long position;
    private ResponseInputStream<?> body;
    private boolean ended;

    ObjectRangeStream(S3Client s3, String bucket, String key, long position) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.position = position;
    }

    private boolean open() throws IOException {
        if (body == null && !ended) {
            try {
                body = s3.getObject(g -> g.bucket(bucket).key(key).range("bytes=" + position + "-"));
            } catch (S3Exception e) {
                if (e.statusCode() != RANGE_NOT_SATISFIABLE) {
                    throw new IOException("object " + key + ": " + e.getMessage(), e);
                }
                ended = true; // positioned at or past the end
            } catch (SdkException e) {
                throw new IOException("object store unreachable: " + e.getMessage(), e);
            }
        }
        return body != null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!open()) {
            return -1;
        }
        int n = body.read(buffer, offset, length);
        if (n > 0) {
            position += n;
        } else if (n < 0) {
            ended = true;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (body == null) {
            position += n;
            return n;
        }
        long skipped = body.skip(n);
        position += skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        if (body != null && !ended) {
            body.abort(); // stopped early (a range, a refused file): do not drain the rest
        }
        if (body != null) {
            body.close();
        }
    }
}

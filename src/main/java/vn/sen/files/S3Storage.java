package vn.sen.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects {@code ab/cd/<sha256>} in a bucket of an S3-compatible store. Bytes still arrive in
 * a local temporary file first (they must be hashed before their key is known); {@link #keep} then
 * sends them up — in one request, or in parts for large files — and deletes the local copy. Reads ask
 * only for the range they need, so a range request over a 2 GB attachment fetches what it serves.
 */
class S3Storage implements BlobStorage, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3Storage.class);
    private static final long MIN_PART = 5L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final long partSize;
    private final Path tmp;

    S3Storage(FileProperties.S3 settings, Path dir) throws IOException {
        if (!StringUtils.hasText(settings.endpoint())) {
            throw new IllegalStateException("sen.files.s3.endpoint is required when sen.files.storage=s3");
        }
        this.bucket = settings.bucket();
        this.partSize = Math.max(MIN_PART, settings.partSize().toBytes());
        this.tmp = dir.toAbsolutePath().resolve("tmp");
        Files.createDirectories(tmp);
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(settings.pathStyle())
                // Sen checks every blob against its SHA-256 on read; the SDK's own CRC trailers are not
                // understood by every on-premises store.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        createBucketIfMissing();
    }

    private void createBucketIfMissing() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("object store bucket " + bucket + ": " + e.getMessage(), e);
            }
            log.info("Creating bucket {} in the object store", bucket);
            s3.createBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("object store unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public Path temporaryFile() throws IOException {
        return Files.createTempFile(tmp, "upload-", ".part");
    }

    @Override
    public void keep(String sha256, Path source) throws IOException {
        try {
            if (!exists(sha256)) {
                long size = Files.size(source);
                if (size <= partSize) {
                    s3.putObject(p -> p.bucket(bucket).key(key(sha256)), RequestBody.fromFile(source));
                } else {
                    putInParts(key(sha256), source, size);
                }
            }
        } catch (SdkException e) {
            throw new IOException("object store refused " + sha256 + ": " + e.getMessage(), e);
        }
        Files.deleteIfExists(source); // only once stored: a failed attempt keeps the bytes for the next
    }

    private void putInParts(String key, Path source, long size) throws IOException {
        String upload = s3.createMultipartUpload(c -> c.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partSize) {
                int number = parts.size() + 1;
                long from = offset;
                long length = Math.min(partSize, size - offset);
                // a provider that opens the part afresh, so the SDK can resend it after a network error
                RequestBody part = RequestBody.fromContentProvider(
                        () -> {
                            try {
                                FileChannel channel = FileChannel.open(source, StandardOpenOption.READ);
                                channel.position(from);
                                return new BoundedInputStream(Channels.newInputStream(channel), length);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        },
                        length,
                        "application/octet-stream");
                String etag = s3.uploadPart(
                                u -> u.bucket(bucket)
                                        .key(key)
                                        .uploadId(upload)
                                        .partNumber(number)
                                        .contentLength(length),
                                part)
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(
                    c -> c.bucket(bucket).key(key).uploadId(upload).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(upload));
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** At most {@code limit} bytes of {@code in}. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {

        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    @Override
    public InputStream read(String sha256, long offset) {
        return new ObjectRangeStream(s3, bucket, key(sha256), offset);
    }

    @Override
    public boolean exists(String sha256) {
        try {
            s3.headObject(h -> h.bucket(bucket).key(key(sha256)));
            return true;
        } catch (S3Exception e) {
            // 404, or 403 where the credentials may not list the bucket: either way, not known to be there
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static String key(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }
}

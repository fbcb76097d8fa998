package vn.sen.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpRange;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.StreamUtils;

/**
 * Attachments in an S3-compatible store (sen.files.storage=s3), against a real S3Proxy: stored once
 * per content, large files in parts, ranges fetched alone, damage in the store reported on read, and
 * nothing left on the local disk.
 */
@SpringBootTest(
        properties = {
            "sen.files.storage=s3",
            "sen.files.dir=target/test-files-s3",
            "sen.files.s3.bucket=sen-test",
            "sen.files.s3.part-size=5MB"
        })
class S3StorageTest {

    private static S3ProxyServer s3proxy;

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) {
        if (s3proxy == null) {
            s3proxy = S3ProxyServer.start();
        }
        registry.add("sen.files.s3.endpoint", s3proxy::endpoint);
        registry.add("sen.files.s3.access-key", () -> S3ProxyServer.ACCESS_KEY);
        registry.add("sen.files.s3.secret-key", () -> S3ProxyServer.SECRET_KEY);
    }

    @AfterAll
    static void stop() {
        s3proxy.close();
    }

    @Autowired
    FileManagement files;

    @Test
    void a_file_goes_to_the_bucket_once_and_comes_back_unchanged() throws IOException {
        byte[] content = pdf(20_000, 1);
        StoredFile first = files.store(new ByteArrayInputStream(content), "Tờ trình.pdf", "tester");
        StoredFile second = files.store(new ByteArrayInputStream(content), "ban-sao.pdf", "tester");

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(objects())
                .filteredOn(p -> p.getFileName().toString().equals(first.sha256()))
                .hasSize(1);
        try (InputStream in = files.open(second)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(localBlobs()).isEmpty();
    }

    @Test
    void a_large_file_goes_up_in_parts_and_keeps_its_hash() throws IOException {
        byte[] content = pdf(12 * 1024 * 1024 + 123, 2); // three parts of 5 MB
        StoredFile file = files.store(new ByteArrayInputStream(content), "ho-so-quet.pdf", "tester");

        assertThat(file.sha256()).isEqualTo(sha256(content));
        try (InputStream in = files.open(file)) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(file.sha256());
        }
    }

    @Test
    void a_range_is_served_from_the_middle_of_the_object() throws IOException {
        byte[] content = pdf(8 * 1024 * 1024, 3);
        StoredFile file = files.store(new ByteArrayInputStream(content), "ban-do.pdf", "tester");

        ResourceRegion region =
                HttpRange.parseRanges("bytes=6000000-6000099").getFirst().toResourceRegion(files.resource(file));
        var out = new ByteArrayOutputStream();
        try (InputStream in = region.getResource().getInputStream()) {
            StreamUtils.copyRange(in, out, region.getPosition(), region.getPosition() + region.getCount() - 1);
        }
        assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 6_000_000, 6_000_100));
    }

    @Test
    void bytes_damaged_in_the_object_store_are_reported_when_read() throws IOException {
        StoredFile file = files.store(new ByteArrayInputStream(pdf(4096, 4)), "hong.pdf", "tester");
        Path object = objects().stream()
                .filter(p -> p.getFileName().toString().equals(file.sha256()))
                .findFirst()
                .orElseThrow();
        byte[] bytes = Files.readAllBytes(object);
        bytes[100] ^= 1;
        Files.write(object, bytes);

        assertThatThrownBy(() -> {
                    try (InputStream in = files.open(file)) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
    }

    private static byte[] pdf(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed ^ System.nanoTime()).nextBytes(content);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    private static java.util.List<Path> objects() throws IOException {
        try (Stream<Path> walk = Files.walk(s3proxy.bucketDir("sen-test"))) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static java.util.List<Path> localBlobs() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("target/test-files-s3"))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))
                    .toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

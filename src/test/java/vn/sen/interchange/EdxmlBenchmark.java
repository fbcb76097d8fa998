package vn.sen.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.OtherInfo;
import vn.sen.interchange.Edxml.Signer;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.Trace;
import vn.sen.interchange.EdxmlWriter.Outgoing;
import vn.sen.signing.SignatureDevice;
import vn.sen.signing.SignatureDevices;
import vn.sen.signing.TestPki;

/**
 * A 1 GB edXML message (bench/edxml.sh): built signed from a 750 MB attachment and read back — parsed,
 * its signature verified while it streams, the attachment decoded to a file — in a JVM whose heap is
 * capped at 128 MB; beside the references measured in the same run: reading the message file as bytes,
 * and the JDK's streaming Base64 decoder over the attachment's Base64 text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx128m"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class EdxmlBenchmark {

    /** The attachment's size: 750 MB makes a 1 GB message, 75 MB the 100 MB one of the target. */
    @org.openjdk.jmh.annotations.Param({"750"})
    public int attachmentMb;

    Path dir;
    Path attachment;
    Path message;
    Path base64;
    TestPki pki;
    SignatureDevice device;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        dir = Files.createTempDirectory("sen-edxml-bench");
        attachment = dir.resolve("ho-so.bin");
        var random = new Random(7);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(attachment)) {
            for (int i = 0; i < attachmentMb; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        base64 = dir.resolve("ho-so.b64");
        try (InputStream in = Files.newInputStream(attachment);
                OutputStream out = Base64.getEncoder().wrap(Files.newOutputStream(base64))) {
            in.transferTo(out);
        }
        pki = TestPki.shared();
        device = SignatureDevices.pkcs12(pki.signer.pkcs12(dir, "edxml"), TestPki.PASSWORD);
        message = dir.resolve("message.xml");
        build();
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "%nEDXML message %d MB, attachment %d MB, heap limit %d MB, peak heap (sum of pools) %d MB%n",
                Files.size(message) >> 20, attachmentMb, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        device.close();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** Builds the signed 1 GB message: the attachment read twice (digest, then the message). */
    @Benchmark
    public long build() throws IOException {
        var header = new DocumentHeader(
                Organ.of("000.00.02.H01", "Sở Nội vụ"),
                List.of(Organ.of("H01.151.01", "UBND xã Mỹ Hòa Hưng")),
                "000.00.02.H01,2026/11/24,125/QĐ-SNV",
                "125",
                "QĐ-SNV",
                "An Giang",
                LocalDate.of(2026, 11, 24),
                1,
                "",
                "Quyết định",
                "Hồ sơ thi tuyển công chức năm 2026",
                "",
                new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"),
                null,
                OtherInfo.NONE,
                List.of(),
                null,
                List.of());
        var document = new DocumentMessage(
                header,
                new Trace(List.of(), Business.of(header.documentId(), BusinessType.NEW, "", Staff.NONE)),
                List.of());
        try (OutputStream out = Files.newOutputStream(message)) {
            new EdxmlWriter()
                    .write(
                            document,
                            List.of(new Outgoing(
                                    "ho-so",
                                    "ho-so.bin",
                                    "Hồ sơ",
                                    "application/octet-stream",
                                    () -> Files.newInputStream(attachment))),
                            out,
                            XmlSignatures.Signer.of(device));
        }
        return Files.size(message);
    }

    /** Reads the message: parsed, its signature verified, the attachment decoded into a file. */
    @Benchmark
    public long read() throws IOException {
        try (InputStream in = Files.newInputStream(message);
                var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, dir).read(in)) {
            if (!read.signature().valid()) {
                throw new IllegalStateException(read.signature().problem());
            }
            return read.attachments().getFirst().size();
        }
    }

    /** Reference: the message file read as bytes. */
    @Benchmark
    public long referenceReadBytes() throws IOException {
        try (InputStream in = Files.newInputStream(message)) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Reference: the JDK's streaming Base64 decoder over the attachment's Base64 text alone. */
    @Benchmark
    public long referenceBase64Decode() throws IOException {
        try (InputStream in =
                Base64.getDecoder().wrap(new java.io.BufferedInputStream(Files.newInputStream(base64), 1 << 16))) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}

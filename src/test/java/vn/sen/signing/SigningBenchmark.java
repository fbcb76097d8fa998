package vn.sen.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.sen.SenApplication;
import vn.sen.signing.PdfSigning.SignatureRequest;

/**
 * Signing and validation speed (bench/signing.sh): a one-page PDF signed PAdES B-B with a PKCS#12 key
 * by Sen's signing service in a running Sen (embedded PostgreSQL), and a signed PDF validated with
 * revocation offline — beside two references measured in the same run: the bare RSA-PSS signature and
 * PDFBox loading and saving the same page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SigningBenchmark {

    TestPki pki;
    ConfigurableApplicationContext sen;
    PdfSigning signing;
    PdfValidation validation;
    SignatureDevice device;
    Path dir;
    Path page;
    Path signed;
    byte[] pageBytes;

    @Setup
    public void start() throws Exception {
        pki = new TestPki();
        dir = Files.createTempDirectory("sen-bench-signing");
        sen = new SpringApplicationBuilder(SenApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.profiles.active=test",
                        "sen.embedded-db.dir=",
                        "sen.demo.load-on-first-start=false",
                        "sen.files.dir=" + dir.resolve("files"),
                        "sen.signing.online-revocation=false",
                        "sen.security.data-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
                        "logging.level.root=WARN",
                        "logging.level.eu.europa.esig=ERROR")
                .run();
        signing = sen.getBean(PdfSigning.class);
        validation = sen.getBean(PdfValidation.class);
        sen.getBean(TrustAnchors.class).importCertificates(TrustAnchors.encoded(pki.root.certificate()), "bench");
        device = SignatureDevices.pkcs12(pki.signer.pkcs12(dir, "signer"), TestPki.PASSWORD);
        page = dir.resolve("page.pdf");
        try (var document = new PDDocument()) {
            var p = new PDPage();
            document.addPage(p);
            try (var content = new PDPageContentStream(document, p)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 12);
                content.newLineAtOffset(72, 700);
                content.showText("QUYET DINH ve viec phe duyet ke hoach chuyen doi so nam 2026");
                content.endText();
            }
            document.save(page.toFile());
        }
        pageBytes = Files.readAllBytes(page);
        signed = signing.sign(page, device, SignatureRequest.invisible(PadesLevel.B_B, "Phê duyệt"));
    }

    @TearDown
    public void stop() {
        device.close();
        sen.close();
        pki.close();
    }

    /** One page signed B-B with the PKCS#12 key (RSA-PSS, SHA-256), written to a new file. */
    @Benchmark
    public long signOnePage() throws IOException {
        Path out = signing.sign(page, device, SignatureRequest.invisible(PadesLevel.B_B, "Phê duyệt"));
        long size = Files.size(out);
        Files.delete(out);
        return size;
    }

    /** A signed one-page PDF validated (DSS), revocation offline. */
    @Benchmark
    public int validateSigned() {
        return validation.validate(signed).signatures().size();
    }

    /** A 200 MB PDF (one page and a 200 MB attachment of random bytes), made only for the benchmark using it. */
    @State(Scope.Benchmark)
    public static class Large {
        Path pdf;

        @Setup
        public void make(SigningBenchmark sen) throws IOException {
            pdf = sen.dir.resolve("large.pdf");
            try (var document = new PDDocument(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache())) {
                document.addPage(new PDPage());
                var random = new java.util.Random(42);
                var stream = new org.apache.pdfbox.pdmodel.common.PDStream(document);
                try (var out = stream.createOutputStream()) {
                    byte[] chunk = new byte[1 << 20];
                    for (int i = 0; i < 200; i++) {
                        random.nextBytes(chunk);
                        out.write(chunk);
                    }
                }
                var file = new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(
                        document, stream.createInputStream());
                var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
                spec.setFile("ho-so.bin");
                spec.setEmbeddedFile(file);
                var names = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
                names.setNames(java.util.Map.of("ho-so.bin", spec));
                var tree = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(document.getDocumentCatalog());
                tree.setEmbeddedFiles(names);
                document.getDocumentCatalog().setNames(tree);
                document.save(pdf.toFile());
            }
        }

        @TearDown
        public void peak() throws IOException {
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum();
            System.out.printf(
                    "%nLARGE PDF %d MB, heap limit %d MB, peak heap (sum of pools) %d MB%n",
                    Files.size(pdf) >> 20, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        }
    }

    /** A 200 MB PDF signed B-B with a heap of 256 MB: memory stays bounded (it must not fail). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xmx256m"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 3)
    public long signLarge(Large large) throws IOException {
        Path out = signing.sign(large.pdf, device, SignatureRequest.invisible(PadesLevel.B_B, "Phê duyệt"));
        long size = Files.size(out);
        Files.delete(out);
        return size;
    }

    /** Reference: the bare RSA-PSS signature of 32 bytes with the same key. */
    @Benchmark
    public byte[] referenceRsaPss() throws Exception {
        Signature rsa = Signature.getInstance("RSASSA-PSS");
        rsa.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        rsa.initSign(pki.signer.key());
        rsa.update(pageBytes, 0, 32);
        return rsa.sign();
    }

    /** Reference: PDFBox loads the page and saves it to a new file. */
    @Benchmark
    public long referencePdfLoadSave() throws IOException {
        Path out = dir.resolve("copy.pdf");
        try (PDDocument document = Loader.loadPDF(pageBytes)) {
            document.save(out.toFile());
        }
        return Files.size(out);
    }
}

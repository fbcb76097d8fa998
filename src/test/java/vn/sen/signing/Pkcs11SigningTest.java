package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignatureReport.Verdict;

/**
 * Signing with a real PKCS#11 token: SoftHSM2 from Debian, its token directory under {@code target/}
 * (the surefire configuration points {@code SOFTHSM2_CONF} there), the key and chain imported through
 * the JDK's PKCS#11 provider.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pkcs11SigningTest {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "246810";

    static TestPki pki;

    @Autowired
    PdfSigning signing;

    @Autowired
    PdfValidation validation;

    @Autowired
    TrustAnchors anchors;

    @BeforeAll
    static void token() throws Exception {
        assertThat(LIBRARY)
                .as("softhsm2 must be installed (apt-get install softhsm2)")
                .exists();
        String conf = System.getenv("SOFTHSM2_CONF");
        assertThat(conf).as("surefire sets SOFTHSM2_CONF").isNotBlank();
        Path tokens = Path.of(conf).resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (var old = Files.walk(tokens)) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(
                Path.of(conf),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.US_ASCII);
        run("softhsm2-util", "--init-token", "--free", "--label", "sen-test", "--pin", PIN, "--so-pin", "13579");
        pki = TestPki.shared();
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name=SenTestImport\nlibrary=" + LIBRARY + "\nslotListIndex=0\n");
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, PIN.toCharArray());
        token.setKeyEntry("signer", pki.signer.key(), null, pki.signer.chain().toArray(Certificate[]::new));
        ((java.security.AuthProvider) provider).logout(); // a login holds for the whole process otherwise
    }

    @Test
    @Order(2)
    void a_key_on_a_pkcs11_token_signs_a_pdf_that_both_validators_accept() throws IOException {
        anchors.importCertificates(der(), "test");
        Path pdf = onePage();
        Path signed;
        try (SignatureDevice token = SignatureDevices.pkcs11(LIBRARY, 0, PIN.toCharArray())) {
            assertThat(token.chain().getFirst()).isEqualTo(pki.signer.certificate());
            signed = signing.sign(pdf, token, SignatureRequest.invisible(PadesLevel.B_B, "Phê duyệt"));
        }
        var check = validation.validate(signed).signatures().getFirst();
        assertThat(check.verdict()).as(check.details().toString()).isEqualTo(Verdict.VALID);
        assertThat(TestDocuments.pdfsig(signed)).contains("Signature is Valid").contains("Total document signed");
    }

    @Test
    @Order(1) // before any successful login: PKCS#11 logins are per process
    void a_wrong_pin_is_refused_clearly() {
        assertThatThrownBy(() -> SignatureDevices.pkcs11(LIBRARY, 0, "000000".toCharArray()))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("signing.error.device-pin");
        assertThatThrownBy(() -> SignatureDevices.pkcs11(Path.of("/nowhere/libtoken.so"), 0, PIN.toCharArray()))
                .hasMessageContaining("signing.error.device-missing");
    }

    private static byte[] der() {
        return TrustAnchors.encoded(pki.root.certificate());
    }

    private static Path onePage() throws IOException {
        Path file = Files.createTempFile("sen-p11-", ".pdf");
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(file.toFile());
        }
        return file;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}

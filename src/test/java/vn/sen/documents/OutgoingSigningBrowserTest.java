package vn.sen.documents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.files.FileManagement;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;
import vn.sen.signing.ReferenceExternalSigner;
import vn.sen.signing.SignatureImages;
import vn.sen.signing.TestDocuments;
import vn.sen.signing.TestPki;
import vn.sen.signing.TrustAnchors;

/**
 * Signing in a real Chromium with the reference signing tool on loopback: the Chairman signs and
 * approves a draft, the clerk numbers it, adds the agency's issuance signature with the seal, releases
 * it with its annex signed by the agency, and makes a true copy. On the way: no tool running, and a
 * tool holding somebody else's certificate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutgoingSigningBrowserTest extends vn.sen.BrowserTest {

    static final TestPki pki = TestPki.shared();
    /** Lives as long as the test JVM, like the cached context that points at it (a rerun reuses both). */
    static final ReferenceExternalSigner.Tool tool;

    static {
        try {
            tool = new ReferenceExternalSigner.Tool();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void signingTool(DynamicPropertyRegistry registry) {
        registry.add("sen.signing.local-signer-url", tool::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    OutgoingDocuments outgoing;

    @Autowired
    FileManagement files;

    @Autowired
    SignatureImages images;

    @Autowired
    TrustAnchors anchors;

    @TempDir
    Path dir;

    @Test
    void the_chairman_signs_and_approves_and_the_clerk_seals_and_releases() throws Exception {
        demo.ensureLoaded();
        pki.trustRoot(anchors);
        UserScope chairmanScope = scope("chutich");
        long chairman = chairmanScope.officerId();
        String chairmanName = organization.requireOfficer(chairman).fullName();
        var province = organization.unitByCode("000.00.00.H01").orElseThrow();
        images.setSignature(chairmanScope, chairman, TestDocuments.signatureImage(Color.BLUE), 40);
        images.setSeal(chairmanScope, province.id(), TestDocuments.sealImage(Color.RED), 36);
        String url =
                "http://localhost:" + port + "/documents/outgoing/" + atApproval(province.id(), chairman, chairmanName);

        Page page = vn.sen.Chromium.signedIn(browser, port, "chutich");
        page.navigate(url);
        var sign = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ký số và duyệt"));
        var status = page.locator(".decision-form .sign-status");

        tool.use(null);
        sign.click();
        assertThat(status).containsText("Không kết nối được công cụ ký số");

        tool.use(key("CN=Nguyễn Văn Khác,C=VN"));
        sign.click();
        assertThat(status).containsText("không phải của người ký “" + chairmanName + "”");

        tool.use(key("CN=" + chairmanName + ",O=" + province.name() + ",C=VN"));
        page.locator(".decision-form textarea").fill("Đồng ý ban hành");
        sign.click();
        assertThat(page.locator("#signatures")).containsText("Ký duyệt: " + chairmanName);
        assertThat(page.locator("body")).containsText("Đã duyệt, chờ cấp số");
        assertThat(page.locator("#comments")).containsText("Đồng ý ban hành");

        Page clerk = vn.sen.Chromium.signedIn(browser, port, "vanthu");
        clerk.navigate(url);
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cấp số"))
                .click();
        assertThat(clerk.getByRole(AriaRole.STATUS).first()).containsText("Đã cấp số");
        assertThat(clerk.locator("#signatures")).containsText("Ghi số, ngày ban hành");
        assertThat(clerk.locator("#release-form")).hasCount(0);

        tool.use(key("CN=" + province.name() + ",O=" + province.name() + ",C=VN"));
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ký số phát hành (đóng dấu)"))
                .click();
        assertThat(clerk.locator("#signatures")).containsText("Ký phát hành (đóng dấu): " + province.name());
        assertThat(clerk.locator("#signatures .badge")).hasText(new String[] {"Hợp lệ", "Hợp lệ"});
        assertThat(clerk.locator("#release-form")).hasCount(0); // the annex is not signed yet
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ký số văn bản kèm theo"))
                .click();
        assertThat(clerk.locator("#attachments")).containsText("Đã ký số: " + province.name());
        assertThat(clerk.locator("#attachments .signatures .badge")).hasText("Hợp lệ");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phát hành"))
                .click();
        assertThat(clerk.getByRole(AriaRole.STATUS).first()).containsText("Đã phát hành");

        // and makes a true copy of it, signed by the agency at the top right of the first page
        clerk.locator("#copy-form summary").click();
        clerk.getByLabel("Hình thức sao").selectOption("SAO_Y");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ký số bản sao"))
                .click();
        assertThat(clerk.locator("#copies > ul > li")).containsText("SAO Y — " + province.name());
        assertThat(clerk.locator("#copies .badge")).hasText(new String[] {"Hợp lệ", "Hợp lệ", "Hợp lệ"});
    }

    /** A draft of the Office, issued by the province, reviewed for format by the clerk: at the Chairman. */
    private long atApproval(long province, long chairman, String chairmanName) throws IOException {
        UserScope drafter = scope("chuyenvien");
        long office = drafter.grants().getFirst().unitId(); // the specialist's division of the Office
        long homeAffairs =
                organization.unitByCode("000.00.02.H01").orElseThrow().id();
        var file = files.store(
                new ByteArrayInputStream(TestDocuments.decisionBytes(dir, chairmanName)),
                "quyet-dinh.pdf",
                drafter.username());
        long id = outgoing.draft(
                drafter,
                new NewDraft(
                        office,
                        province,
                        DocumentType.DECISION,
                        "Phê duyệt kế hoạch ký số " + System.nanoTime() % 100_000,
                        chairman,
                        SignerForm.ON_BEHALF,
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        List.of(),
                        List.of(homeAffairs),
                        List.of(),
                        file.id(),
                        "",
                        null));
        // the specialist attaches an annex on the draft's page
        Page page = vn.sen.Chromium.signedIn(browser, port, "chuyenvien");
        page.navigate("http://localhost:" + port + "/documents/outgoing/" + id);
        Path annex = dir.resolve("phu-luc-1.pdf");
        Files.write(annex, TestDocuments.decisionBytes(dir, "Phụ lục I"));
        page.locator("#attachment-upload").setInputFiles(annex);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đính kèm"))
                .click();
        assertThat(page.locator("#attachments")).containsText("phu-luc-1.pdf");
        page.context().close();
        outgoing.submit(drafter, id);
        UserScope clerk = scope("vanthu");
        outgoing.decide(clerk, outgoing.pendingSteps(clerk, id).getFirst().id(), true, "Đúng thể thức");
        return id;
    }

    private ReferenceExternalSigner key(String subject) throws Exception {
        return new ReferenceExternalSigner(pki.issue(subject).pkcs12(dir, "k" + System.nanoTime()), TestPki.PASSWORD);
    }

    private UserScope scope(String username) {
        return ((ScopedPrincipal) logins.signedIn(username).getPrincipal()).scope();
    }
}

package vn.sen.documents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.sen.demo.DemoFixture;
import vn.sen.files.FileManagement;
import vn.sen.files.TestDocuments;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/**
 * Reading attachments in the browser: a three-page PDF in the PDF.js viewer (pages, zoom, search
 * without diacritics), an image, and a Word file through its LibreOffice rendition — under Sen's
 * content security policy, with nothing refused by it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilePreviewBrowserTest extends vn.sen.BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    FileManagement files;

    @Autowired
    IncomingDocuments incoming;

    @BeforeEach
    void demoProvince() {
        demo.ensureLoaded();
    }

    @Test
    void a_clerk_reads_pages_zooms_and_searches_an_attachment_images_and_word_files_included() throws IOException {
        UserScope clerk = ((ScopedPrincipal) logins.signedIn("vanthu").getPrincipal()).scope();
        String tag = Long.toString(System.nanoTime(), 36);
        UUID pdf = store(
                clerk,
                TestDocuments.pdf(
                        "ỦY BAN NHÂN DÂN TỈNH " + tag,
                        "Quyết định số 125/QĐ-UBND về việc phê duyệt kế hoạch",
                        "Quyết định này có hiệu lực kể từ ngày ký."),
                "quyet-dinh-125.pdf");
        UUID png = store(clerk, TestDocuments.png(320, 200), "so-do.png");
        UUID docx = store(clerk, TestDocuments.docx("Báo cáo tổng kết công tác văn thư " + tag), "bao-cao.docx");
        long id = register(clerk, List.of(pdf, png, docx));

        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"))
                .newPage();
        List<String> refused = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                refused.add(m.text() + " at " + m.location());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                refused.add(r.status() + " " + r.url());
            }
        });
        vn.sen.Chromium.signIn(page, port, "vanthu");

        // The PDF: three pages, page by page, zoom, and search without diacritics
        page.navigate(url("/documents/incoming/" + id));
        page.locator("li", new Page.LocatorOptions().setHasText("quyet-dinh-125.pdf"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Xem"))
                .click();
        page.locator("#pdf-viewer[data-ready=true]").waitFor();
        assertThat(page.locator("#pdf-pages")).hasText("3");
        assertThat(page.locator("#pdf-prev")).isDisabled();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trang sau"))
                .click();
        assertThat(page.locator("#pdf-page")).hasValue("2");
        page.locator("#pdf-page").fill("3");
        page.locator("#pdf-page").press("Enter");
        assertThat(page.locator("#pdf-page")).hasValue("3");
        assertThat(page.locator("#pdf-next")).isDisabled();

        double fitted = scale(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phóng to"))
                .click();
        page.waitForCondition(() -> scale(page) > fitted);
        page.locator("#pdf-zoom").selectOption("1");
        page.waitForCondition(() -> scale(page) == 1.0);

        page.locator("#pdf-page").fill("1");
        page.locator("#pdf-page").press("Enter");
        page.getByPlaceholder("Tìm trong văn bản").fill("quyet dinh");
        assertThat(page.locator("#pdf-find-result")).hasText("1/2 kết quả");
        page.locator(".textLayer .highlight").first().waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kết quả tiếp theo"))
                .click();
        assertThat(page.locator("#pdf-find-result")).hasText("2/2 kết quả");
        page.getByPlaceholder("Tìm trong văn bản").fill("không có chữ này");
        assertThat(page.locator("#pdf-find-result")).hasText("Không tìm thấy");

        // The image, as it is
        page.navigate(url("/documents/incoming/" + id + "/files/" + png + "/preview"));
        page.waitForCondition(
                () -> (Integer) page.locator("#image-preview").evaluate("img => img.naturalWidth") == 320);

        // The Word file, through its PDF rendition (made by LibreOffice after registration)
        page.navigate(url("/documents/incoming/" + id + "/files/" + docx + "/preview"));
        page.locator("#pdf-viewer[data-ready=true]")
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(WaitForSelectorState.ATTACHED)
                        .setTimeout(90_000));
        assertThat(page.locator("#pdf-viewer")).containsText("Bản PDF do hệ thống chuyển");
        page.getByPlaceholder("Tìm trong văn bản").fill("tong ket cong tac van thu");
        assertThat(page.locator("#pdf-find-result")).hasText("1/1 kết quả");

        assertThat(refused)
                .as("errors in the browser console (content security policy included) and failed requests")
                .isEmpty();
    }

    private static double scale(Page page) {
        String scale = page.locator("#pdf-viewer").getAttribute("data-scale");
        return scale == null ? 0 : Double.parseDouble(scale);
    }

    private UUID store(UserScope clerk, byte[] content, String name) throws IOException {
        return files.store(new ByteArrayInputStream(content), name, clerk.username())
                .id();
    }

    private long register(UserScope clerk, List<UUID> attachments) {
        return incoming.register(
                        clerk,
                        new IncomingViews.NewIncoming(
                                organization
                                        .unitByCode("000.00.01.H01")
                                        .orElseThrow()
                                        .id(),
                                null,
                                "",
                                "Bộ Nội vụ",
                                "125",
                                "BNV-VP",
                                DocumentType.DECISION,
                                LocalDate.of(2026, 3, 2),
                                "Quyết định phê duyệt kế hoạch (xem trước)",
                                "",
                                "",
                                Urgency.NORMAL,
                                Confidentiality.NORMAL,
                                null,
                                null,
                                "",
                                attachments,
                                true))
                .id();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

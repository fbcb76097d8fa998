package vn.sen.documents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;
import vn.sen.shared.ScopedPrincipal;

/**
 * The incoming-document journey in a real Chromium: the clerk registers a document with its scan and
 * presents it, the Chairman assigns it to the office, the clerk forwards it to a specialist, the
 * specialist handles it, and the clerk sees it done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentBrowserTest extends vn.sen.BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void demoProvince() {
        demo.ensureLoaded();
    }

    private static void notice(Page page, String text) {
        assertThat(page.getByRole(AriaRole.STATUS)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text)))
                .isVisible();
    }

    private long officerOf(String username) {
        return ((ScopedPrincipal) logins.signedIn(username).getPrincipal())
                .scope()
                .officerId();
    }

    @Test
    void a_document_travels_from_the_clerk_to_the_chairman_to_a_specialist_and_back_done() throws IOException {
        Path scan = Files.createTempFile("cong-van-", ".pdf");
        Files.writeString(scan, "%PDF-1.4\n% công văn thử\n%%EOF\n", StandardCharsets.UTF_8);
        String number = Long.toString(System.nanoTime() % 100_000);
        long office = organization.unitByCode("000.00.01.H01").orElseThrow().id();

        // The clerk registers it with its scan and presents it to the Chairman.
        Page clerk = vn.sen.Chromium.signedIn(browser, port, "vanthu");
        clerk.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Văn bản đến").setExact(true))
                .first()
                .click();
        clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vào sổ văn bản đến"))
                .click();
        clerk.getByLabel("Cơ quan ban hành", new Page.GetByLabelOptions().setExact(true))
                .fill("Bộ Tài chính");
        clerk.getByLabel("Số", new Page.GetByLabelOptions().setExact(true)).fill(number);
        clerk.getByLabel("Ký hiệu").fill("BTC-NSNN");
        clerk.getByLabel("Ngày ban hành").fill("2026-03-02");
        clerk.getByLabel("Trích yếu").fill("V/v hướng dẫn lập dự toán năm 2027");
        clerk.getByLabel("Độ khẩn").selectOption("URGENT");
        clerk.getByLabel("Tệp đính kèm").setInputFiles(scan);
        clerk.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Vào sổ").setExact(true))
                .click();
        notice(clerk, "Đã vào sổ với số đến");
        assertThat(clerk.locator("body"))
                .containsText(Path.of(scan.toString()).getFileName().toString());
        String documentUrl = clerk.url();
        clerk.locator("#leaderOfficerId")
                .selectOption(new SelectOption().setValue(Long.toString(officerOf("chutich"))));
        clerk.locator("#present-form button").click();
        notice(clerk, "Đã trình lãnh đạo");

        // The Chairman finds it waiting, assigns the office to lead it within three working days.
        Page chairman = vn.sen.Chromium.signedIn(browser, port, "chutich");
        chairman.navigate("http://localhost:" + port + "/documents/inbox");
        chairman.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("V/v hướng dẫn lập dự toán năm 2027"))
                .click();
        chairman.locator("#lead").selectOption(new SelectOption().setValue("unit:" + office));
        chairman.getByLabel("Ý kiến chỉ đạo").fill("Văn phòng chủ trì tham mưu, báo cáo trước hạn");
        chairman.getByLabel("hoặc hạn sau số ngày làm việc").fill("3");
        chairman.locator("#assign-form button").click();
        notice(chairman, "Đã giao xử lý");

        // The office's clerk hands it to a specialist of the office.
        clerk.navigate(documentUrl);
        clerk.locator(".forward-form select")
                .selectOption(new SelectOption().setValue("officer:" + officerOf("chuyenvien")));
        clerk.locator(".forward-form button").click();
        notice(clerk, "Đã chuyển");

        // The specialist handles it from the inbox.
        Page specialist = vn.sen.Chromium.signedIn(browser, port, "chuyenvien");
        specialist.navigate("http://localhost:" + port + "/documents/inbox");
        specialist
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("V/v hướng dẫn lập dự toán năm 2027"))
                .click();
        specialist
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu xử lý"))
                .click();
        notice(specialist, "Đã bắt đầu xử lý");
        specialist.locator(".complete-form textarea").fill("Đã tham mưu Công văn trả lời số 45/VP-TH");
        specialist.locator(".complete-form button").click();
        notice(specialist, "Đã hoàn thành");

        // The clerk sees it done, with the result and the whole history.
        clerk.navigate(documentUrl);
        assertThat(clerk.locator("body")).containsText("Đã xử lý xong");
        assertThat(clerk.locator("body")).containsText("Đã tham mưu Công văn trả lời số 45/VP-TH");
        assertThat(clerk.locator("#history li")).hasCount(7);
    }

    @Test
    void a_draft_is_approved_numbered_and_released_to_a_department_which_receives_it() throws IOException {
        Path draft = Files.createTempFile("du-thao-", ".pdf");
        Files.writeString(draft, "%PDF-1.4\n% dự thảo\n%%EOF\n", StandardCharsets.UTF_8);
        String subject = "V/v triển khai sổ tay chuyển đổi số " + System.nanoTime() % 100_000;
        long province = organization.unitByCode("000.00.00.H01").orElseThrow().id();
        long homeAffairs =
                organization.unitByCode("000.00.02.H01").orElseThrow().id();

        Page specialist = vn.sen.Chromium.signedIn(browser, port, "chuyenvien");
        specialist.navigate("http://localhost:" + port + "/documents/outgoing/new");
        specialist.locator("#issuerUnitId").selectOption(new SelectOption().setValue(Long.toString(province)));
        specialist.getByLabel("Trích yếu").fill(subject);
        specialist
                .locator("#signerOfficerId")
                .selectOption(new SelectOption().setValue(Long.toString(officerOf("chutich"))));
        specialist.locator("#recipients").selectOption(new SelectOption().setValue(Long.toString(homeAffairs)));
        // an agency outside, picked from the interchange directory by a few letters of its name
        jdbc.sql("""
                insert into interchange.agency (code, name, version) values ('000.00.00.G09', 'Bộ Tài chính', 1)
                on conflict (code) do nothing
                """).update();
        specialist.locator("#externalRecipients-search").fill("tai chinh");
        specialist.locator("#externalRecipients-suggestions button").first().click();
        assertThat(specialist.locator("#externalRecipients")).hasValue("Bộ Tài chính; 000.00.00.G09");
        specialist.getByLabel("Tệp dự thảo (PDF, DOCX)").setInputFiles(draft);
        specialist
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu dự thảo"))
                .click();
        notice(specialist, "Đã lưu dự thảo");
        String url = specialist.url();
        specialist
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trình duyệt"))
                .click();
        notice(specialist, "Đã trình duyệt");

        Page clerk = vn.sen.Chromium.signedIn(browser, port, "vanthu");
        clerk.navigate(url);
        clerk.locator(".decision-form textarea").fill("Đúng thể thức");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đồng ý"))
                .click();
        notice(clerk, "Đã ghi nhận ý kiến đồng ý");

        Page chairman = vn.sen.Chromium.signedIn(browser, port, "chutich");
        chairman.navigate(url);
        chairman.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt bản giấy (không ký số)"))
                .click();
        notice(chairman, "Đã ghi nhận ý kiến đồng ý");

        clerk.navigate(url);
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cấp số"))
                .click();
        notice(clerk, "Đã cấp số");
        assertThat(clerk.locator("#number")).containsText("/UBND-VP");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phát hành"))
                .click();
        notice(clerk, "Đã phát hành");

        Page director = vn.sen.Chromium.signedIn(browser, port, "giamdoc");
        director.navigate("http://localhost:" + port + "/documents/incoming");
        assertThat(director.locator("#incoming-list")).containsText(subject);

        // released by mistake: the clerk recalls it, and the department's copy is destroyed
        clerk.navigate(url);
        clerk.locator("#recall-form textarea").fill("Phát hành nhầm nơi nhận");
        clerk.onceDialog(dialog -> dialog.accept());
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thu hồi văn bản"))
                .click();
        notice(clerk, "Đã thu hồi văn bản");
        assertThat(clerk.locator("#recalled")).containsText("Phát hành nhầm nơi nhận");
        director.getByText(subject).first().click();
        assertThat(director.locator("#recalled")).containsText("Bên gửi đã thu hồi");
    }

    @Test
    void the_api_description_is_browsable() {
        Page page = browser.newContext().newPage();
        page.navigate("http://localhost:" + port + "/api/docs");
        assertThat(page.getByText("/api/v1/documents/incoming").first()).isVisible();
    }
}

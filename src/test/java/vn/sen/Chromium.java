package vn.sen;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;

/** Debian's Chromium driven by Playwright, started as our machines need it (no downloads, no sandbox as root). */
public final class Chromium {

    private Chromium() {}

    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** Signs a demo user in on {@code page} (Sen at {@code port}) with the demo password, in Vietnamese. */
    public static void signIn(Page page, int port, String username) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu", new Page.GetByLabelOptions().setExact(true))
                .fill(vn.sen.demo.DemoFixture.demoPassword());
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Xin chào");
    }

    /** A new Vietnamese browser context with a demo user signed in. */
    public static Page signedIn(Browser browser, int port, String username) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"))
                .newPage();
        signIn(page, port, username);
        return page;
    }
}

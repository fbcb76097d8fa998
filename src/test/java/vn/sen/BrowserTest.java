package vn.sen;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class driving Debian's Chromium: one browser for the class, started before and closed after. */
public abstract class BrowserTest {

    protected static Playwright playwright;
    protected static Browser browser;

    /**
     * How long an assertion waits for the page: signing, validating and converting run on two busy cores
     * in CI, where Playwright's default of 5 s is too short for a PAdES signature and its validation.
     */
    static final double ASSERTION_TIMEOUT_MS = 30_000;

    @BeforeAll
    static void startBrowser() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }
}

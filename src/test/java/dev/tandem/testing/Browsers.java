package dev.tandem.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A real Chromium for browser tests: Debian's {@code /usr/bin/chromium}, driven by Playwright,
 * which never downloads a browser of its own. One instance per test class is the intended use,
 * with a fresh {@link BrowserContext} (cookies, locale, viewport) per test: the {@link Chromium}
 * extension does both, and checks the pages for errors. A missing Chromium fails the tests instead
 * of skipping them, so a machine without it cannot pass silently.
 */
public final class Browsers implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts Playwright's driver and a headless Chromium; fails with the fix if Chromium is missing. */
    public static Browsers launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Browser tests need Chromium at " + CHROMIUM
                    + ", which is missing: install Debian's chromium: apt-get install -y chromium");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new Browsers(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    /** A fresh context (own cookies and storage) against {@code baseUrl}, in English unless the options say otherwise. */
    public BrowserContext newContext(String baseUrl, Browser.NewContextOptions options) {
        Browser.NewContextOptions effective = options == null ? new Browser.NewContextOptions() : options;
        if (effective.locale == null) {
            effective.setLocale("en-US");
        }
        return browser.newContext(effective.setBaseURL(baseUrl));
    }

    /**
     * What goes wrong in a page without failing the test by itself: console errors (a Content
     * Security Policy violation, a missing script or stylesheet) and uncaught JavaScript errors.
     * Assert the returned list is empty at the end of a test.
     */
    public static List<String> problemsOf(Page page) {
        List<String> problems = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add("console error on " + page.url() + ": " + message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> problems.add("uncaught error on " + page.url() + ": " + error));
        return problems;
    }

    /**
     * How many CSS pixels the page is wider than its viewport; 0 when nothing scrolls sideways.
     * Against the viewport as set, not window.innerWidth: a phone zooms out to show a page that is
     * too wide, and innerWidth grows with it, so a check against innerWidth could never fail.
     */
    public static int horizontalOverflow(Page page) {
        return ((Number) page.evaluate("width => Math.max(0, document.documentElement.scrollWidth - width)",
                page.viewportSize().width)).intValue();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}

package dev.tandem.testing;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Chromium for a browser test class, as a JUnit extension:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Chromium chromium = new Chromium();
 *
 * Page page = chromium.open("http://localhost:" + port, null);
 * }</pre>
 *
 * It launches {@link Browsers} once before the class's tests and closes it after them. Each
 * {@link #open} gives a page in a fresh {@link BrowserContext} (own cookies, locale, viewport), so a
 * test may be several people at once. After each test every context it opened is closed, and the
 * test fails if any of its pages logged a console error or an uncaught script error (see
 * {@link Browsers#problemsOf}): a Content Security Policy violation shows up there.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private Browsers browsers;
    private String launchedFor;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<List<String>> problems = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (browsers == null) {
            browsers = Browsers.launch();
            launchedFor = context.getUniqueId();
        }
    }

    /** A page in a new context against {@code baseUrl}; {@code options} may be null (English, default viewport). */
    public Page open(String baseUrl, Browser.NewContextOptions options) {
        if (browsers == null) {
            throw new IllegalStateException("Chromium is not launched: register it as a static @RegisterExtension field");
        }
        BrowserContext context = browsers.newContext(baseUrl, options);
        contexts.add(context);
        Page page = context.newPage();
        problems.add(Browsers.problemsOf(page));
        pages.add(page);
        return page;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        screenshots(context);
        RuntimeException closing = null;
        for (BrowserContext opened : contexts) {
            try {
                opened.close();
            } catch (RuntimeException e) {
                if (closing == null) {
                    closing = e;
                } else {
                    closing.addSuppressed(e);
                }
            }
        }
        List<String> logged = new ArrayList<>();
        problems.forEach(logged::addAll);
        contexts.clear();
        problems.clear();
        pages.clear();
        if (closing != null) {
            throw closing;
        }
        assertThat(logged).as("console and script errors in the pages").isEmpty();
    }

    // the last state of every page a test opened, to look at after a run: <screenshots>/<class>/<test>-<n>.png
    private void screenshots(ExtensionContext context) {
        String test = context.getRequiredTestClass().getSimpleName() + "/" + context.getRequiredTestMethod().getName();
        for (int i = 0; i < pages.size(); i++) {
            if (!pages.get(i).isClosed()) {
                try {
                    screenshot(pages.get(i), test + "-" + (i + 1) + ".png");
                } catch (RuntimeException e) {
                    // a screenshot is for people looking at a run, never a reason for the test to fail
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browsers != null && context.getUniqueId().equals(launchedFor)) {
            try {
                browsers.close();
            } finally {
                browsers = null;
                launchedFor = null;
            }
        }
    }

    /**
     * Saves a full-page screenshot into the folder named by {@code -Dtandem.screenshots=…} (the build
     * sets it to its own {@code screenshots} folder), if any; {@code name} may hold a sub-folder.
     */
    public void screenshot(Page page, String name) {
        String folder = System.getProperty("tandem.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(folder).resolve(name)).setFullPage(true));
    }
}

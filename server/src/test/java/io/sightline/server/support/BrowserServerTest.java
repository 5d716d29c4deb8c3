package io.sightline.server.support;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The embedded server with one headless Chromium ({@link HeadlessChromium}) for the test class, quit after it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserServerTest extends EmbeddedServerTest {

    protected ChromeDriver browser;
    /** Waits up to a minute: a page's first load on a busy 2-core machine. */
    protected WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}

package io.sightline.bench;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shared page opened in headless Chromium (Debian's {@code chromium} and {@code chromedriver}, as the browser test
 * uses), timed by the page's own clock ({@code performance.now()}, from navigation start): first contentful paint
 * ({@code performance.getEntriesByType('paint')}) and the first frame after every widget is drawn (every
 * {@code .widget.viz} in state {@code ready} or {@code error}, seen by a MutationObserver installed before the
 * page's own script runs).
 */
final class FirstPaint implements AutoCloseable {

    /** Runs in every document before its scripts: notes when the last widget is drawn, and the frame after it. */
    private static final String OBSERVER = """
            (function () {
              var done = false;
              function settled() {
                var all = document.querySelectorAll('.widget.viz');
                if (!all.length) { return false; }
                for (var i = 0; i < all.length; i++) {
                  var s = all[i].dataset.state;
                  if (s !== 'ready' && s !== 'error') { return false; }
                }
                return true;
              }
              new MutationObserver(function () {
                if (done || !settled()) { return; }
                done = true;
                window.__benchDrawn = performance.now();
                window.__benchErrors = document.querySelectorAll('.widget.viz[data-state=error]').length;
                window.__benchWidgets = document.querySelectorAll('.widget.viz').length;
                requestAnimationFrame(function () { window.__benchPainted = performance.now(); });
              }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-state']});
            })();
            """;

    /** One page open, in ms from navigation start. */
    record Open(double firstContentfulPaint, double allDrawn, double painted, long widgets, long errors) {
    }

    private final ChromeDriver browser;

    FirstPaint() {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000");
        browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
    }

    /** {@code runs} opens of {@code url}, one after the other; the first with the browser's cache empty. */
    List<Open> open(String url, int runs) {
        List<Open> opens = new ArrayList<>();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (int i = 0; i < runs; i++) {
            browser.get("about:blank");
            browser.get(url);
            wait.until(b -> script("return window.__benchPainted !== undefined;"));
            opens.add(new Open(
                    number("var p = performance.getEntriesByName('first-contentful-paint');"
                            + " return p.length ? p[0].startTime : -1;"),
                    number("return window.__benchDrawn;"), number("return window.__benchPainted;"),
                    (long) number("return window.__benchWidgets;"), (long) number("return window.__benchErrors;")));
        }
        return opens;
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private double number(String js) {
        return ((Number) script(js)).doubleValue();
    }

    @Override
    public void close() {
        browser.quit();
    }
}

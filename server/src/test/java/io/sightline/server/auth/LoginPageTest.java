package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser's sign-in page, {@code GET /login}: served to anyone, under a strict policy (its script from this
 * server, no inline script), carrying the page to go back to only when that is a path on this server.
 */
class LoginPageTest extends EmbeddedServerTest {

    private final HttpClient browser = HttpClient.newHttpClient(); // follows no redirect

    @Test
    void theSignInPageIsAFormWhoseScriptComesFromThisServer() throws Exception {
        var page = get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<form id=\"login\"", "type=\"password\"",
                "<script src=\"/viewer/login.js\" defer></script>").doesNotContain("<script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "form-action 'self'",
                "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/viewer/login.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aPathOnThisServerIsWhereTheSignInLeads() throws Exception {
        var page = get("/login?next=" + encode("/dashboards/7-sales?p_region=EMEA&p_year=2024"));

        assertThat(page.body()).contains("data-next=\"/dashboards/7-sales?p_region=EMEA&amp;p_year=2024\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/dashboards/1", "/\\evil.example",
            "javascript:alert(1)", "http:/evil.example", "dashboards/1"})
    void anAddressElsewhereIsDropped(String next) throws Exception {
        var page = get("/login?next=" + encode(next));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-next=\"\"").doesNotContain("evil.example").doesNotContain("alert(");
    }

    @Test
    void aPathCannotBreakOutOfThePage() throws Exception {
        var page = get("/login?next=" + encode("/x\"><script src=/y></script>"));

        assertThat(page.body()).contains("data-next=\"/x&quot;&gt;&lt;script src=/y&gt;&lt;/script&gt;\"")
                .doesNotContain("<script src=/y>");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.share.SignedInFixtures.Mixed;
import io.sightline.server.share.SignedInFixtures.Person;
import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A dashboard's page for signed-in users, {@code /dashboards/{id}-{slug}}, over HTTP as a browser calls it (a
 * session cookie, no redirect followed): the way to sign in and back, the page and its headers, the plain
 * not-found page, and the signed-in API it reads: widgets of a data source the user does not reach are
 * restricted, and their results refused.
 */
class SignedInViewerTest extends EmbeddedServerTest {

    @Test
    void someoneNotSignedInIsSentToSignInAndBackToTheSameAddress() throws Exception {
        JsonNode scorecard = new SignedInFixtures(api()).scorecard();
        String address = "/dashboards/" + scorecard.path("id").asLong() + "-" + scorecard.path("slug").asString()
                + "?p_region=EMEA&refresh=60";

        var page = browser().get(address);

        assertThat(page.statusCode()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/login?next=");
        assertThat(URLDecoder.decode(location.substring("/login?next=".length()), StandardCharsets.UTF_8))
                .isEqualTo(address);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aSignedInUserGetsTheViewerPageUnderAStrictPolicy() throws Exception {
        SignedInFixtures fixtures = new SignedInFixtures(api());
        JsonNode scorecard = fixtures.scorecard();
        Browser browser = browser();
        browser.signIn(fixtures.person("Page Reader"));
        long id = scorecard.path("id").asLong();

        for (String address : List.of("/dashboards/" + id + "-" + scorecard.path("slug").asString(),
                "/dashboards/" + id, "/dashboards/" + id + "-an-old-name")) {
            var page = browser.get(address);

            assertThat(page.statusCode()).as(address).isEqualTo(200);
            assertThat(page.body()).as(address).contains("<script src=\"/viewer/viewer.js\" defer></script>")
                    .doesNotContain("<script>");
            assertStrictPolicy(page);
        }
    }

    @Test
    void aDashboardOneMayNotSeeIsOnePlainNotFoundPage() throws Exception {
        Api admin = api();
        SignedInFixtures fixtures = new SignedInFixtures(admin);
        long archived = admin.post("/api/dashboards", Map.of("name", "Archived page " + java.util.UUID.randomUUID()))
                .json().path("id").asLong();
        assertThat(admin.delete("/api/dashboards/" + archived).status()).isEqualTo(200);
        Browser browser = browser();
        browser.signIn(fixtures.person("Page Seeker"));

        for (String address : List.of("/dashboards/" + archived, "/dashboards/987654321-nothing",
                "/dashboards/not-a-number")) {
            var page = browser.get(address);

            assertThat(page.statusCode()).as(address).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).as(address).contains("Dashboard not found").doesNotContain("<script");
            assertStrictPolicy(page);
        }
        assertThat(browser.get("/api/dashboards/" + archived + "/view").statusCode()).isEqualTo(404);
    }

    @Test
    void aWidgetOfADataSourceTheUserDoesNotReachIsRestrictedAndItsResultRefused() throws Exception {
        SignedInFixtures fixtures = new SignedInFixtures(api());
        Person reaching = fixtures.person("Reaching Reader");
        Person other = fixtures.person("Other Reader");
        Mixed mixed = fixtures.mixed(reaching);
        Browser reader = browser();
        reader.signIn(other);

        JsonNode seen = Api.JSON.readTree(reader.get("/api/dashboards/" + mixed.id() + "/view").body());
        JsonNode privateWidget = widget(seen, mixed.privateCounter());
        assertThat(privateWidget.path("restricted").asBoolean()).isTrue();
        assertThat(privateWidget.has("visualization")).isFalse();
        assertThat(seen.toString()).doesNotContain("Private count").doesNotContain("4242");
        var refused = reader.get("/api/dashboards/" + mixed.id() + "/widgets/" + mixed.privateCounter() + "/results");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("4242");
        JsonNode demo = results(reader, mixed.id(), mixed.demoCounter());
        assertThat(demo.path("counter").path("text").asString()).isNotBlank();

        Browser owner = browser();
        owner.signIn(reaching);
        JsonNode full = Api.JSON.readTree(owner.get("/api/dashboards/" + mixed.id() + "/view").body());
        assertThat(widget(full, mixed.privateCounter()).path("visualization").path("query").path("name").asString())
                .startsWith("Private count");
        assertThat(widget(full, mixed.privateCounter()).path("visualization").path("query").has("query")).isFalse();
        assertThat(results(owner, mixed.id(), mixed.privateCounter()).path("counter").path("value").asDouble())
                .isEqualTo(4242);
    }

    @Test
    void aRunThatFailsAfterThePagesFirstAskIsReportedNotStartedAgain() throws Exception {
        Api admin = api();
        SignedInFixtures fixtures = new SignedInFixtures(admin);
        Person reader = fixtures.person("Failing Reader");
        long postgres = new DataSourceFixtures(admin).postgres(Map.of());
        new AccessFixtures(admin).grant(new AccessFixtures.Member(reader.id(), "reader", reader.api()), postgres,
                false);
        long[] slow = fixtures.slowFailingWidget(postgres);
        Browser browser = browser();
        browser.signIn(reader);
        String results = "/api/dashboards/" + slow[0] + "/widgets/" + slow[1] + "/results";

        var first = browser.get(results);
        assertThat(first.statusCode()).as("slower than the server waits: " + first.body()).isEqualTo(202);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> answer = first;
        while (answer.statusCode() == 202 && System.nanoTime() < until) {
            Thread.sleep(2000); // as the page waits (Retry-After: 2): the run ends between two asks
            answer = browser.get(results);
        }

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode failed = Api.JSON.readTree(answer.body());
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("error").asString()).contains("division by zero");
    }

    @Test
    void badAddressesAndValuesAre400sNamingTheProblem() throws Exception {
        SignedInFixtures fixtures = new SignedInFixtures(api());
        JsonNode scorecard = fixtures.scorecard();
        Browser browser = browser();
        browser.signIn(fixtures.person("Bad Input Reader"));
        long widget = SignedInFixtures.counterOf(scorecard).path("id").asLong();
        String results = "/api/dashboards/" + scorecard.path("id").asLong() + "/widgets/" + widget + "/results";

        var notAnId = browser.get("/api/dashboards/sales/view");
        var longValue = browser.get(results + "?p_region=" + "x".repeat(SharedParameterValues.MAX_URL_VALUE_CHARS + 1));

        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.body()).contains("sales");
        assertThat(longValue.statusCode()).isEqualTo(400);
        assertThat(Api.JSON.readTree(longValue.body()).path("message").asString()).contains("region");
    }

    @Test
    void theApiOfThePageNeedsASession() throws Exception {
        JsonNode scorecard = new SignedInFixtures(api()).scorecard();
        long id = scorecard.path("id").asLong();
        long widget = SignedInFixtures.counterOf(scorecard).path("id").asLong();

        assertThat(browser().get("/api/dashboards/" + id + "/view").statusCode()).isEqualTo(401);
        assertThat(browser().get("/api/dashboards/" + id + "/widgets/" + widget + "/results").statusCode())
                .isEqualTo(401);
    }

    private static void assertStrictPolicy(HttpResponse<String> page) {
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(policy.replace("style-src-attr 'unsafe-inline'", "")).doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    private static JsonNode widget(JsonNode dashboard, long id) {
        return dashboard.path("widgets").valueStream().filter(w -> w.path("id").asLong() == id).findFirst()
                .orElseThrow();
    }

    /** A widget's answer once its query has run (202 while it runs, as the page polls). */
    private static JsonNode results(Browser browser, long dashboard, long widget) throws Exception {
        String path = "/api/dashboards/" + dashboard + "/widgets/" + widget + "/results";
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> answer = browser.get(path);
        while (answer.statusCode() == 202 && System.nanoTime() < until) {
            Thread.sleep(200);
            answer = browser.get(path);
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Api.JSON.readTree(answer.body());
    }

    private Browser browser() {
        return new Browser(port);
    }

    /** An HTTP client that keeps cookies as a browser does and follows no redirect. */
    static final class Browser {

        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        Browser(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void signIn(Person person) throws Exception {
            var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                            Map.of("email", person.email(), "password", SignedInFixtures.PASSWORD))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        }
    }
}

package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the OpenID Connect tests: keeps cookies (per host, so servers on 127.0.0.1 share them, as replicas
 * behind one address would) and follows no redirect itself, so a test sees each step of the authorization-code
 * flow and where it ends.
 */
final class OidcBrowser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Where each redirect goes instead of its location (a balancer sending a request to another replica). */
    private UnaryOperator<String> rerouting = UnaryOperator.identity();

    /** The redirect a sign-in ended at, with its location made absolute. */
    record End(HttpResponse<String> response, String location) {
    }

    /** The server refused the provider's return (a 403 at {@code /login/oauth2/code/}, which is no redirect). */
    static final class RefusedAt extends RuntimeException {
        final transient HttpResponse<String> response;

        RefusedAt(HttpResponse<String> response) {
            super("Refused on the provider's return: " + response.statusCode() + " " + response.body());
            this.response = response;
        }
    }

    void rerouteRedirects(UnaryOperator<String> rerouting) {
        this.rerouting = rerouting;
    }

    void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** As a browser asks for a page (text/html: the provider keeps such a request to come back to it). */
    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", url.contains("/api/")
                ? "application/json" : "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Follows the flow from {@code start} (a full URL), posting the provider's login form when it shows it, until a
     * redirect whose location {@code end} accepts.
     *
     * @throws RefusedAt when the server refuses the provider's return
     */
    End signIn(String start, String username, String password, Predicate<String> end) throws Exception {
        URI at = URI.create(start);
        List<String> visited = new ArrayList<>();
        HttpResponse<String> response = get(at.toString());
        for (int step = 0; step < 20; step++) {
            visited.add(response.statusCode() + " " + at);
            if (response.statusCode() == 302 || response.statusCode() == 303) {
                String location = rerouting.apply(
                        at.resolve(response.headers().firstValue("Location").orElseThrow()).toString());
                if (end.test(location)) {
                    return new End(response, location);
                }
                at = URI.create(location);
                response = get(location);
            } else if (response.statusCode() == 200 && response.body().contains("name=\"password\"")) {
                Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(response.body());
                assertThat(csrf.find()).as("the provider's login form has its CSRF token").isTrue();
                at = at.resolve("/login");
                response = http.send(HttpRequest.newBuilder(at).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
                                + enc(password) + "&_csrf=" + enc(csrf.group(1)))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } else if (response.statusCode() == 403 && at.getPath().startsWith("/login/oauth2/code/")) {
                throw new RefusedAt(response);
            } else {
                throw new AssertionError("The flow stopped at " + response.statusCode() + " " + at + ": "
                        + response.body() + "\nafter " + visited);
            }
        }
        throw new AssertionError("No end after " + visited);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

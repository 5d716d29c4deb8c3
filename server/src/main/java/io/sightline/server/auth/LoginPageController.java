package io.sightline.server.auth;

import io.sightline.server.system.BrowserPages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /login?next=/dashboards/7-sales}: the browser's sign-in page, a static form whose script
 * ({@code /viewer/login.js}) posts to {@code POST /login} (so the login throttle and its messages apply as to every
 * client), shows a refusal in the page, offers the single sign-on methods {@code /api/login_methods} lists, and then
 * goes to {@code next}. The page carries {@code next} only when it is a path on this server
 * ({@link SessionController#isLocalPath}); any other address is dropped here, so the script cannot be sent elsewhere.
 */
@Controller
class LoginPageController {

    static final String PATH = "/login";
    static final int MAX_NEXT_CHARS = 2000;

    private final String page = resource("login.html");

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> page(@RequestParam(required = false) String next) {
        return BrowserPages.html(HttpStatus.OK, page.replace("{{next}}", HtmlUtils.htmlEscape(safeNext(next))));
    }

    /** Where to go after signing in: {@code next} when it is a path on this server, else nowhere (empty). */
    static String safeNext(String next) {
        return next != null && next.length() <= MAX_NEXT_CHARS && SessionController.isLocalPath(next) ? next : "";
    }

    private static String resource(String name) {
        try (InputStream in = LoginPageController.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

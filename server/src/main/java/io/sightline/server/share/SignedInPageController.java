package io.sightline.server.share;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.BrowserPages;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /dashboards/{id}-{slug}} (or {@code /dashboards/{id}}): the shared page's shell and scripts for a
 * signed-in user, which read the signed-in API ({@link SignedInViewerController}) instead of a link's. Not signed
 * in: a redirect to the sign-in page, which comes back here ({@code next}). A dashboard that does not exist or that
 * the user may not see: one plain sentence, the same for both. The slug is only for people reading the address;
 * the id decides.
 */
@Controller
class SignedInPageController {

    static final String NOT_FOUND = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Dashboard not found</title><link rel="stylesheet" href="/viewer/viewer.css"></head>
            <body class="invalid"><main><h1>Dashboard not found</h1>
            <p>It does not exist, or you may not see it.</p></main></body></html>
            """;
    private static final Pattern ADDRESS = Pattern.compile("(\\d{1,18})(-.*)?");

    private final SignedInDashboards dashboards;
    private final String page = PublicPageController.resource("page.html");

    SignedInPageController(SignedInDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping(value = SignedInDashboards.PAGE + "{address}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> page(@PathVariable String address, HttpServletRequest request) {
        Optional<SightlineUser> caller = CurrentUser.signedIn();
        if (caller.isEmpty()) {
            String query = request.getQueryString();
            String here = request.getRequestURI() + (query == null ? "" : "?" + query);
            return BrowserPages.redirect("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
        }
        Matcher id = ADDRESS.matcher(address);
        boolean visible = id.matches() && dashboards.visible(caller.get(), Long.parseLong(id.group(1))).isPresent();
        return visible ? BrowserPages.html(HttpStatus.OK, page) : BrowserPages.html(HttpStatus.NOT_FOUND, NOT_FOUND);
    }
}

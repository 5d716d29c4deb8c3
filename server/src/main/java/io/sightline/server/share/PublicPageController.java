package io.sightline.server.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The page a public link opens, {@code /public/dashboards/{token}}: a static shell whose script ({@code /viewer/})
 * draws the dashboard from the public API with ECharts (served from its webjar). A link that does not work gets
 * one plain sentence, the same for a revoked, expired or unknown token.
 */
@Controller
class PublicPageController {

    static final String INVALID = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Link no longer valid</title><link rel="stylesheet" href="/viewer/viewer.css"></head>
            <body class="invalid"><main><h1>This link is no longer valid</h1>
            <p>Ask whoever shared it for a new one.</p></main></body></html>
            """;

    private final Shares shares;
    private final String page = resource("page.html");

    PublicPageController(Shares shares) {
        this.shares = shares;
    }

    @GetMapping(value = ShareController.PAGE + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> page(@PathVariable String token) {
        try {
            shares.open(token);
        } catch (RuntimeException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore())
                    .contentType(MediaType.TEXT_HTML).body(INVALID);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML).body(page);
    }

    static String resource(String name) {
        try (InputStream in = PublicPageController.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

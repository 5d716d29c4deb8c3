package io.sightline.server.system;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The headers of the pages a signed-in browser opens (the login page, a dashboard's page): a strict
 * Content-Security-Policy like the shared page's (scripts, styles and data only from this server, no inline script;
 * inline style attributes only, which the chart library sets), forms posting only here, never framed (a page with a
 * session is no one's to embed), {@code nosniff}, no referrer beyond this server, never stored by a cache.
 */
public final class BrowserPages {

    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private BrowserPages() {
    }

    /** An HTML page with these headers. */
    public static ResponseEntity<String> html(HttpStatusCode status, String body) {
        return headers(ResponseEntity.status(status)).contentType(MediaType.TEXT_HTML).body(body);
    }

    /** A redirect to another page of this server ({@code location} is a path). */
    public static ResponseEntity<String> redirect(String location) {
        return headers(ResponseEntity.status(302)).header(HttpHeaders.LOCATION, location).build();
    }

    private static ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder builder) {
        return builder.cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }
}

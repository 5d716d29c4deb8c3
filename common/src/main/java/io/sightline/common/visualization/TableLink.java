package io.sightline.common.visualization;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A link cell as Redash's table draws it: the URL, text and title filled from the column's templates.
 *
 * @param title the hover text; empty when the column has no title template
 */
public record TableLink(String url, String text, String title) {

    private static final Set<String> OPENABLE = Set.of("http", "https", "mailto");

    /**
     * True when the URL is a web or mail address, the only links a viewer's click opens: a template filled from a
     * result could otherwise send the click to a local file or a program's own scheme.
     */
    public boolean opens() {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && OPENABLE.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && (uri.getScheme().equalsIgnoreCase("mailto") || uri.getHost() != null);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

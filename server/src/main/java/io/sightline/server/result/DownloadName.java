package io.sightline.server.result;

import io.sightline.server.query.SavedQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Redash's download file name ({@code get_download_filename}): the query's name made safe for a file system, else
 * its id, or the result's id where no query is in the path; then the UTC day the result was retrieved, and the
 * extension.
 */
final class DownloadName {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy_MM_dd");
    /** Unicode's "other" characters (control, format, unassigned, private use, surrogates), which Redash drops. */
    private static final Pattern OTHER = Pattern.compile("\\p{C}");
    private static final Pattern UNSAFE = Pattern.compile("[<>:\"\\\\/|?*]+");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private DownloadName() {
    }

    static String of(StoredResult result, SavedQuery query, DownloadFormat format) {
        String stem;
        if (query == null) {
            stem = Long.toString(result.id());
        } else {
            String name = OTHER.matcher(query.name() == null ? "" : query.name()).replaceAll("");
            stem = name.isEmpty() ? Long.toString(query.id()) : safe(name);
        }
        return stem + "_" + result.retrievedAt().withOffsetSameInstant(ZoneOffset.UTC).format(DAY) + "."
                + format.extension();
    }

    /** Redash's {@code to_filename}: characters file systems refuse become a space, white space one underscore. */
    static String safe(String name) {
        String spaced = UNSAFE.matcher(name).replaceAll(" ");
        String underscored = SPACES.matcher(spaced).replaceAll("_");
        int from = 0;
        int to = underscored.length();
        while (from < to && underscored.charAt(from) == '_') {
            from++;
        }
        while (to > from && underscored.charAt(to - 1) == '_') {
            to--;
        }
        return underscored.substring(from, to);
    }

    /**
     * {@code attachment; filename=...}, all ASCII as a header must be: a name with other characters gets an ASCII
     * {@code filename} (accents dropped, as Redash's NFKD fallback) and the exact name in {@code filename*} (RFC 6266).
     */
    static String contentDisposition(String fileName) {
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)) {
            return "attachment; filename=" + quoted(fileName);
        }
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFKD).replaceAll("[^\\x20-\\x7e]", "");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
        return "attachment; filename=" + quoted(ascii) + "; filename*=UTF-8''" + encoded;
    }

    private static String quoted(String value) {
        if (TOKEN.matcher(value).matches()) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

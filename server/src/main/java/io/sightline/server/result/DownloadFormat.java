package io.sightline.server.result;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The file types a result downloads as, named by the URL's extension as in Redash ({@code .csv}, {@code .tsv}, {@code .xlsx}). */
enum DownloadFormat {
    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),
    TSV("tsv", new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8)),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType mediaType;

    DownloadFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format a download path ends in; the caller's mappings only route the extensions listed here. */
    static DownloadFormat ofPath(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        for (DownloadFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("No download format for " + path);
    }
}

package io.sightline.server.result;

import io.sightline.server.query.SavedQuery;
import io.sightline.server.settings.OrganizationSettings;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

/**
 * A stored result answered as Redash's {@code QueryResultResource.get} answers it, once the caller's access was
 * checked ({@link ResultAccess}): JSON, CSV, TSV or Excel, always with {@code Content-Disposition} naming the file
 * ({@link DownloadName}), and cacheable for a year by the caller's browser when the path names the result (a result
 * never changes; "the latest result of a query" does).
 */
@Service
class ResultDownloads {

    /** Redash's {@code "private,max-age=%d" % ONE_YEAR}, a year being 365.25 days. */
    static final String SPECIFIC_RESULT_CACHING = "private,max-age=31557600";

    private final ResultStore store;
    private final OrganizationSettings settings;

    ResultDownloads(ResultStore store, OrganizationSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * @param query the query in the path, whose name names the file; null: the result's id does
     * @param specific the path names the result ({@code Cache-Control} is sent)
     */
    ResponseEntity<StreamingResponseBody> file(StoredResult result, SavedQuery query, DownloadFormat format,
                                               boolean specific) {
        StreamingResponseBody body = switch (format) {
            case JSON -> out -> ResultJsonWriter.write(result, null, store, out);
            case CSV -> dsv(result, ',');
            case TSV -> dsv(result, '\t');
            case XLSX -> out -> ResultXlsxWriter.write(result, store, out);
        };
        return headers(result, query, format, specific).body(body);
    }

    /** The JSON, whole or the window {@code ?offset=&limit=} (400 naming a bad bound), with the download's headers. */
    ResponseEntity<?> json(StoredResult result, SavedQuery query, Long offset, Integer limit, boolean specific) {
        ResultJsonWriter.RowWindow window = ResultController.window(offset, limit);
        return AnswerBodies.of(headers(result, query, DownloadFormat.JSON, specific), result,
                out -> ResultJsonWriter.write(result, window, store, out));
    }

    private StreamingResponseBody dsv(StoredResult result, char delimiter) {
        Map<String, JsonNode> org = settings.current();
        var dates = new DsvDates(org.get("date_format").asString(), org.get("time_format").asString());
        return out -> ResultDsvWriter.write(result, store, out, delimiter, dates);
    }

    private static ResponseEntity.BodyBuilder headers(StoredResult result, SavedQuery query, DownloadFormat format,
                                                      boolean specific) {
        var response = ResponseEntity.ok().contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        DownloadName.contentDisposition(DownloadName.of(result, query, format)));
        if (specific) {
            response.header(HttpHeaders.CACHE_CONTROL, SPECIFIC_RESULT_CACHING);
        }
        return response;
    }
}

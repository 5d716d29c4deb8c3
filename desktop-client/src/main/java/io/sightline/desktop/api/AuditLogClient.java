package io.sightline.desktop.api;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * The server's audit log (admins only): a page of events newest first ({@code GET /api/events}) and the export of
 * a filter to a file ({@code GET /api/events/export}), over the workbench's transport. Every method blocks: call
 * it from a background task.
 */
public final class AuditLogClient {

    /** The most events the server lists on one page. */
    public static final int MAX_PAGE_SIZE = 250;

    /** A page of events and how many match the filter in all. */
    public record Page(long count, int page, int pageSize, List<AuditEvent> events) {
    }

    /** An export written to a file: how many events, and the server's cursor for the next export. */
    public record Export(long events, long bytes, String cursor) {
    }

    private final SightlineClient transport;

    public AuditLogClient(SightlineClient transport) {
        this.transport = transport;
    }

    /**
     * @throws ApiException with the server's message naming a bad filter, or refusing a non-admin
     */
    public Page page(AuditFilter filter, int page, int pageSize) {
        HttpUrl.Builder url = transport.url("api/events").newBuilder();
        filter.parameters().forEach(url::addQueryParameter);
        url.addQueryParameter("page", String.valueOf(page)).addQueryParameter("page_size", String.valueOf(pageSize));
        JsonNode answer = transport.get(url.build());
        List<AuditEvent> events = new ArrayList<>();
        for (JsonNode event : answer.path("results")) {
            events.add(event(event));
        }
        return new Page(answer.path("count").asLong(), answer.path("page").asInt(page),
                answer.path("page_size").asInt(pageSize), events);
    }

    /**
     * Writes the events matching {@code filter}, oldest first, to {@code target} in {@code format} ({@code jsonl}
     * or {@code csv}). The server leaves out events of the last few seconds (they come with the next export).
     */
    public Export export(AuditFilter filter, String format, Path target) {
        HttpUrl.Builder url = transport.url("api/events/export").newBuilder();
        filter.parameters().forEach(url::addQueryParameter);
        url.addQueryParameter("format", format);
        SightlineClient.Download download = transport.download(url.build(), target);
        return new Export(lines(target) - (format.equals("csv") ? 1 : 0), download.bytes(),
                download.headers().get("X-Sightline-Cursor"));
    }

    static AuditEvent event(JsonNode event) {
        JsonNode user = event.path("user_id");
        JsonNode object = event.path("object_id");
        String json;
        try {
            json = SightlineClient.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(event);
        } catch (JacksonException e) {
            json = event.toString();
        }
        return new AuditEvent(event.path("id").asLong(), user.isNumber() ? user.asLong() : null,
                event.path("user_name").isString() ? event.path("user_name").asString() : "",
                event.path("action").asString(""), event.path("object_type").asString(""),
                object.isNull() || object.isMissingNode() ? "" : object.asString(),
                OffsetDateTime.parse(event.path("created_at").asString()), event.path("additional_properties"), json);
    }

    private static long lines(Path file) {
        try (var lines = java.nio.file.Files.lines(file)) {
            return lines.filter(line -> !line.isEmpty()).count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }
}

package io.sightline.server.audit;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.PageRange;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log, for admins: a page of events (Redash's {@code GET /api/events}, newest first), and the export a
 * daily job ships to a SIEM, oldest first from a cursor. There is no endpoint that changes or deletes an event.
 */
@RestController
@RequestMapping("/api/events")
class EventsController {

    /** The response header naming the cursor to pass as {@code after} next time. */
    static final String CURSOR_HEADER = "X-Sightline-Cursor";
    private static final Set<String> LIST_PARAMS = Set.of("user_id", "action", "object_type", "object_id", "since",
            "until", "page", "page_size");
    private static final Set<String> EXPORT_PARAMS = Set.of("user_id", "action", "object_type", "object_id", "since",
            "until", "after", "format");
    static final List<String> CSV_COLUMNS = List.of("id", "created_at", "org_id", "user_id", "user_name", "action",
            "object_type", "object_id", "additional_properties");

    private final AuditEvents events;
    private final JsonMapper json;
    private final AuditProperties properties;

    EventsController(AuditEvents events, JsonMapper json, AuditProperties properties) {
        this.events = events;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam Map<String, String> params) {
        requireAdmin();
        refuseUnknown(params, LIST_PARAMS);
        int page = number(params, "page", 1);
        int pageSize = number(params, "page_size", PageRange.DEFAULT_PAGE_SIZE);
        PageRange.checkRequest(page, pageSize);
        EventFilter filter = EventFilter.of(params);
        long count = events.count(filter);
        PageRange.checkCount(count, page, pageSize);
        List<Map<String, Object>> results = events.page(filter, PageRange.offset(page, pageSize), pageSize).stream()
                .map(this::shown).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", count);
        answer.put("page", page);
        answer.put("page_size", pageSize);
        answer.put("results", results);
        return answer;
    }

    /**
     * Events oldest first with ids after {@code after} (the cursor of the previous export), up to the newest event
     * older than the export lag; the header {@link #CURSOR_HEADER} names the cursor for the next call (unchanged
     * when nothing was new), so consecutive exports neither repeat nor skip an event.
     */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam Map<String, String> params) {
        requireAdmin();
        refuseUnknown(params, EXPORT_PARAMS);
        String format = params.getOrDefault("format", "jsonl");
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw ApiException.badRequest("'format' must be jsonl or csv, not '" + format + "'");
        }
        EventFilter filter = EventFilter.of(params);
        Long after = EventFilter.id(params, "after");
        long from = after == null ? 0 : after;
        long upTo = Math.max(from, events.lastIdBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(properties.exportLag())));
        boolean csv = format.equals("csv");
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                writer.write(String.join(",", CSV_COLUMNS) + "\n");
            }
            events.export(filter, from, upTo, event -> {
                try {
                    writer.write(csv ? csvLine(event) : json.writeValueAsString(shown(event)));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .header(CURSOR_HEADER, String.valueOf(upTo))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sightline-events-" + from + "-" + upTo
                        + "." + format + "\"")
                .body(body);
    }

    /** Redash's event shape, with Sightline's fields in {@code additional_properties}. */
    private Map<String, Object> shown(AuditEvents.Event event) {
        JsonNode more = json.readTree(event.additionalProperties());
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", event.id());
        shown.put("org_id", event.orgId());
        shown.put("user_id", event.userId());
        shown.put("user_name", more.path("user_name").isMissingNode() ? null : more.path("user_name").asString());
        shown.put("action", event.action());
        shown.put("object_type", event.objectType());
        shown.put("object_id", event.objectId());
        shown.put("created_at", event.createdAt().withOffsetSameInstant(ZoneOffset.UTC).toString());
        shown.put("details", "data_source".equals(event.objectType()) && "execute_query".equals(event.action())
                ? Map.of("query", more.path("query").asString(""), "data_source", event.objectId())
                : Map.of("object_id", String.valueOf(event.objectId()), "object_type", event.objectType()));
        shown.put("additional_properties", more);
        return shown;
    }

    private String csvLine(AuditEvents.Event event) {
        JsonNode more = json.readTree(event.additionalProperties());
        return String.join(",", List.of(String.valueOf(event.id()),
                event.createdAt().withOffsetSameInstant(ZoneOffset.UTC).toString(), String.valueOf(event.orgId()),
                event.userId() == null ? "" : String.valueOf(event.userId()),
                csv(more.path("user_name").asString("")), csv(event.action()), csv(event.objectType()),
                csv(event.objectId() == null ? "" : event.objectId()), csv(event.additionalProperties())));
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
    static String csv(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static void requireAdmin() {
        if (!CurrentUser.get().isAdmin()) {
            throw ApiException.forbidden("Only admins may read the audit log");
        }
    }

    private static void refuseUnknown(Map<String, String> params, Set<String> known) {
        params.keySet().stream().filter(name -> !known.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw ApiException.badRequest("'" + name + "' is not a filter of the audit log; the filters are "
                    + known.stream().sorted().toList());
        });
    }

    private static int number(Map<String, String> params, String name, int otherwise) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number, not '" + value + "'");
        }
    }
}

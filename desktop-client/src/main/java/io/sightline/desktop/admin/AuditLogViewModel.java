package io.sightline.desktop.admin;

import io.sightline.desktop.api.AuditEvent;
import io.sightline.desktop.api.AuditFilter;
import io.sightline.desktop.api.AuditLogClient;
import io.sightline.desktop.task.BackgroundTasks;
import io.sightline.desktop.widgets.TimeText;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Admin: the server's audit log, newest first, a page at a time, filtered as the server filters it (user id,
 * action, object type and id, a time range); the chosen event's whole JSON; the filter exported to a file through
 * the server's export. A load or export can be cancelled; the server's refusal of a filter is shown in its words.
 */
public final class AuditLogViewModel {

    public static final int PAGE_SIZE = 50;

    /** The actions the server records, offered in the action filter (any other text is sent as typed). */
    public static final List<String> ACTIONS = List.of("create", "edit", "delete", "archive", "fork", "login",
            "login_failed", "logout", "execute_query", "query_run_end", "pause", "resume", "disable", "enable",
            "regenerate_api_key", "add_member", "remove_member", "keep_member", "add_data_source",
            "change_data_source_permission", "remove_data_source", "change_schedule", "add_visualization", "edit_visualization",
            "remove_visualization", "add_widget", "edit_widget", "remove_widget");
    public static final List<String> OBJECT_TYPES = List.of("data_source", "user", "group", "query", "dashboard");

    /** Fields shown in their own columns, left out of the details column. */
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("ip", "user_agent", "user_name", "user_email",
            "outcome");

    /** One line of the table: the event and its texts as the columns show them. */
    public record Row(AuditEvent event, String time, String user, String action, String object, String address,
                      String outcome, String details) {
    }

    private final AuditLogClient client;
    private final BackgroundTasks tasks;
    private final ZoneId zone;
    private final int pageSize;
    private final StringProperty userId = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty objectType = new SimpleStringProperty("");
    private final StringProperty objectId = new SimpleStringProperty("");
    private final StringProperty since = new SimpleStringProperty("");
    private final StringProperty until = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final IntegerProperty page = new SimpleIntegerProperty(1);
    private final LongProperty count = new SimpleLongProperty(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    /** The filter of the page shown: paging and export keep it even while the fields are being edited. */
    private AuditFilter shownFilter = AuditFilter.NONE;
    private Future<?> running;
    /** Counts the loads and exports started: the answer of one superseded or cancelled is dropped. */
    private int started;

    public AuditLogViewModel(AuditLogClient client, BackgroundTasks tasks) {
        this(client, tasks, ZoneId.systemDefault());
    }

    /** {@code zone}: where the times are shown (the computer's own zone in the workbench). */
    public AuditLogViewModel(AuditLogClient client, BackgroundTasks tasks, ZoneId zone) {
        this(client, tasks, zone, PAGE_SIZE);
    }

    AuditLogViewModel(AuditLogClient client, BackgroundTasks tasks, ZoneId zone, int pageSize) {
        this.client = client;
        this.tasks = tasks;
        this.zone = zone;
        this.pageSize = pageSize;
        selected.addListener((obs, old, row) -> detail.set(row == null ? "" : row.event().json()));
    }

    /** Loads the first page of the filter as typed now. */
    public void search() {
        shownFilter = new AuditFilter(userId.get(), action.get(), objectType.get(), objectId.get(), since.get(),
                until.get());
        load(1);
    }

    /** Loads the page shown again (new events appear on the first page). */
    public void refresh() {
        load(page.get());
    }

    public void next() {
        if (hasNext().get()) {
            load(page.get() + 1);
        }
    }

    public void previous() {
        if (hasPrevious().get()) {
            load(page.get() - 1);
        }
    }

    /** Clears the filters and loads the newest events. */
    public void clearFilters() {
        for (StringProperty field : List.of(userId, action, objectType, objectId, since, until)) {
            field.set("");
        }
        search();
    }

    private void load(int wanted) {
        AuditFilter filter = shownFilter;
        int mine = start("Loading events\u2026");
        running = tasks.run("Loading the audit log", () -> client.page(filter, wanted, pageSize), answer -> {
            if (mine != started) {
                return;
            }
            finish();
            page.set(answer.page());
            count.set(answer.count());
            Long chosen = selected.get() == null ? null : selected.get().event().id();
            rows.setAll(answer.events().stream().map(this::row).toList());
            selected.set(rows.stream().filter(r -> chosen != null && r.event().id() == chosen).findFirst()
                    .orElse(null));
            pageText.set(answer.count() == 0 ? "No events match."
                    : "Events " + ((long) (answer.page() - 1) * pageSize + 1) + "\u2013"
                    + ((long) (answer.page() - 1) * pageSize + answer.events().size()) + " of " + answer.count()
                    + " (page " + answer.page() + " of " + pages(answer.count()) + ")");
        }, why -> failed(mine, why));
    }

    /**
     * Exports the events of the filter shown to {@code file} through the server's export, oldest first, in
     * {@code format} ({@code jsonl} or {@code csv}).
     */
    public void export(Path file, String format) {
        AuditFilter filter = shownFilter;
        int mine = start("Exporting to " + file.getFileName() + "\u2026");
        running = tasks.run("Exporting the audit log", () -> client.export(filter, format, file), done -> {
            if (mine != started) {
                return;
            }
            finish();
            message.set("Exported " + done.events() + (done.events() == 1 ? " event" : " events") + " to "
                    + file.getFileName() + " (the last few seconds' events come with the next export).");
        }, why -> failed(mine, why));
    }

    /** Stops the load or export under way; what was shown stays. */
    public void cancel() {
        Future<?> work = running;
        if (work != null && busy.get()) {
            work.cancel(true);
            started++;
            finish();
            message.set("Cancelled.");
        }
    }

    private int start(String what) {
        Future<?> previous = running;
        if (previous != null) {
            previous.cancel(true);
        }
        busy.set(true);
        progress.set(what);
        message.set("");
        error.set("");
        return ++started;
    }

    private void finish() {
        busy.set(false);
        progress.set("");
        running = null;
    }

    private void failed(int which, String why) {
        if (which != started) {
            return;
        }
        finish();
        error.set(why);
    }

    private long pages(long events) {
        return Math.max(1, (events + pageSize - 1) / pageSize);
    }

    Row row(AuditEvent event) {
        String user = event.userId() == null ? "(no one signed in)"
                : (event.userName().isEmpty() ? "user" : event.userName()) + " #" + event.userId();
        String object = event.objectType() + (event.objectId().isEmpty() ? "" : " " + event.objectId());
        return new Row(event, TimeText.seconds(event.createdAt().atZoneSameInstant(zone).toOffsetDateTime()), user,
                event.action(), object, event.clientAddress(), outcome(event), details(event));
    }

    /** The run's own outcome when it has one; a refused login failed; any other recorded change was done. */
    private static String outcome(AuditEvent event) {
        String own = event.text("outcome");
        if (!own.isEmpty()) {
            return own;
        }
        return event.action().endsWith("_failed") ? "failed" : "done";
    }

    private static String details(AuditEvent event) {
        StringBuilder text = new StringBuilder();
        event.properties().properties().forEach(field -> {
            if (!SHOWN_ELSEWHERE.contains(field.getKey()) && !field.getValue().isNull()) {
                text.append(text.isEmpty() ? "" : ", ").append(field.getKey()).append('=')
                        .append(event.text(field.getKey()).replaceAll("\\s+", " "));
            }
        });
        return text.length() > 200 ? text.substring(0, 199) + "\u2026" : text.toString();
    }

    public BooleanBinding hasNext() {
        return Bindings.createBooleanBinding(() -> page.get() < pages(count.get()), page, count);
    }

    public BooleanBinding hasPrevious() {
        return Bindings.createBooleanBinding(() -> page.get() > 1, page);
    }

    public StringProperty userIdProperty() {
        return userId;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty objectTypeProperty() {
        return objectType;
    }

    public StringProperty objectIdProperty() {
        return objectId;
    }

    public StringProperty sinceProperty() {
        return since;
    }

    public StringProperty untilProperty() {
        return until;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** The chosen event as the server sent it, pretty-printed JSON; empty when none is chosen. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public int page() {
        return page.get();
    }

    public long count() {
        return count.get();
    }

    /** "Events 1–50 of 123 (page 1 of 3)". */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is under way ("Loading events…"), empty when nothing is. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What was just done; empty after a failure. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last load or export failed, in the server's words. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}

package io.sightline.desktop.share;

import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Share dialog's embed-link section: the dashboard parameters the analyst fixes (and to what), the link's last
 * day, and the signed address the server gives back. An embed link is made from the working share link and ends
 * with it, so it can be made only while there is one.
 */
public final class EmbedLinkViewModel {

    /** Outcomes go to the dialog's message lines: the text, and whether it is a failure. */
    interface Reporter {
        void report(String text, boolean failed);
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final SharesClient client;
    private final BackgroundTasks tasks;
    private final long dashboardId;
    private final Clock clock;
    private final Consumer<String> clipboard;
    private final Reporter reporter;
    private final ObservableList<LockedParameter> parameters = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private OffsetDateTime expiresAt;

    EmbedLinkViewModel(SharesClient client, BackgroundTasks tasks, long dashboardId, Clock clock,
                       Consumer<String> clipboard, Reporter reporter) {
        this.client = client;
        this.tasks = tasks;
        this.dashboardId = dashboardId;
        this.clock = clock;
        this.clipboard = clipboard;
        this.reporter = reporter;
        shareLinkActive(false);
    }

    /** Signs a link that fixes the ticked parameters to their values, working through the last day (or 30 days). */
    public void make() {
        Map<String, String> locked = new TreeMap<>();
        for (LockedParameter parameter : parameters) {
            if (parameter.lockedProperty().get()) {
                String value = parameter.valueProperty().get() == null ? "" : parameter.valueProperty().get().strip();
                if (value.isEmpty()) {
                    reporter.report("Give '" + parameter.name() + "' a value to lock, or leave it free", true);
                    return;
                }
                locked.put(parameter.name(), value);
            }
        }
        LocalDate day = lastDay.get();
        if (day != null && day.isBefore(LocalDate.now(clock))) {
            reporter.report("The embed link's last day " + day + " has passed: choose today or a later day", true);
            return;
        }
        OffsetDateTime end = day == null ? null : endOf(day, clock);
        busy.set(true);
        tasks.run("Making the embed link", () -> client.embed(dashboardId, end, locked), link -> {
            busy.set(false);
            expiresAt = link.expiresAt();
            url.set(link.url());
            String fixed = link.lockedParameters().isEmpty() ? "no parameter locked"
                    : "locks " + String.join(", ", link.lockedParameters().entrySet().stream()
                            .map(e -> e.getKey() + " = " + e.getValue()).toList());
            status.set("Embed link " + fixed + "; works until " + when(link.expiresAt(), clock) + ".");
            reporter.report("Made the embed link: the preview shows it.", false);
        }, failure -> {
            busy.set(false);
            reporter.report(failure, true);
        });
    }

    public void copy() {
        if (!url.get().isEmpty()) {
            clipboard.accept(url.get());
            reporter.report("Copied the embed link to the clipboard.", false);
        }
    }

    void setParameters(Map<String, Object> values) {
        Map<String, LockedParameter> before = new TreeMap<>();
        parameters.forEach(p -> before.put(p.name(), p));
        parameters.setAll(values.entrySet().stream().map(e -> before.containsKey(e.getKey()) ? before.get(e.getKey())
                : new LockedParameter(e.getKey(), SharesClient.asText(e.getValue()))).toList());
    }

    /** Whether the dashboard has a working share link to make embed links from. */
    void shareLinkActive(boolean active) {
        available.set(active);
        if (!active && url.get().isEmpty()) {
            status.set("Share the dashboard first: an embed link is made from its link and ends with it.");
        } else if (active && url.get().isEmpty()) {
            status.set("No embed link made yet.");
        }
    }

    /** The share link changed: embed links made from the one before no longer work. */
    void clear() {
        url.set("");
        expiresAt = null;
        shareLinkActive(available.get());
    }

    void recheck() {
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now(clock))) {
            status.set("The embed link expired on " + when(expiresAt, clock) + ".");
        }
    }

    /** The end of {@code day} in the clock's zone: a link "through 31 January" works until 23:59 that day. */
    static OffsetDateTime endOf(LocalDate day, Clock clock) {
        return day.atTime(23, 59).atZone(clock.getZone()).toOffsetDateTime();
    }

    /** A time as the dialog shows it, in the clock's zone: {@code 31 Jan 2027, 23:59}. */
    static String when(OffsetDateTime time, Clock clock) {
        return time == null ? "an unknown time" : SHOWN.format(time.atZoneSameInstant(clock.getZone()));
    }

    /** The dashboard parameters, each free or locked to a value. */
    public ObservableList<LockedParameter> parameters() {
        return parameters;
    }

    /** The embed link's last day; null: the server's default of 30 days. */
    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    /** The signed address; empty until one is made. */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether an embed link can be made now (the dashboard has a working share link). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

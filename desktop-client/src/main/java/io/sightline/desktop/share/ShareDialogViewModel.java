package io.sightline.desktop.share;

import io.sightline.desktop.api.SharesClient;
import io.sightline.desktop.api.SharesClient.ShareLink;
import io.sightline.desktop.task.ActionStatus;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A dashboard's Share dialog: its public link (none, active until a date or until revoked, expired), made with an
 * optional last day, copied, revoked; the signed embed links of {@link #embed()}; and the address the preview shows,
 * the page exactly as whoever gets the link sees it. The server's refusals (a query a viewer could change, someone
 * else's dashboard) are shown as it words them.
 */
public final class ShareDialogViewModel {

    /** What the dashboard's public link is now. */
    public enum LinkState { NONE, ACTIVE, EXPIRED }

    private final SharesClient client;
    private final ActionStatus action;
    private final long dashboardId;
    private final Clock clock;
    private final Consumer<String> clipboard;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LinkState> state = new ReadOnlyObjectWrapper<>(LinkState.NONE);
    private final ReadOnlyStringWrapper publicUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OffsetDateTime> expiresAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>();
    private final BooleanProperty previewEmbed = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper previewUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper previewLoads = new ReadOnlyIntegerWrapper();
    private final EmbedLinkViewModel embed;
    /** The link made in this dialog: once it has ended the server answers no link, and the dialog says it expired. */
    private ShareLink made;
    private String revokedUrl = "";

    /**
     * @param clock the time and zone a last day is read in, and expiries checked against
     * @param clipboard where Copy puts a link (the system clipboard in the application)
     */
    public ShareDialogViewModel(SharesClient client, BackgroundTasks tasks, long dashboardId, Clock clock,
                                Consumer<String> clipboard) {
        this.client = client;
        this.action = new ActionStatus(tasks);
        this.dashboardId = dashboardId;
        this.clock = clock;
        this.clipboard = clipboard;
        this.embed = new EmbedLinkViewModel(client, tasks, dashboardId, clock, clipboard, this::report);
        embed.urlProperty().addListener((obs, old, url) -> {
            if (!url.isEmpty()) {
                previewEmbed.set(true);
            }
            showPreview();
        });
        previewEmbed.addListener((obs, old, embedded) -> showPreview());
    }

    /** Reads the dashboard's link and parameters from the server. */
    public void load() {
        action.run("Reading the dashboard's share link", () -> client.shared(dashboardId), shared -> {
            name.set(shared.name());
            embed.setParameters(shared.parameters());
            ShareLink link = shared.link();
            if (link != null) {
                boolean same = made != null && made.token().equals(link.token());
                show(same ? made : link);
            } else if (made != null && made.expiresAt() != null && !made.expiresAt().isAfter(now())) {
                expire();
            } else {
                show(null);
            }
        });
    }

    /** Makes a new link (ending the one before) that works through {@link #lastDayProperty()}, or until revoked. */
    public void share() {
        LocalDate day = lastDay.get();
        if (day != null && day.isBefore(LocalDate.now(clock))) {
            fail("The last day " + day + " has passed: choose today or a later day, or none");
            return;
        }
        OffsetDateTime end = day == null ? null : EmbedLinkViewModel.endOf(day, clock);
        action.run("Sharing the dashboard", () -> client.share(dashboardId, end), link -> {
            made = link;
            embed.clear();
            previewEmbed.set(false);
            show(link);
            action.done("Shared: anyone with the link sees this dashboard" + (end == null ? " until you revoke it."
                    : " until " + EmbedLinkViewModel.when(end, clock) + "."));
        });
    }

    /** Ends the link and every embed link made from it, at once (the view asks first). */
    public void revoke() {
        String url = publicUrl.get();
        action.run("Revoking the link", () -> {
            client.revoke(dashboardId);
            return url;
        }, revoked -> {
            made = null;
            revokedUrl = revoked;
            embed.clear();
            previewEmbed.set(false);
            show(null);
            action.done("Revoked: the link and its embed links no longer work.");
        });
    }

    /** Puts the link on the clipboard. */
    public void copyLink() {
        if (!publicUrl.get().isEmpty()) {
            clipboard.accept(publicUrl.get());
            report("Copied the link to the clipboard.", false);
        }
    }

    /** Checks the known end against the clock (the dialog calls this now and then): a passed one is expired. */
    public void recheck() {
        OffsetDateTime end = expiresAt.get();
        if (state.get() == LinkState.ACTIVE && end != null && !end.isAfter(now())) {
            expire();
        }
        embed.recheck();
    }

    private void show(ShareLink link) {
        state.set(link == null ? LinkState.NONE : LinkState.ACTIVE);
        publicUrl.set(link == null ? "" : link.publicUrl());
        expiresAt.set(link == null ? null : link.expiresAt());
        embed.shareLinkActive(link != null);
        if (link != null) {
            revokedUrl = "";
        }
        status.set(link == null ? "Not shared: only people with an account see this dashboard."
                : link.expiresAt() != null ? "Shared until " + EmbedLinkViewModel.when(link.expiresAt(), clock) + "."
                : "Shared until you revoke it.");
        showPreview();
    }

    private void expire() {
        OffsetDateTime end = made != null ? made.expiresAt() : expiresAt.get();
        String url = made != null ? made.publicUrl() : publicUrl.get();
        state.set(LinkState.EXPIRED);
        publicUrl.set(url);
        expiresAt.set(end);
        embed.shareLinkActive(false);
        status.set("Expired on " + EmbedLinkViewModel.when(end, clock) + ": the link no longer works."
                + " Make a new one to share again.");
        showPreview();
    }

    private void showPreview() {
        String embedUrl = embed.urlProperty().get();
        previewUrl.set(previewEmbed.get() && !embedUrl.isEmpty() ? embedUrl
                : !publicUrl.get().isEmpty() ? publicUrl.get() : revokedUrl);
        previewLoads.set(previewLoads.get() + 1);
    }

    private void fail(String why) {
        action.failed(why);
    }

    /** The embed section's outcome, shown in the dialog's message lines. */
    private void report(String text, boolean failed) {
        if (failed) {
            action.failed(text);
        } else {
            action.done(text);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public EmbedLinkViewModel embed() {
        return embed;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LinkState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The page of the link; empty without one. */
    public ReadOnlyStringProperty publicUrlProperty() {
        return publicUrl.getReadOnlyProperty();
    }

    /** When the link stops working; null: until revoked, or not known. */
    public ReadOnlyObjectProperty<OffsetDateTime> expiresAtProperty() {
        return expiresAt.getReadOnlyProperty();
    }

    /** One sentence on the link: not shared, shared until when, expired. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last day a new link works (through its end, in the clock's zone); null: until revoked. */
    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    /** What was just done ("Copied ..."); empty after a failure. */
    public ReadOnlyStringProperty messageProperty() {
        return action.messageProperty();
    }

    /** Why the last action failed, in the server's words; empty after a success. */
    public ReadOnlyStringProperty errorProperty() {
        return action.errorProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return action.busyProperty();
    }

    /** Whether the preview shows the embed link (when one was made) rather than the public link. */
    public BooleanProperty previewEmbedProperty() {
        return previewEmbed;
    }

    /** The page the preview shows: the public link, the embed link, or a just revoked link; empty for none. */
    public ReadOnlyStringProperty previewUrlProperty() {
        return previewUrl.getReadOnlyProperty();
    }

    /** Counts the times the preview should load its page afresh (the address may be the same, the page not). */
    public ReadOnlyIntegerProperty previewLoadsProperty() {
        return previewLoads.getReadOnlyProperty();
    }
}

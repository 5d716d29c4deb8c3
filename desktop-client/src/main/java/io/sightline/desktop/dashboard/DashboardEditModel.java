package io.sightline.desktop.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.desktop.api.ApiException;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.VisualizationChoice;
import io.sightline.desktop.dashboard.WidgetViewModel.Position;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Edit mode of an opened dashboard: widgets moved and resized on the grid (those they overlap pushed down), text
 * and visualization widgets added, widgets removed, all kept in the view until Save writes them (each widget
 * apart, as Redash does: {@code POST /api/widgets}, {@code POST /api/widgets/{id}}, {@code DELETE
 * /api/widgets/{id}}) and shows the dashboard as the server then has it. When a call fails, the message says
 * what was saved before it. A save first claims the dashboard at the version editing started from, so that two
 * editors do not silently overwrite each other's layouts: the second is told, keeps their changes, and may save
 * them over the first's.
 */
public final class DashboardEditModel {

    private final DashboardViewModel dashboard;
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final List<WidgetViewModel> removed = new ArrayList<>();
    /** The dashboard's version the changes are made to: the one shown when editing started, or the newer one seen. */
    private long baseVersion;

    DashboardEditModel(DashboardViewModel dashboard) {
        this.dashboard = dashboard;
    }

    /** Starts editing the dashboard shown (for those who may edit it). */
    public void start() {
        if (!dashboard.canEditProperty().get() || editing.get()) {
            return;
        }
        dashboard.cancel();
        removed.clear();
        baseVersion = dashboard.version();
        editing.set(true);
    }

    /** Puts {@code widget} at {@code where}, pushing down the widgets it would overlap. */
    public void move(WidgetViewModel widget, Position where) {
        widget.moveTo(where);
        Map<WidgetViewModel, Position> layout = new IdentityHashMap<>();
        for (WidgetViewModel each : dashboard.widgets()) {
            layout.put(each, each.position());
        }
        GridLayout.pushedDown(layout, widget).forEach((each, position) -> {
            if (!position.equals(each.position())) {
                each.moveTo(position);
            }
        });
    }

    /** Takes {@code widget} off the dashboard (the view asks for confirmation first). */
    public void remove(WidgetViewModel widget) {
        if (dashboard.widgets().remove(widget) && widget.id() != 0) {
            removed.add(widget);
        }
    }

    /** Adds a text widget with {@code markdown}, half the width, below the others. */
    public WidgetViewModel addText(String markdown) {
        WidgetViewModel text = WidgetViewModel.newText(markdown,
                GridLayout.below(dashboard.widgets().stream().map(WidgetViewModel::position).toList(), 6, 3));
        dashboard.widgets().add(text);
        return text;
    }

    /** Adds a widget showing {@code choice}, half the width, below the others, and loads its result. */
    public WidgetViewModel addVisualization(VisualizationChoice choice) {
        WidgetViewModel widget = WidgetViewModel.newVisualization(choice,
                GridLayout.below(dashboard.widgets().stream().map(WidgetViewModel::position).toList(), 6, 8));
        dashboard.widgets().add(widget);
        dashboard.load(widget, -1);
        return widget;
    }

    /**
     * How each of {@code widget}'s query parameters gets its value: its saved mapping, else Redash's default
     * (a widget-level value under the parameter's own name).
     */
    public List<ParameterMapping> mappings(WidgetViewModel widget) {
        Map<String, Object> saved = widget.parameterMappings();
        List<ParameterMapping> rows = new ArrayList<>();
        for (String name : widget.queryParameterNames()) {
            Map<?, ?> mapping = saved.get(name) instanceof Map<?, ?> m ? m : Map.of();
            String type = mapping.get("type") instanceof String t ? t : ParameterMapping.WIDGET_LEVEL;
            String mapTo = mapping.get("mapTo") instanceof String m && !m.isBlank() ? m : name;
            Object value = mapping.get("value");
            rows.add(new ParameterMapping(name, widget.queryParameterTitle(name), type, mapTo,
                    value == null ? "" : String.valueOf(value)));
        }
        return rows;
    }

    /**
     * Sets {@code widget}'s parameter mappings (written on Save): a dashboard-level one under its {@code mapTo}
     * name, a static one with its value.
     *
     * @throws IllegalArgumentException naming the parameter, for a dashboard-level one without a name
     */
    public void mapParameters(WidgetViewModel widget, List<ParameterMapping> rows) {
        Map<String, Object> mappings = new LinkedHashMap<>();
        for (ParameterMapping row : rows) {
            if (ParameterMapping.DASHBOARD_LEVEL.equals(row.type()) && row.mapTo().isBlank()) {
                throw new IllegalArgumentException("Name the dashboard parameter \"" + row.name() + "\" maps to.");
            }
            Map<String, Object> mapping = new LinkedHashMap<>();
            mapping.put("name", row.name());
            mapping.put("type", row.type());
            mapping.put("mapTo", ParameterMapping.DASHBOARD_LEVEL.equals(row.type()) ? row.mapTo().strip() : row.name());
            mapping.put("value", ParameterMapping.STATIC_VALUE.equals(row.type()) ? row.value() : null);
            mapping.put("title", "");
            mappings.put(row.name(), mapping);
        }
        widget.mapParameters(mappings);
    }

    /** The picker "Add visualization…" opens. */
    public VisualizationPickerModel picker() {
        return new VisualizationPickerModel(dashboard.client(), dashboard.tasks());
    }

    /** Leaves edit mode, showing the dashboard as it was saved. */
    public void cancel() {
        if (!editing.get()) {
            return;
        }
        editing.set(false);
        removed.clear();
        dashboard.reshow();
    }

    /** A change to write, described for the message when a later one fails. */
    private record Change(String what, SaveCall call) {
    }

    @FunctionalInterface
    private interface SaveCall {
        void run(DashboardsClient client);
    }

    /**
     * What a save did: the dashboard as the server has it afterwards, and the failure that stopped it, if any; or,
     * with {@code newerVersion}, nothing, because someone saved the dashboard after editing started.
     */
    private record Saved(Dashboard dashboard, List<String> done, String failure, int total, Long newerVersion) {

        static Saved refused(long newerVersion) {
            return new Saved(null, List.of(), null, 0, newerVersion);
        }
    }

    /**
     * Writes the removed, added, moved and resized widgets, then shows the dashboard as the server has it and
     * leaves edit mode. On a failure the rest is not written; the header says what was.
     */
    public void save() {
        if (!editing.get() || saving.get()) {
            return;
        }
        long dashboardId = dashboard.id();
        List<Change> changes = new ArrayList<>();
        for (WidgetViewModel widget : removed) {
            changes.add(new Change("removed " + describe(widget), client -> client.removeWidget(widget.id())));
        }
        for (WidgetViewModel widget : dashboard.widgets()) {
            Map<String, Object> options = widget.optionsToSave();
            if (widget.id() == 0) {
                String text = widget.text();
                Long visualization = widget.visualizationId();
                changes.add(new Change("added " + describe(widget),
                        client -> client.addWidget(dashboardId, visualization, text, options)));
            } else if (widget.changed()) {
                changes.add(new Change((widget.moved() ? "placed " : "mapped the parameters of ") + describe(widget),
                        client -> client.updateWidget(widget.id(), options)));
            }
        }
        saving.set(true);
        dashboard.message("");
        DashboardsClient client = dashboard.client();
        long claimed = baseVersion;
        dashboard.tasks().run("Saving the dashboard", () -> {
            try {
                client.claim(dashboardId, claimed);
            } catch (ApiException e) {
                if (!e.conflict()) {
                    throw e;
                }
                return Saved.refused(client.dashboard(dashboardId).version());
            }
            List<String> done = new ArrayList<>();
            String failure = null;
            for (Change change : changes) {
                try {
                    change.call().run(client);
                    done.add(change.what());
                } catch (RuntimeException e) {
                    failure = e.getMessage() == null ? e.toString() : e.getMessage();
                    break;
                }
            }
            try {
                return new Saved(client.dashboard(dashboardId), done, failure, changes.size(), null);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Saved " + done.size() + " of " + changes.size()
                        + " changes, then could not reload the dashboard: " + e.getMessage(), e);
            }
        }, saved -> {
            saving.set(false);
            if (saved.newerVersion() != null) {
                baseVersion = saved.newerVersion();
                dashboard.message("Not saved: someone saved this dashboard after you started editing (it is now"
                        + " version " + saved.newerVersion() + "). Save again to write your changes over theirs,"
                        + " or Cancel to see theirs.");
                return;
            }
            editing.set(false);
            removed.clear();
            dashboard.showSaved(saved.dashboard());
            if (saved.failure() != null) {
                dashboard.message("Saving stopped: " + saved.failure() + " Saved " + saved.done().size() + " of "
                        + saved.total() + " changes" + (saved.done().isEmpty() ? "." : " (" + String.join(", ",
                        saved.done()) + ")."));
            }
        }, failure -> {
            saving.set(false);
            dashboard.message("Could not save the dashboard: " + failure);
        });
    }

    private static String describe(WidgetViewModel widget) {
        return switch (widget.kind()) {
            case VISUALIZATION -> "\"" + widget.title() + "\"";
            case TEXT -> "a text widget";
            case RESTRICTED -> "a restricted widget";
        };
    }

    /** Whether the dashboard is in edit mode. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** Whether a save is running. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The widgets' places now, by id (new widgets, not saved yet, left out). */
    public Map<Long, Position> layout() {
        Map<Long, Position> layout = new LinkedHashMap<>();
        dashboard.widgets().stream().filter(w -> w.id() != 0).forEach(w -> layout.put(w.id(), w.position()));
        return layout;
    }
}

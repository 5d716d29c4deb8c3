package io.sightline.desktop.visualization;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.api.VisualizationsClient;
import io.sightline.desktop.task.BackgroundTasks;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The visualizations of the query a tab shows, and the result they draw (read whole, up to
 * {@link VisualizationsClient#MAX_ROWS} rows, when a run's result is shown). No controls here: the view draws.
 */
public final class VisualizationsViewModel {

    private final VisualizationsClient client;
    private final BackgroundTasks tasks;
    private final ObservableList<Visualization> visualizations = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ResultData> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> queryId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long resultId = -1;

    public VisualizationsViewModel(VisualizationsClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    /** The saved query's visualizations (none for a query not saved yet), oldest first. */
    public void load(Long query, List<Visualization> saved) {
        queryId.set(query);
        visualizations.setAll(saved == null ? List.of() : saved.stream()
                .sorted(Comparator.comparingLong(Visualization::id)).toList());
    }

    /** Reads result {@code id} whole, for drawing. */
    public void showResult(long id) {
        resultId = id;
        message.set("");
        tasks.run("Reading the result for the charts", () -> client.result(id), data -> {
            if (resultId == id) {
                result.set(data);
            }
        }, failure -> {
            if (resultId == id) {
                message.set(failure);
            }
        });
    }

    public void clear() {
        resultId = -1;
        result.set(null);
    }

    /** A visualization saved by the editor: replaces the one with its id, else is added last. */
    public void saved(Visualization visualization) {
        for (int i = 0; i < visualizations.size(); i++) {
            if (visualizations.get(i).id() == visualization.id()) {
                visualizations.set(i, visualization);
                return;
            }
        }
        visualizations.add(visualization);
    }

    /** Deletes a visualization on the server, then here. */
    public void delete(Visualization visualization, Runnable onDeleted) {
        tasks.run("Deleting the visualization", () -> {
            client.delete(visualization.id());
            return visualization;
        }, gone -> {
            visualizations.remove(gone);
            onDeleted.run();
        }, message::set);
    }

    /** An editor for a new visualization of this query, or null while the query is not saved. */
    public VisualizationEditorViewModel newVisualization() {
        return queryId.get() == null ? null
                : new VisualizationEditorViewModel(client, tasks, queryId.get(), null, result.get(), this::saved);
    }

    /** An editor of a saved visualization. */
    public VisualizationEditorViewModel edit(Visualization visualization) {
        return new VisualizationEditorViewModel(client, tasks, queryId.get(), visualization, result.get(),
                this::saved);
    }

    public ObservableList<Visualization> visualizations() {
        return visualizations;
    }

    public ReadOnlyObjectProperty<ResultData> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> queryIdProperty() {
        return queryId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

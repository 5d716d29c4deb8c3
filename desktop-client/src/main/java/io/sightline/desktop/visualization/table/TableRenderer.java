package io.sightline.desktop.visualization.table;

import io.sightline.common.visualization.ResultData;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableOptions;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;

/**
 * {@code TABLE}: the visible columns in their saved order and titles, each cell formatted as its column says
 * (numbers with thousands separators and decimals, dates, booleans, links from templates that open in the
 * browser), sorted by a click on a header over the whole result, searched over the columns that allow it, a page
 * of {@code itemsPerPage} rows at a time; cells and rows coloured by Sightline's conditional colours
 * ({@code sightline.cellColors}).
 */
public final class TableRenderer implements VisualizationRenderer {

    @Override
    public Node render(Map<String, Object> saved, ResultData result) {
        TableOptions options = new TableOptions(saved, CurrentFormats.get());
        List<TableColumn> columns = options.columns(result.columns()).stream().filter(TableColumn::visible).toList();
        return new PagedTable(columns, result.rows(), options.itemsPerPage(), options.cellColors(result.columns(), result.rows()))
                .root();
    }
}

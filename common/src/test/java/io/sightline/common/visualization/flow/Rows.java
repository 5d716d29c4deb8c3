package io.sightline.common.visualization.flow;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A result built from column names and rows of cells, for the tests. */
final class Rows {

    private Rows() {
    }

    static ResultData of(List<String> columns, Object[]... rows) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object[] cells : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), cells[i]);
            }
            maps.add(row);
        }
        return new ResultData(columns.stream().map(c -> new ResultColumn(c, null)).toList(), maps);
    }
}

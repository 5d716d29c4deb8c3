package io.sightline.common.visualization;

import java.util.List;
import java.util.Map;

/** A query result as renderers get it: columns with Redash's type names, rows keyed by column name. */
public record ResultData(List<ResultColumn> columns, List<Map<String, Object>> rows) {

    public ResultColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}

package io.sightline.server.alert;

import io.sightline.common.api.execution.Column;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.query.SavedQuery;
import io.sightline.server.result.ResultStore;
import io.sightline.server.result.StoredResult;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Evaluates an alert against a stored result (its query's latest one unless told which). */
@Component
class AlertChecks {

    static final int ROWS_KEPT = 50;
    /** min and max read every row; results are bounded by the data source's row limit, this bounds it again. */
    static final int MAX_ROWS_READ = 1_000_000;

    private final ResultStore results;
    private final SavedQueries queries;
    private final AlertService alerts;

    AlertChecks(ResultStore results, SavedQueries queries, AlertService alerts) {
        this.results = results;
        this.queries = queries;
        this.alerts = alerts;
    }

    /** Empty when the query no longer exists. */
    Optional<AlertCheck> check(AlertRow alert, Long resultId) {
        Optional<SavedQuery> query = queries.find(alert.queryId());
        if (query.isEmpty()) {
            return Optional.empty();
        }
        AlertOptions options = alerts.options(alert);
        Long id = resultId != null ? resultId : query.get().latestQueryDataId();
        Optional<StoredResult> result = id == null ? Optional.empty() : results.find(id);
        if (result.isEmpty()) {
            return Optional.of(new AlertCheck(alert, options, query.get(), List.of(), List.of(), 0, null,
                    new AlertEvaluator.Evaluation(AlertEvaluator.UNKNOWN, null)));
        }
        StoredResult stored = result.get();
        List<String> names = stored.columns().stream().map(Column::name).toList();
        boolean allRows = !options.selector().equals("first");
        List<Object[]> rows = results.rows(stored, 0, allRows ? MAX_ROWS_READ : ROWS_KEPT);
        var evaluation = AlertEvaluator.evaluate(options, names, rows);
        int index = names.indexOf(options.column());
        Object first = rows.isEmpty() || index < 0 ? null : rows.get(0)[index];
        List<Object[]> kept = rows.size() > ROWS_KEPT ? List.copyOf(rows.subList(0, ROWS_KEPT)) : rows;
        return Optional.of(new AlertCheck(alert, options, query.get(), stored.columns(), kept, stored.rowCount(),
                first, evaluation));
    }
}

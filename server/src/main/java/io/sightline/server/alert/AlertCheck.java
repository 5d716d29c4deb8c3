package io.sightline.server.alert;

import io.sightline.common.api.execution.Column;
import io.sightline.server.query.SavedQuery;
import java.util.List;

/**
 * One evaluation of an alert against a result: what the templates and notifications of a transition are made of.
 *
 * @param rows the result's first rows (at most {@link AlertChecks#ROWS_KEPT}), for {@code QUERY_RESULT_TABLE}
 * @param firstValue the first row's value of the alert's column (Redash's {@code QUERY_RESULT_VALUE})
 */
record AlertCheck(AlertRow alert, AlertOptions options, SavedQuery query, List<Column> columns, List<Object[]> rows,
                  long rowCount, Object firstValue, AlertEvaluator.Evaluation evaluation) {

    String newState() {
        return evaluation.state();
    }
}

package io.sightline.server.alert;

import io.sightline.common.alert.AlertCondition;
import java.util.List;

/** An alert's options against a result, by the rules common's {@link AlertCondition} shares with the desktop. */
final class AlertEvaluator {

    static final String UNKNOWN = AlertCondition.UNKNOWN;
    static final String OK = AlertCondition.OK;
    static final String TRIGGERED = AlertCondition.TRIGGERED;

    /** @param value what was compared (null when there was nothing to compare) */
    record Evaluation(String state, Object value) {
    }

    private AlertEvaluator() {
    }

    /** @param columns the result's column names; rows hold values in that order */
    static Evaluation evaluate(AlertOptions options, List<String> columns, List<Object[]> rows) {
        var shared = AlertCondition.evaluate(options.column(), options.op(), options.threshold(), options.selector(),
                columns, rows);
        return new Evaluation(shared.state(), shared.value());
    }

    static String nextState(String op, Object value, Object threshold) {
        return AlertCondition.nextState(op, value, threshold);
    }
}

package io.sightline.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redash's {@code next_state} and selectors, value by value. */
class AlertEvaluatorTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "50, >, 10, triggered",
            "5, >, 10, ok",
            "10, >=, 10, triggered",
            "9.5, <, 10, triggered",
            "10, <=, 10, triggered",
            "10, ==, 10, triggered",
            "10, !=, 10, ok",
            "11, greater than, 10, triggered",
            "9, less than, 10, triggered",
            "10, equals, 10.0, triggered",
            "'12', >, 10, triggered",
            "abc, ==, abc, triggered",
            "abc, !=, abd, triggered",
            "abc, ==, abd, ok",
            "abc, >, abd, unknown",
            "5, >, ten, unknown",
    })
    void nextStateAsRedash(String value, String op, String threshold, String expected) {
        assertThat(AlertEvaluator.nextState(op, value, threshold)).isEqualTo(expected);
    }

    @Test
    void numbersOfEveryKindAndBooleans() {
        assertThat(AlertEvaluator.nextState(">", new BigDecimal("10.01"), 10)).isEqualTo("triggered");
        assertThat(AlertEvaluator.nextState(">", 11L, "10")).isEqualTo("triggered");
        assertThat(AlertEvaluator.nextState("==", true, "true")).isEqualTo("triggered");
        assertThat(AlertEvaluator.nextState("==", false, "true")).isEqualTo("ok");
        assertThat(AlertEvaluator.nextState("==", "1e3", 1000)).isEqualTo("triggered");
        assertThat(AlertEvaluator.nextState("==", "1d", 1)).as("Java's suffixes are not numbers in Python")
                .isEqualTo("ok");
    }

    @Test
    void selectorsFirstMinAndMax() {
        List<String> columns = List.of("region", "n");
        List<Object[]> rows = List.of(new Object[] {"eu", 5}, new Object[] {"us", 90}, new Object[] {"ap", null},
                new Object[] {"sa", 1});
        assertThat(evaluate("first", ">", 10, columns, rows)).isEqualTo(new AlertEvaluator.Evaluation("ok", 5));
        assertThat(evaluate("max", ">", 10, columns, rows).state()).isEqualTo("triggered");
        assertThat(evaluate("max", ">", 10, columns, rows).value()).isEqualTo(90.0);
        assertThat(evaluate("min", "<", 2, columns, rows).state()).isEqualTo("triggered");
    }

    @Test
    void nothingToCompareIsUnknown() {
        List<String> columns = List.of("n");
        assertThat(evaluate("first", ">", 1, columns, List.of()).state()).isEqualTo("unknown");
        assertThat(evaluate("first", ">", 1, List.of("other"), List.<Object[]>of(new Object[] {5})).state())
                .isEqualTo("unknown");
        List<Object[]> nulls = new ArrayList<>();
        nulls.add(new Object[] {null});
        assertThat(evaluate("first", ">", 1, columns, nulls).state()).isEqualTo("unknown");
        assertThat(evaluate("max", ">", 1, columns, List.<Object[]>of(new Object[] {"many"})).state())
                .as("max of a text").isEqualTo("unknown");
    }

    @Test
    void rearmRenotifiesOnlyWhileTriggeredAndAfterItsSeconds() {
        OffsetDateTime now = OffsetDateTime.now();
        AlertRow triggered = row("triggered", now.minusSeconds(30), 20);
        assertThat(AlertTransitions.shouldNotify(triggered, "triggered", now)).isTrue();
        assertThat(AlertTransitions.shouldNotify(row("triggered", now.minusSeconds(10), 20), "triggered", now)).isFalse();
        assertThat(AlertTransitions.shouldNotify(row("triggered", now.minusSeconds(30), null), "triggered", now)).isFalse();
        assertThat(AlertTransitions.shouldNotify(row("ok", now.minusSeconds(30), 20), "ok", now)).isFalse();
        assertThat(AlertTransitions.shouldNotify(row("ok", null, null), "triggered", now)).isTrue();
    }

    private static AlertRow row(String state, OffsetDateTime lastTriggered, Integer rearm) {
        return new AlertRow(1, "a", 1, 1, "{}", state, lastTriggered, rearm, OffsetDateTime.now(), OffsetDateTime.now());
    }

    private static AlertEvaluator.Evaluation evaluate(String selector, String op, Object threshold, List<String> columns,
                                                      List<Object[]> rows) {
        Map<String, Object> options = new HashMap<>(Map.of("column", "n", "op", op, "value", threshold,
                "selector", selector));
        return AlertEvaluator.evaluate(AlertOptions.validated(options), columns, rows);
    }

}

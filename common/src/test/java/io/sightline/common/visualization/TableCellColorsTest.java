package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.TableCellColors.CellColor;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TableCellColorsTest {

    private static final List<ResultColumn> RESULT = List.of(new ResultColumn("city", "string"),
            new ResultColumn("revenue", "float"), new ResultColumn("opened", "date"));
    private static final CellColor RED = new CellColor("#f8d7da", "#000000");
    private static final CellColor NAVY = new CellColor("#1f3a93", "#ffffff");

    @ParameterizedTest(name = "revenue {0} {1}: {2} is coloured {3}")
    @CsvSource({
        ">, 100, 100.5, true", ">, 100, 100, false", ">=, 100, 100, true", "<, 100, 99.99, true",
        "<=, 100, 100.0, true", "=, 100, 100.00, true", "=, 100, 1000, false", "!=, 100, 99, true",
        "'>', 9, 10, true", // 10 > 9 as numbers, though '10' < '9' as text
        "contains, 00, 1000, true", "empty, '', '', true", "notEmpty, '', 5, true", "empty, '', 5, false"})
    void aNumericColumnComparesNumbers(String op, String value, String cell, boolean coloured) {
        TableCellColors colors = colors(rule("revenue", op, value.isEmpty() ? null : value, "#f8d7da", false));
        Map<String, Object> row = row("Oslo", cell.isEmpty() ? null : new BigDecimal(cell));
        assertThat(colors.color("revenue", row)).isEqualTo(coloured ? java.util.Optional.of(RED)
                : java.util.Optional.empty());
    }

    @ParameterizedTest(name = "city {0} {1}: {2} is coloured {3}")
    @CsvSource({
        "=, oslo, Oslo, true", "!=, Oslo, Lisbon, true", "contains, IS, Lisbon, true", "contains, x, Lisbon, false",
        "<, M, Lisbon, true", "<, M, Oslo, false", "empty, '', '  ', true", "notEmpty, '', '  ', false"})
    void aTextColumnComparesTextIgnoringCase(String op, String value, String cell, boolean coloured) {
        TableCellColors colors = colors(rule("city", op, value.isEmpty() ? null : value, "#f8d7da", false));
        assertThat(colors.color("city", row(cell, 1)).isPresent()).isEqualTo(coloured);
    }

    @Test
    void anIsoDateOrdersAsTextAndAnEmptyCellMatchesOnlyEmpty() {
        TableCellColors colors = colors(rule("opened", ">=", "2026-01-01", "#f8d7da", false));
        Map<String, Object> row = new HashMap<>(row("Oslo", 1));
        row.put("opened", "2026-03-04");
        assertThat(colors.color("opened", row)).contains(RED);
        row.put("opened", "2025-12-31");
        assertThat(colors.color("opened", row)).isEmpty();
        assertThat(colors(rule("revenue", "!=", "5", "#f8d7da", false)).color("revenue", row("Oslo", null)))
                .as("no value is not 'other than 5'").isEmpty();
    }

    @Test
    void theFirstMatchingRuleWinsAndARowRuleColoursEveryCellOfTheRow() {
        TableCellColors colors = colors(
                rule("revenue", ">", 1000, "#1f3a93", true),
                rule("revenue", ">", 10, "#f8d7da", false),
                rule("city", "=", "Oslo", "#fff3cd", false));
        Map<String, Object> big = row("Oslo", 5000);
        assertThat(colors.color("revenue", big)).contains(NAVY);
        assertThat(colors.color("city", big)).as("the row rule comes first").contains(NAVY);
        Map<String, Object> middling = row("Oslo", 50);
        assertThat(colors.color("revenue", middling)).contains(RED);
        assertThat(colors.color("city", middling)).contains(new CellColor("#fff3cd", "#000000"));
        assertThat(colors.color("opened", middling)).as("a cell rule colours its own column only").isEmpty();
    }

    @Test
    void theTextIsWhiteOnADarkBackgroundAndBlackOnALightOneAndShortColoursAreWrittenLong() {
        assertThat(colors(rule("revenue", ">", 0, "#000", false)).color("revenue", row("A", 1)))
                .contains(new CellColor("#000000", "#ffffff"));
        assertThat(colors(rule("revenue", ">", 0, "rgb(255, 255, 0)", false)).color("revenue", row("A", 1)))
                .contains(new CellColor("#ffff00", "#000000"));
    }

    /** Revenue 100 to 300: white at 100, the rule's navy at 300, half way between at 200; text readable on each. */
    @ParameterizedTest(name = "revenue {0}: {1} on {2}")
    @CsvSource({"100, #ffffff, #000000", "200, #8f9dc9, #000000", "300, #1f3a93, #ffffff", "150, #c7cee4, #000000"})
    void aRangeBlendsFromItsMinColourAtTheSmallestValueToItsColourAtTheLargest(double revenue, String background,
                                                                                String text) {
        List<Map<String, Object>> rows = List.of(row("A", 100), row("B", 300), row("C", null), row("D", 200));
        TableCellColors colors = new TableOptions(options(rule("revenue", "range", null, "#1f3a93", false)))
                .cellColors(RESULT, rows);
        assertThat(colors.color("revenue", row("X", revenue))).contains(new CellColor(background, text));
        assertThat(colors.color("revenue", row("C", null))).as("no number, no colour").isEmpty();
        assertThat(colors.color("city", row("X", revenue))).as("its own column only").isEmpty();
    }

    @Test
    void aRangeStartsFromItsOwnMinColourAndAnEarlierRuleStillWins() {
        Map<String, Object> range = rule("revenue", "range", null, "#000000", false);
        range.put("minColor", "#ffffff");
        List<Map<String, Object>> rows = List.of(row("A", 0), row("B", 10));
        TableCellColors colors = new TableOptions(options(rule("revenue", "<", 1, "#f8d7da", false), range))
                .cellColors(RESULT, rows);
        assertThat(colors.color("revenue", row("A", 0))).contains(RED);
        assertThat(colors.color("revenue", row("B", 10))).contains(new CellColor("#000000", "#ffffff"));
        assertThat(new TableOptions(options(range)).cellColors(RESULT, List.of(row("A", 5))).color("revenue",
                row("A", 5))).as("one value: the rule's colour").contains(new CellColor("#000000", "#ffffff"));
        assertThat(new TableOptions(options(range)).cellColorRules().get(0).toJson())
                .as("a range saves no value and keeps its minColor")
                .isEqualTo(Map.of("column", "revenue", "op", "range", "color", "#000000", "minColor", "#ffffff",
                        "highlightRow", false));
    }

    @Test
    void aRuleThatCannotApplyIsAWarningAndIsLeftOut() {
        Map<String, Object> options = options(
                rule("region", ">", 1, "#f8d7da", false),
                rule("revenue", "~", 1, "#f8d7da", false),
                rule("revenue", ">", "lots", "#f8d7da", false),
                rule("revenue", ">", 1, "reddish", false),
                rule("revenue", ">", null, "#f8d7da", false),
                rule("", "empty", null, "#f8d7da", false),
                rule("revenue", ">", 1, "#f8d7da", false));
        List<Object> saved = (List<Object>) ((Map<?, ?>) options.get("sightline")).get("cellColors");
        saved.add("not a rule");
        saved.add(rule("city", "range", null, "#1f3a93", false));
        Map<String, Object> badFrom = rule("revenue", "range", null, "#1f3a93", false);
        badFrom.put("minColor", "pink-ish");
        saved.add(badFrom);
        assertThat(TableCellColors.problems(options, RESULT)).extracting(OptionProblem::toString).containsExactly(
                "options.sightline.cellColors.0: the result has no column 'region'; the rule is ignored",
                "options.sightline.cellColors.1: '~' is not an operator (one of > >= < <= = != contains empty"
                        + " notEmpty range); the rule is ignored",
                "options.sightline.cellColors.2: 'lots' is not a number, and column 'revenue' holds numbers;"
                        + " the rule is ignored",
                "options.sightline.cellColors.3: 'reddish' is not a colour (#rrggbb); the rule is ignored",
                "options.sightline.cellColors.4: '>' needs a value to compare with; the rule is ignored",
                "options.sightline.cellColors.5: the rule names no column; the rule is ignored",
                "options.sightline.cellColors.7: is not a colour rule (a JSON object); ignored",
                "options.sightline.cellColors.8: 'range' colours numbers, and column 'city' holds none; the rule is"
                        + " ignored",
                "options.sightline.cellColors.9: 'pink-ish' is not a colour (#rrggbb); the rule is ignored");
        assertThat(TableCellColors.problems(options, RESULT)).allMatch(p -> p.severity()
                == OptionProblem.Severity.WARNING);
        TableCellColors colors = new TableOptions(options).cellColors(RESULT, List.of());
        assertThat(colors.color("revenue", row("Oslo", 0.5))).as("only the last rule applies").isEmpty();
        assertThat(colors.color("revenue", row("Oslo", 2))).contains(RED);
        assertThat(OptionsValidator.validateForResult("TABLE", options, RESULT)).hasSize(9);
        assertThat(OptionsValidator.errors("TABLE", options)).as("never refused").isEmpty();
        assertThat(OptionsValidator.validate("TABLE", options(rule("revenue", "range", null, "#1f3a93", false)),
                java.util.Set.of("revenue"))).as("names without types: a range is not judged by a type unknown")
                .isEmpty();
        assertThat(TableCellColors.problems(Map.of("sightline", Map.of("cellColors", "red")), RESULT))
                .extracting(OptionProblem::toString)
                .containsExactly("options.sightline.cellColors: must be a list of colour rules; no cell is coloured");
    }

    @Test
    void writingTheRulesKeepsTheOtherSightlineKeysAndEachRulesUnknownKeys() {
        Map<String, Object> ruleJson = new LinkedHashMap<>(Map.of("column", "revenue", "op", "empty",
                "value", "ignored", "color", "#f8d7da", "note", "kept"));
        Map<String, Object> saved = new LinkedHashMap<>(Map.of("itemsPerPage", 10,
                "sightline", Map.of("drillthrough", Map.of("dashboard", 4), "cellColors", List.of(ruleJson))));
        List<CellColorRule> rules = new TableOptions(saved).cellColorRules();
        Map<String, Object> written = TableOptions.withCellColors(saved, List.of(rules.get(0),
                CellColorRule.of("city", "=", "Oslo", "#fff3cd", true)));
        assertThat(written).isEqualTo(Map.of("itemsPerPage", 10, "sightline", Map.of(
                "drillthrough", Map.of("dashboard", 4),
                "cellColors", List.of(
                        Map.of("column", "revenue", "op", "empty", "color", "#f8d7da", "highlightRow", false,
                                "note", "kept"),
                        Map.of("column", "city", "op", "=", "value", "Oslo", "color", "#fff3cd",
                                "highlightRow", true)))));
        assertThat(TableOptions.withCellColors(written, List.of())).isEqualTo(Map.of("itemsPerPage", 10,
                "sightline", Map.of("drillthrough", Map.of("dashboard", 4))));
        assertThat(TableOptions.withCellColors(Map.of("itemsPerPage", 10), List.of()))
                .isEqualTo(Map.of("itemsPerPage", 10));
    }

    private static TableCellColors colors(Map<String, Object>... rules) {
        return new TableOptions(options(rules)).cellColors(RESULT, List.of());
    }

    private static Map<String, Object> options(Map<String, Object>... rules) {
        return Map.of("sightline", Map.of("cellColors", new java.util.ArrayList<Object>(List.of(rules))));
    }

    private static Map<String, Object> rule(String column, String op, Object value, String color,
                                            boolean highlightRow) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("column", column);
        rule.put("op", op);
        rule.put("value", value);
        rule.put("color", color);
        rule.put("highlightRow", highlightRow);
        return rule;
    }

    private static Map<String, Object> row(String city, Object revenue) {
        Map<String, Object> row = new HashMap<>();
        row.put("city", city);
        row.put("revenue", revenue);
        return row;
    }
}

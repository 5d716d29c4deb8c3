package io.sightline.common.visualization;

import io.sightline.common.visualization.map.Rgb;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** A rule ready to match: its number or lower-cased text read once, its paint decided once (a range's ends). */
final class AppliedColorRule {

    private final CellColorRule rule;
    private final BigDecimal number;
    private final String text;
    private final String lowerText;
    private final Rgb background;
    private final TableCellColors.CellColor paint;
    private final Rgb from;
    private final BigDecimal min;
    private final BigDecimal max;

    AppliedColorRule(CellColorRule rule, boolean numeric, BigDecimal min, BigDecimal max) {
        this.rule = rule;
        this.number = numeric && !rule.range() ? CellColorRule.number(rule.value()) : null;
        this.text = rule.value() == null ? null : String.valueOf(rule.value()).strip();
        this.lowerText = text == null ? null : text.toLowerCase(Locale.ROOT);
        this.background = Rgb.parse(rule.color());
        this.paint = new TableCellColors.CellColor(background.hex(), HslScale.textOn(background).hex());
        this.from = Rgb.parse(rule.minColor() == null ? CellColorRule.RANGE_FROM : rule.minColor());
        this.min = min;
        this.max = max;
    }

    CellColorRule rule() {
        return rule;
    }

    /** The cell's paint when the rule matches its row, else null. */
    TableCellColors.CellColor paint(Map<String, Object> row) {
        if (!rule.range()) {
            return matches(row) ? paint : null;
        }
        BigDecimal value = CellColorRule.number(row.get(rule.column()));
        if (value == null) {
            return null;
        }
        double span = max.subtract(min).doubleValue();
        double f = span == 0 ? 1 : Math.max(0, Math.min(1, value.subtract(min).doubleValue() / span));
        Rgb blended = new Rgb(blend(from.red(), background.red(), f), blend(from.green(), background.green(), f),
                blend(from.blue(), background.blue(), f));
        return new TableCellColors.CellColor(blended.hex(), HslScale.textOn(blended).hex());
    }

    private static int blend(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private boolean matches(Map<String, Object> row) {
        Object cell = row.get(rule.column());
        boolean blank = cell == null || cell instanceof String s && s.isBlank();
        if ("empty".equals(rule.op()) || "notEmpty".equals(rule.op())) {
            return blank == "empty".equals(rule.op());
        }
        if (blank) {
            return false;
        }
        if ("contains".equals(rule.op())) {
            return String.valueOf(cell).toLowerCase(Locale.ROOT).contains(lowerText);
        }
        int c;
        if (number != null) {
            BigDecimal value = CellColorRule.number(cell);
            if (value == null) {
                return false;
            }
            c = value.compareTo(number);
        } else {
            c = String.valueOf(cell).strip().compareToIgnoreCase(text);
        }
        return switch (rule.op()) {
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case "=" -> c == 0;
            default -> c != 0;
        };
    }
}

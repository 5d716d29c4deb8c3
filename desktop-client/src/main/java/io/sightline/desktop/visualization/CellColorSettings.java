package io.sightline.desktop.visualization;

import io.sightline.common.visualization.CellColorRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One conditional colour rule of a table column as the editor changes it: the operator, the value compared with
 * (as typed), the colour ({@code #rrggbb}), a range's colour of the smallest value, and whether the whole row takes
 * it. The column is fixed: a rule is added to the column selected.
 */
public final class CellColorSettings {

    private final String column;
    private final boolean numeric;
    private final Map<String, Object> saved;
    private final StringProperty op = new SimpleStringProperty();
    private final StringProperty value = new SimpleStringProperty();
    private final StringProperty color = new SimpleStringProperty();
    private final StringProperty minColor = new SimpleStringProperty();
    private final BooleanProperty highlightRow = new SimpleBooleanProperty();

    /** @param numeric whether the column holds numbers: its value is then saved as a number when it reads as one */
    CellColorSettings(CellColorRule rule, boolean numeric) {
        this.column = rule.column();
        this.numeric = numeric;
        this.saved = rule.saved();
        op.set(rule.op());
        value.set(rule.value() == null ? "" : rule.value() instanceof BigDecimal d ? d.toPlainString()
                : String.valueOf(rule.value()));
        color.set(rule.color());
        minColor.set(rule.minColor() == null ? CellColorRule.RANGE_FROM : rule.minColor());
        highlightRow.set(rule.highlightRow());
    }

    List<Observable> inputs() {
        return List.of(op, value, color, minColor, highlightRow);
    }

    /** The rule to save, over what was saved for it (its unknown keys kept). */
    CellColorRule rule() {
        return new CellColorRule(column, op.get(), typedValue(), color.get(), minColor.get(), highlightRow.get(),
                saved);
    }

    /** A number when the column holds numbers and the text reads as one, else the text as typed. */
    private Object typedValue() {
        String text = value.get() == null ? "" : value.get().strip();
        if (numeric && !"contains".equals(op.get())) {
            try {
                BigDecimal number = new BigDecimal(text);
                return number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0
                        ? (Object) number.longValueExact() : (Object) number.doubleValue();
            } catch (NumberFormatException | ArithmeticException notANumber) {
                return text;
            }
        }
        return text;
    }

    public String column() { return column; }
    public StringProperty opProperty() { return op; }
    public StringProperty valueProperty() { return value; }
    public StringProperty colorProperty() { return color; }
    /** {@code range}'s colour of the column's smallest value (the colour is its largest's). */
    public StringProperty minColorProperty() { return minColor; }
    public BooleanProperty highlightRowProperty() { return highlightRow; }
}

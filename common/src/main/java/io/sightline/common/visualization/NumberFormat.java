package io.sightline.common.visualization;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeral.js formats as Redash saves them ({@code 0,0[.]00000}, {@code 0,0.00}, {@code 0[.]00%}, {@code $0,0},
 * {@code 0.0a}): thousands separators, fixed or optional decimals, a prefix and suffix, abbreviations (k, m, b, t).
 * Percent does <em>not</em> multiply by 100: Redash sets numeral's {@code scalePercentBy100 = false}.
 */
public final class NumberFormat {

    /** numeral's abbreviation right after the digits, with the space before it kept: {@code 0.0a}, {@code 0.0 a}. */
    private static final Pattern ABBREVIATION = Pattern.compile("^(\\s?)a(?![A-Za-z])");

    private NumberFormat() {
    }

    /** A format read once: what every number written with it shares. */
    private record Parsed(boolean number, String prefix, String suffix, boolean parentheses, boolean plus,
                          boolean abbreviate, String unitSpace, boolean thousands, int min, int max) {
    }

    /** Formats by pattern: a table writes a column's every cell with one; emptied when an editor's typing fills it. */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    public static String format(Number number, String pattern) {
        if (number == null) {
            return "";
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        String p = pattern == null || pattern.isBlank() ? "0,0[.]00000" : pattern;
        Parsed f = PARSED.get(p);
        if (f == null) {
            f = parse(p);
            if (PARSED.size() >= 64) {
                PARSED.clear();
            }
            PARSED.put(p, f);
        }
        if (!f.number()) {
            return p; // no number in the format: Redash shows it as written
        }
        String unit = "";
        if (f.abbreviate()) {
            double abs = Math.abs(value);
            String[] units = {"t", "b", "m", "k"};
            double[] scales = {1e12, 1e9, 1e6, 1e3};
            for (int i = 0; i < units.length; i++) {
                if (abs >= scales[i]) {
                    value /= scales[i];
                    unit = units[i];
                    break;
                }
            }
        }
        String text = digits(value, f.min(), f.max(), f.thousands());
        boolean negative = text.startsWith("-");
        String unsigned = f.prefix() + (negative ? text.substring(1) : text) + f.unitSpace() + unit + f.suffix();
        // numeral puts the sign before a currency symbol ($0,0 gives -$2,000), or wraps all in parentheses
        if (f.parentheses()) {
            return negative ? "(" + unsigned + ")" : unsigned;
        }
        return (negative ? "-" : f.plus() ? "+" : "") + unsigned;
    }

    private static Parsed parse(String p) {
        int start = firstOf(p, "0#[.,");
        int end = lastOf(p, "0#]") + 1;
        if (start < 0 || end <= start) {
            return new Parsed(false, "", "", false, false, false, "", false, 0, 0);
        }
        boolean parentheses = p.substring(0, start).contains("(") && p.substring(end).contains(")");
        boolean plus = p.substring(0, start).contains("+");
        String prefix = p.substring(0, start).replace("+", "");
        String body = p.substring(start, end);
        String suffix = p.substring(end);
        if (parentheses) {
            prefix = prefix.replace("(", "");
            suffix = suffix.replace(")", "");
        }
        Matcher abbreviation = ABBREVIATION.matcher(suffix);
        boolean abbreviate = abbreviation.find();
        String unitSpace = "";
        if (abbreviate) {
            unitSpace = abbreviation.group(1);
            suffix = suffix.substring(abbreviation.end());
        }
        boolean thousands = body.contains(",");
        boolean optionalPoint = body.contains("[.]");
        String decimals = "";
        int point = body.indexOf(optionalPoint ? "[.]" : ".");
        if (point >= 0) {
            decimals = body.substring(point + (optionalPoint ? 3 : 1));
        }
        int max = count(decimals, '0');
        int min = optionalPoint ? 0 : count(decimals.replaceAll("\\[[^]]*]", ""), '0');
        return new Parsed(true, prefix, suffix, parentheses, plus, abbreviate, unitSpace, thousands, min, max);
    }

    /** The number with between {@code min} and {@code max} decimals (half up), and {@code ,} every three digits. */
    static String digits(double value, int min, int max, boolean thousands) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(max, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        String whole = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fraction = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        while (fraction.length() > min && fraction.endsWith("0")) {
            fraction = fraction.substring(0, fraction.length() - 1);
        }
        if (thousands) {
            whole = group(whole);
        }
        boolean negative = rounded.signum() < 0;
        return (negative ? "-" : "") + whole + (fraction.isEmpty() ? "" : "." + fraction);
    }

    static String group(String whole) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return grouped.toString();
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lastOf(String text, String chars) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

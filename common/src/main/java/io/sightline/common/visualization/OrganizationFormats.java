package io.sightline.common.visualization;

import java.util.Map;

/**
 * The organization's formats a visualization falls back to where its own options say nothing (Redash's
 * {@code visualizationsSettings}, filled from {@code client_config}): a table column's date format for {@code date}
 * columns and date-time format for {@code datetime} ones, its number format for {@code integer} and {@code float}
 * columns, and a chart's date-time format.
 *
 * @param dateFormat     moment.js pattern, e.g. {@code DD/MM/YY}
 * @param dateTimeFormat moment.js pattern, e.g. {@code DD/MM/YY HH:mm}
 * @param integerFormat  numeral.js pattern, e.g. {@code 0,0}
 * @param floatFormat    numeral.js pattern, e.g. {@code 0,0.00}
 */
public record OrganizationFormats(String dateFormat, String dateTimeFormat, String integerFormat,
                                  String floatFormat) {

    /** Redash's settings left at their defaults ({@code date_format} DD/MM/YY, {@code time_format} HH:mm ...). */
    public static final OrganizationFormats DEFAULTS =
            new OrganizationFormats("DD/MM/YY", "DD/MM/YY HH:mm", "0,0", "0,0.00");

    /** A blank or missing format is the default's. */
    public OrganizationFormats {
        dateFormat = orElse(dateFormat, "DD/MM/YY");
        dateTimeFormat = orElse(dateTimeFormat, "DD/MM/YY HH:mm");
        integerFormat = orElse(integerFormat, "0,0");
        floatFormat = orElse(floatFormat, "0,0.00");
    }

    /** From the organization settings: the date-time format is the date format, a space, the time format. */
    public static OrganizationFormats ofSettings(String dateFormat, String timeFormat, String integerFormat,
                                                 String floatFormat) {
        String date = orElse(dateFormat, DEFAULTS.dateFormat);
        return new OrganizationFormats(date, date + " " + orElse(timeFormat, "HH:mm"), integerFormat, floatFormat);
    }

    /** From {@code client_config} of {@code GET /api/session} (Redash's keys {@code dateFormat}, ...). */
    public static OrganizationFormats ofClientConfig(Map<String, ?> clientConfig) {
        return new OrganizationFormats(text(clientConfig, "dateFormat"), text(clientConfig, "dateTimeFormat"),
                text(clientConfig, "integerFormat"), text(clientConfig, "floatFormat"));
    }

    /** The number format of a column of this type ({@code integer} or else float's), as Redash's table column. */
    public String numberFormat(String columnType) {
        return "integer".equals(columnType) ? integerFormat : floatFormat;
    }

    /** The date format of a column of this type ({@code date} or else date-time's), as Redash's table column. */
    public String dateTimeFormat(String columnType) {
        return "date".equals(columnType) ? dateFormat : dateTimeFormat;
    }

    private static String text(Map<String, ?> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}

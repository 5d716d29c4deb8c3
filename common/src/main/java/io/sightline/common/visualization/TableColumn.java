package io.sightline.common.visualization;

import java.util.Map;

/**
 * One table column with Redash's per-column defaults ({@code table/getOptions.ts}) under what was saved; the
 * number and date formats default to the organization's ({@link OrganizationFormats}).
 *
 * @param displayAs string, number, datetime, boolean, link, image, json
 */
public record TableColumn(String name, String title, boolean visible, String alignContent, String displayAs,
                          String numberFormat, String dateTimeFormat, String linkUrlTemplate, String linkTextTemplate,
                          boolean allowHtml, boolean allowSearch, Map<String, Object> saved) {

    static TableColumn of(ResultColumn result, Map<String, Object> saved, OrganizationFormats formats) {
        Options o = new Options(saved, Options.map(
                "title", result.name(),
                "visible", true,
                "alignContent", result.numeric() ? "right" : "left",
                "displayAs", displayAs(result),
                "numberFormat", formats.numberFormat(result.type()),
                "dateTimeFormat", formats.dateTimeFormat(result.type()),
                "linkUrlTemplate", "{{ @ }}",
                "linkTextTemplate", "{{ @ }}",
                "allowHTML", false,
                "allowSearch", false)) {
        };
        return new TableColumn(result.name(), o.string("title"), o.bool("visible"), o.string("alignContent"),
                o.string("displayAs"), o.string("numberFormat"), o.string("dateTimeFormat"),
                o.string("linkUrlTemplate"), o.string("linkTextTemplate"), o.bool("allowHTML"), o.bool("allowSearch"), saved);
    }

    private static String displayAs(ResultColumn column) {
        if (column.numeric()) {
            return "number";
        }
        if (column.temporal()) {
            return "datetime";
        }
        return "boolean".equals(column.type()) ? "boolean" : "string";
    }
}

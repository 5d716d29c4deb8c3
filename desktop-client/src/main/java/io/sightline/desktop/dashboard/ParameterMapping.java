package io.sightline.desktop.dashboard;

/**
 * How one query parameter of a widget gets its value (Redash's {@code parameterMappings} entry): from a dashboard
 * parameter named {@code mapTo}, from the widget's own value, or a static {@code value}.
 */
public record ParameterMapping(String name, String title, String type, String mapTo, String value) {

    public static final String DASHBOARD_LEVEL = "dashboard-level";
    public static final String WIDGET_LEVEL = "widget-level";
    public static final String STATIC_VALUE = "static-value";
}

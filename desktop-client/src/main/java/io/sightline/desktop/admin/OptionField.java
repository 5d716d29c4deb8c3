package io.sightline.desktop.admin;

import java.util.ArrayList;
import java.util.List;
import io.sightline.common.api.datasource.DataSourceType;

/**
 * One option of a data source type, read from its JSON-schema {@code configuration_schema}
 * ({@code properties}, {@code order}, {@code required}, {@code secret}, {@code default}, {@code title}).
 */
public record OptionField(String name, String title, String kind, boolean required, boolean secret,
                          Object defaultValue) {

    /** The fields in the schema's {@code order}, then the rest in their own order. */
    public static List<OptionField> of(DataSourceType.ConfigurationSchema schema) {
        if (schema == null || schema.properties() == null) {
            return List.of();
        }
        List<String> order = new ArrayList<>(schema.order() == null ? List.of() : schema.order());
        schema.properties().keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
        List<String> required = schema.required() == null ? List.of() : schema.required();
        List<String> secret = schema.secret() == null ? List.of() : schema.secret();
        List<OptionField> fields = new ArrayList<>();
        for (String name : order) {
            DataSourceType.Property property = schema.properties().get(name);
            if (property == null) {
                continue;
            }
            fields.add(new OptionField(name, property.title() == null ? humanise(name) : property.title(),
                    property.type() == null ? "string" : property.type(), required.contains(name),
                    secret.contains(name), property.defaultValue()));
        }
        return fields;
    }

    /** Checks a typed value; returns the problem or null. */
    public String problem(String text) {
        if (text == null || text.isBlank()) {
            return required ? title + " is required" : null;
        }
        if (kind.equals("number") || kind.equals("integer")) {
            try {
                Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                return title + " must be a number";
            }
        }
        return null;
    }

    /** The JSON value of typed text: numbers as numbers, booleans as booleans. */
    public Object value(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (kind) {
            case "number" -> text.contains(".") ? Double.parseDouble(text.strip()) : Long.parseLong(text.strip());
            case "integer" -> Long.parseLong(text.strip());
            case "boolean" -> Boolean.parseBoolean(text.strip());
            default -> text;
        };
    }

    private static String humanise(String name) {
        String spaced = name.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}

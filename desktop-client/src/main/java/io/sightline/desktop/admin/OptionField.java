package io.sightline.desktop.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One option of a data source type, read from its JSON-schema {@code configuration_schema}
 * ({@code properties}, {@code order}, {@code required}, {@code secret}, {@code default}, {@code title}).
 */
public record OptionField(String name, String title, String kind, boolean required, boolean secret,
                          Object defaultValue) {

    /** The fields in the schema's {@code order}, then the rest in their own order. */
    @SuppressWarnings("unchecked")
    public static List<OptionField> of(Map<String, Object> schema) {
        if (schema == null) {
            return List.of();
        }
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<String> order = new ArrayList<>((List<String>) schema.getOrDefault("order", List.of()));
        properties.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        List<String> secret = (List<String>) schema.getOrDefault("secret", List.of());
        List<OptionField> fields = new ArrayList<>();
        for (String name : order) {
            Map<String, Object> property = (Map<String, Object>) properties.get(name);
            if (property == null) {
                continue;
            }
            Object title = property.get("title");
            fields.add(new OptionField(name, title == null ? humanise(name) : title.toString(),
                    String.valueOf(property.getOrDefault("type", "string")), required.contains(name),
                    secret.contains(name), property.get("default")));
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

package io.sightline.common.parameter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a query, as Redash keeps it in {@code options.parameters}: {@code name} is what the
 * SQL uses in {@code {{ name }}}, {@code value} the default (a string, number, list or
 * {@code {start, end}} object as the type needs). Fields Redash adds for its own UI ({@code locals},
 * {@code global}, {@code parentQueryId}, ...) are ignored.
 *
 * <p>{@code enumOptions} holds the allowed values of an {@link ParameterType#ENUM}; Redash stores them
 * as one string, one option a line, and that is how they are written back. A JSON array is read too.
 * {@code queryId} names the query that lists the options of a {@link ParameterType#QUERY} parameter,
 * {@code regex} the pattern a {@link ParameterType#TEXT_PATTERN} value must match. A declaration
 * without a type is taken as {@code text}, the type Redash gives a new parameter.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "title", "type", "value", "enumOptions", "queryId", "multiValuesOptions", "regex"})
public record ParameterDeclaration(
        String name,
        String title,
        ParameterType type,
        Object value,
        // the list is read through fromJson and written as Redash's text by enumOptionsText(); WRITE_ONLY
        // (not @JsonIgnore, which would make Jackson drop the field on reading too) keeps the list out
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) List<String> enumOptions,
        Long queryId,
        MultiValuesOptions multiValuesOptions,
        String regex) {

    public ParameterDeclaration {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        type = type == null ? ParameterType.TEXT : type;
        enumOptions = enumOptions == null ? List.of() : List.copyOf(enumOptions);
    }

    /** A declaration with just a name and a type, for code that builds one by hand. */
    public static ParameterDeclaration of(String name, ParameterType type) {
        return new ParameterDeclaration(name, name, type, null, null, null, null, null);
    }

    @JsonCreator
    private static ParameterDeclaration fromJson(
            @JsonProperty("name") String name,
            @JsonProperty("title") String title,
            @JsonProperty("type") ParameterType type,
            @JsonProperty("value") Object value,
            @JsonProperty("enumOptions") Object enumOptions,
            @JsonProperty("queryId") Long queryId,
            @JsonProperty("multiValuesOptions") MultiValuesOptions multiValuesOptions,
            @JsonProperty("regex") String regex) {
        return new ParameterDeclaration(
                name, title, type, value, optionList(enumOptions), queryId, multiValuesOptions, regex);
    }

    /** Redash's form of {@link #enumOptions()}: one option a line; absent when there are none. */
    @JsonGetter("enumOptions")
    String enumOptionsText() {
        return enumOptions.isEmpty() ? null : String.join("\n", enumOptions);
    }

    /** The value is a list, written into SQL as {@link #multiValuesOptions()} say. */
    @JsonIgnore
    public boolean isMultiValue() {
        return multiValuesOptions != null;
    }

    private static List<String> optionList(Object json) {
        if (json == null) {
            return List.of();
        }
        if (json instanceof String lines) {
            return lines.lines().filter(line -> !line.isBlank()).toList();
        }
        if (json instanceof List<?> items) {
            List<String> options = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item == null || item instanceof List || item instanceof java.util.Map) {
                    throw new IllegalArgumentException("enumOptions must hold plain values, not " + item);
                }
                options.add(ValueText.plain(item));
            }
            return options;
        }
        throw new IllegalArgumentException("enumOptions must be a string (one option a line) or an array");
    }
}

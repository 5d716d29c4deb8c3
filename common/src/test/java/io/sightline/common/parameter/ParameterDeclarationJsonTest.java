package io.sightline.common.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ParameterDeclarationJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ParameterDeclaration>> LIST = new TypeReference<>() {
    };

    /** As Redash stores {@code options.parameters}, with the fields its UI adds. */
    private static final String REDASH_PARAMETERS = """
            [
              {"name": "region", "title": "Region", "type": "enum", "value": ["North"],
               "enumOptions": "North\\nSouth\\nEast\\n",
               "multiValuesOptions": {"prefix": "'", "suffix": "'", "separator": ","},
               "locals": [], "global": false, "parentQueryId": 12, "urlPrefix": "p_", "queryId": null},
              {"name": "start_date", "title": "Start date", "type": "date", "value": "d_yesterday",
               "locals": [], "global": false, "$$hashKey": "object:42"},
              {"name": "top", "title": "Top", "type": "number", "value": 10},
              {"name": "customer", "title": "Customer", "type": "query", "queryId": 42, "value": "ACME"},
              {"name": "code", "title": "Code", "type": "text-pattern", "regex": "[A-Z]{3}", "value": "ABC"},
              {"name": "period", "title": "Period", "type": "date-range",
               "value": {"start": "2024-01-01", "end": "2024-01-31"}}
            ]
            """;

    @Test
    void readsRedashDeclarationsIgnoringTheirUiFields() {
        List<ParameterDeclaration> parameters = JSON.readValue(REDASH_PARAMETERS, LIST);

        assertThat(parameters).containsExactly(
                new ParameterDeclaration("region", "Region", ParameterType.ENUM, List.of("North"),
                        List.of("North", "South", "East"), null, new MultiValuesOptions("'", "'", ","), null),
                new ParameterDeclaration("start_date", "Start date", ParameterType.DATE, "d_yesterday",
                        List.of(), null, null, null),
                new ParameterDeclaration("top", "Top", ParameterType.NUMBER, 10, List.of(), null, null, null),
                new ParameterDeclaration("customer", "Customer", ParameterType.QUERY, "ACME", List.of(), 42L, null, null),
                new ParameterDeclaration("code", "Code", ParameterType.TEXT_PATTERN, "ABC", List.of(), null, null,
                        "[A-Z]{3}"),
                new ParameterDeclaration("period", "Period", ParameterType.DATE_RANGE,
                        Map.of("start", "2024-01-01", "end", "2024-01-31"), List.of(), null, null, null));
        assertThat(parameters.get(0).isMultiValue()).isTrue();
        assertThat(parameters.get(1).isMultiValue()).isFalse();
    }

    @Test
    void readsEnumOptionsGivenAsArray() {
        ParameterDeclaration declaration = JSON.readValue(
                "{\"name\": \"size\", \"type\": \"enum\", \"enumOptions\": [\"S\", \"M\", 3]}", ParameterDeclaration.class);

        assertThat(declaration.enumOptions()).containsExactly("S", "M", "3");
    }

    @Test
    void readsWindowsLineEndingsInEnumOptions() {
        ParameterDeclaration declaration = JSON.readValue(
                "{\"name\": \"size\", \"type\": \"enum\", \"enumOptions\": \"S\\r\\nM\\r\\n\\r\\nL\"}",
                ParameterDeclaration.class);

        assertThat(declaration.enumOptions()).containsExactly("S", "M", "L");
    }

    @Test
    void writesRedashShapeWithEnumOptionsAsLines() {
        ParameterDeclaration declaration = new ParameterDeclaration("region", "Region", ParameterType.ENUM,
                List.of("North"), List.of("North", "South"), null, new MultiValuesOptions("'", "'", ","), null);

        String json = JSON.writeValueAsString(declaration);

        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree("""
                {"name": "region", "title": "Region", "type": "enum", "value": ["North"],
                 "enumOptions": "North\\nSouth",
                 "multiValuesOptions": {"prefix": "'", "suffix": "'", "separator": ","}}
                """));
    }

    @Test
    void writesDashedTypeNamesAndLeavesOutEmptyFields() {
        String json = JSON.writeValueAsString(ParameterDeclaration.of("at", ParameterType.DATETIME_RANGE_WITH_SECONDS));

        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree("""
                {"name": "at", "title": "at", "type": "datetime-range-with-seconds"}
                """));
    }

    @Test
    void survivesRoundTrip() {
        List<ParameterDeclaration> parameters = JSON.readValue(REDASH_PARAMETERS, LIST);

        List<ParameterDeclaration> again = JSON.readValue(JSON.writeValueAsString(parameters), LIST);

        assertThat(again).isEqualTo(parameters);
    }

    @Test
    void fillsMissingMultiValueParts() {
        ParameterDeclaration declaration = JSON.readValue(
                "{\"name\": \"ids\", \"type\": \"enum\", \"multiValuesOptions\": {\"prefix\": \"\"}}",
                ParameterDeclaration.class);

        assertThat(declaration.multiValuesOptions()).isEqualTo(new MultiValuesOptions("", "", ","));
    }

    @Test
    void takesDeclarationWithoutTypeAsText() {
        ParameterDeclaration declaration = JSON.readValue("{\"name\": \"q\"}", ParameterDeclaration.class);

        assertThat(declaration.type()).isEqualTo(ParameterType.TEXT);
    }

    @Test
    void rejectsUnknownTypeNamingTheValidOnes() {
        assertThatThrownBy(() -> JSON.readValue("{\"name\": \"q\", \"type\": \"money\"}", ParameterDeclaration.class))
                .hasMessageContaining("Unknown parameter type \"money\"; valid types are: text, text-pattern, number,");
    }

    @Test
    void rejectsDeclarationWithoutName() {
        assertThatThrownBy(() -> JSON.readValue("{\"type\": \"text\"}", ParameterDeclaration.class))
                .hasMessageContaining("a parameter needs a name");
    }
}

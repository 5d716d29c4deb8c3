package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsValidatorTest {

    @Test
    void aKnownKeyOfTheWrongKindIsAnErrorNamingIt() {
        List<OptionProblem> problems = OptionsValidator.validate("CHART", Map.of("columnMapping", "x"), null);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).severity()).isEqualTo(OptionProblem.Severity.ERROR);
        assertThat(problems.get(0).field()).isEqualTo("options.columnMapping");
        assertThat(problems.get(0).message()).contains("a JSON object").contains("\"x\"");
        assertThat(OptionsValidator.errors("TABLE", Map.of("itemsPerPage", "many"))).extracting(OptionProblem::field)
                .containsExactly("options.itemsPerPage");
        assertThat(OptionsValidator.errors("TABLE", Map.of("itemsPerPage", "50"))).as("a number as text is read")
                .isEmpty();
    }

    @Test
    void aMissingColumnIsAWarningNotAnError() {
        Set<String> columns = Set.of("region", "revenue");
        List<OptionProblem> problems = OptionsValidator.validate("CHART",
                Map.of("columnMapping", Map.of("region", "x", "profit", "y")), columns);
        assertThat(problems).containsExactly(new OptionProblem(OptionProblem.Severity.WARNING,
                "options.columnMapping.profit", "the result has no column 'profit'"));
        assertThat(OptionsValidator.errors("CHART", Map.of("columnMapping", Map.of("profit", "y")))).isEmpty();
        assertThat(OptionsValidator.validate("MAP", Map.of(), Set.of("lat", "lng")))
                .extracting(OptionProblem::field).containsExactly("options.lonColName");
        assertThat(OptionsValidator.validate("PIVOT", Map.of("rows", List.of("region", "quarter")), columns))
                .extracting(OptionProblem::field).containsExactly("options.rows.1");
        assertThat(OptionsValidator.validate("COUNTER", Map.of("counterColName", "revenue", "targetColName", "goal"),
                columns)).extracting(OptionProblem::field).containsExactly("options.targetColName");
    }

    @Test
    void aBubbleSizeColumnTheResultLacksIsAWarningAndASightlineThatIsNoObjectAnError() {
        Map<String, Object> bubbles = Map.of("sightline", Map.of("bubble", Map.of("sizeColumn", "revenue")));
        assertThat(OptionsValidator.validate("MAP", bubbles, Set.of("lat", "lon")))
                .containsExactly(new OptionProblem(OptionProblem.Severity.WARNING, "options.sightline.bubble.sizeColumn",
                        "the result has no column 'revenue'"));
        assertThat(OptionsValidator.validate("MAP", bubbles, Set.of("lat", "lon", "revenue"))).isEmpty();
        assertThat(OptionsValidator.errors("MAP", Map.of("sightline", "bubbles"))).extracting(OptionProblem::field)
                .containsExactly("options.sightline");
    }

    @Test
    void unknownTypesAndKeysAreNeverAProblem() {
        assertThat(OptionsValidator.validate("SANKEY_3D", Map.of("anything", 1), Set.of())).isEmpty();
        assertThat(OptionsValidator.validate("CHART", Map.of("futureKey", "x"), Set.of())).isEmpty();
        assertThat(OptionsValidator.validate("WORD_CLOUD", Map.of("column", "nope"), Set.of("a"))).isEmpty();
    }
}

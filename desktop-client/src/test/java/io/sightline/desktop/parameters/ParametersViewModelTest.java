package io.sightline.desktop.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.common.parameter.ParameterType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import io.sightline.desktop.api.DropdownOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParametersViewModelTest {

    private final Clock clock = Clock.fixed(Instant.parse("2024-03-15T10:00:00Z"), ZoneOffset.UTC);
    private final ParametersViewModel form = new ParametersViewModel(clock);

    @Test
    void addsAFieldForEachNameTheSqlUsesInOrder() {
        form.syncWithSql("SELECT * FROM t WHERE a = {{ region }} AND b > {{min_amount}} AND c = {{ region }}");

        assertThat(form.fields()).extracting(ParameterFieldViewModel::name).containsExactly("region", "min_amount");
        assertThat(form.fields()).allSatisfy(f -> assertThat(f.typeProperty().get()).isEqualTo(ParameterType.TEXT));
    }

    @Test
    void takesANameUsedWithStartAndEndAsADateRange() {
        form.syncWithSql("WHERE day BETWEEN '{{ period.start }}' AND '{{ period.end }}'");

        assertThat(form.fields()).singleElement()
                .satisfies(f -> assertThat(f.typeProperty().get()).isEqualTo(ParameterType.DATE_RANGE));
    }

    @Test
    void flagsAnInvalidNumberInPlaceAndClearsTheFlagWhenFixed() {
        form.syncWithSql("SELECT {{ limit }}");
        ParameterFieldViewModel limit = form.fields().get(0);
        limit.typeProperty().set(ParameterType.NUMBER);

        limit.valueProperty().set("12x");
        assertThat(limit.errorProperty().get()).contains("12x");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.problems()).singleElement().asString().startsWith("Parameter 'limit'");

        limit.valueProperty().set("12");
        assertThat(limit.errorProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.valuesForRun()).containsEntry("limit", "12");
    }

    @Test
    void requiresAValueBeforeRunning() {
        form.syncWithSql("SELECT '{{ name }}'");

        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.fields().get(0).errorProperty().get()).isEqualTo("a value is required");
    }

    @Test
    void checksADateRangeAndRejectsAStartAfterTheEnd() {
        form.syncWithSql("WHERE d BETWEEN '{{ p.start }}' AND '{{ p.end }}'");
        ParameterFieldViewModel period = form.fields().get(0);

        period.setRange("2024-02-10", "2024-02-01");
        assertThat(period.errorProperty().get()).contains("after the end");

        period.setRange("2024-02-01", "2024-02-10");
        assertThat(period.isValid()).isTrue();
        assertThat(form.valuesForRun().get("p")).isEqualTo(Map.of("start", "2024-02-01", "end", "2024-02-10"));
    }

    @Test
    void sendsADynamicRangeTokenForTheServerToResolve() {
        form.syncWithSql("WHERE d BETWEEN '{{ p.start }}' AND '{{ p.end }}'");
        form.fields().get(0).valueProperty().set("d_last_7_days");

        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.valuesForRun()).containsEntry("p", "d_last_7_days");
    }

    @Test
    void offersOnlyTheDeclaredOptionsOfAnEnum() {
        form.load(List.of(new ParameterDeclaration("region", "Region", ParameterType.ENUM, "EMEA",
                List.of("EMEA", "AMER"), null, null, null)), "SELECT '{{ region }}'");
        ParameterFieldViewModel region = form.fields().get(0);
        assertThat(region.isValid()).isTrue();

        region.valueProperty().set("Mars");
        assertThat(region.errorProperty().get()).contains("not one of the options");
    }

    @Test
    void keepsTheSettingsOfAParameterWhoseNameIsRemovedAndTypedAgain() {
        form.syncWithSql("SELECT {{ n }}");
        form.fields().get(0).typeProperty().set(ParameterType.NUMBER);
        form.fields().get(0).valueProperty().set("5");

        form.syncWithSql("SELECT 1");
        assertThat(form.fields()).isEmpty();
        assertThat(form.declarations()).isEmpty();

        form.syncWithSql("SELECT {{ n }}");
        assertThat(form.fields().get(0).typeProperty().get()).isEqualTo(ParameterType.NUMBER);
        assertThat(form.fields().get(0).valueProperty().get()).isEqualTo("5");
    }

    @Test
    void declaresWhatIsSavedWithTheCurrentValueAsDefault() {
        form.syncWithSql("SELECT {{ n }}");
        form.fields().get(0).typeProperty().set(ParameterType.NUMBER);
        form.fields().get(0).valueProperty().set("7");

        assertThat(form.declarations()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("n");
            assertThat(d.type()).isEqualTo(ParameterType.NUMBER);
            assertThat(d.value()).isEqualTo("7");
        });
    }

    @Test
    void countsEveryChangeSoTheTabCanTellUnsavedEdits() {
        form.syncWithSql("SELECT {{ n }}");
        int before = form.revisionProperty().get();

        form.fields().get(0).titleProperty().set("Number of rows");

        assertThat(form.revisionProperty().get()).isGreaterThan(before);
    }

    @Test
    void asksToDeclareANameTypedForTheFirstTimeWithATypeGuessedFromIt() {
        form.syncWithSql("SELECT * FROM t WHERE d >= '{{ start_date }}'");

        assertThat(form.undeclaredProperty().get()).isEqualTo("start_date");
        assertThat(form.guessedType("start_date")).isEqualTo(ParameterType.DATE);

        form.fields().get(0).typeProperty().set(form.guessedType("start_date"));
        form.declare("start_date");

        assertThat(form.undeclaredProperty().get()).isEmpty();
        assertThat(form.declarations()).singleElement()
                .satisfies(d -> assertThat(d.type()).isEqualTo(ParameterType.DATE));
    }

    @ParameterizedTest
    @CsvSource({"start_date, date", "day, date", "created_at, datetime-local", "customer_id, number",
            "min_amount, number", "region, text"})
    void guessesTheTypeFromTheName(String name, String type) {
        form.syncWithSql("SELECT {{ " + name + " }}");

        assertThat(form.guessedType(name)).isEqualTo(ParameterType.fromWire(type));
    }

    @Test
    void guessesADateRangeForANameUsedWithStartAndEnd() {
        form.syncWithSql("WHERE d BETWEEN '{{ period.start }}' AND '{{ period.end }}'");

        assertThat(form.undeclaredProperty().get()).isEqualTo("period");
        assertThat(form.guessedType("period")).isEqualTo(ParameterType.DATE_RANGE);
    }

    @Test
    void asksAboutTheNextUndeclaredNameOnceOneIsIgnored() {
        form.syncWithSql("SELECT {{ a }}, {{ b }}");
        assertThat(form.undeclaredProperty().get()).isEqualTo("a");

        form.ignore("a");
        assertThat(form.undeclaredProperty().get()).isEqualTo("b");

        form.ignore("b");
        form.syncWithSql("SELECT {{ a }}, {{ b }} -- edited");
        assertThat(form.undeclaredProperty().get()).isEmpty();
        assertThat(form.fields()).hasSize(2);
    }

    @Test
    void doesNotAskAboutTheDeclarationsOfASavedQuery() {
        form.load(List.of(ParameterDeclaration.of("n", ParameterType.NUMBER)), "SELECT {{ n }}, {{ new_one }}");

        assertThat(form.undeclaredProperty().get()).isEqualTo("new_one");
    }

    @Test
    void offersTheOptionsOfTheDropdownQueryAndChecksTheValueAgainstThem() {
        List<Long> asked = new java.util.ArrayList<>();
        ParametersViewModel withServer = new ParametersViewModel(clock, (queryId, loaded, failed) -> {
            asked.add(queryId);
            loaded.accept(List.of(new DropdownOption("Europe", "EMEA"), new DropdownOption("Americas", "AMER")));
        });
        withServer.load(List.of(new ParameterDeclaration("region", "Region", ParameterType.QUERY, "EMEA", null, 42L,
                null, null)), "SELECT '{{ region }}'");
        ParameterFieldViewModel region = withServer.fields().get(0);

        assertThat(asked).containsExactly(42L);
        assertThat(region.queryOptions()).extracting(DropdownOption::name).containsExactly("Europe", "Americas");
        assertThat(region.isValid()).isTrue();
        region.valueProperty().set("Mars");
        assertThat(region.errorProperty().get()).contains("not one of the options");
        region.valueProperty().set("AMER");
        assertThat(withServer.valuesForRun()).containsEntry("region", "AMER");
        assertThat(withServer.declarations().get(0).queryId()).isEqualTo(42L);
        assertThat(withServer.loadedDropdowns().options(42L)).containsExactly("EMEA", "AMER");
    }

    @Test
    void takesSeveralValuesOfAMultiSelectDropdown() {
        ParametersViewModel withServer = new ParametersViewModel(clock, (queryId, loaded, failed) ->
                loaded.accept(List.of(new DropdownOption("EMEA", "EMEA"), new DropdownOption("AMER", "AMER"))));
        withServer.load(List.of(new ParameterDeclaration("regions", "Regions", ParameterType.QUERY, null, null, 7L,
                new io.sightline.common.parameter.MultiValuesOptions("'", "'", ","), null)), "IN ({{ regions }})");
        ParameterFieldViewModel regions = withServer.fields().get(0);

        regions.valueProperty().set(List.of("EMEA", "AMER"));

        assertThat(regions.isValid()).isTrue();
        assertThat(withServer.valuesForRun().get("regions")).isEqualTo(List.of("EMEA", "AMER"));
    }

    @Test
    void showsWhyTheOptionsOfADropdownCannotBeHad() {
        ParametersViewModel withServer = new ParametersViewModel(clock, (queryId, loaded, failed) ->
                failed.accept("query " + queryId + ", which lists the options, has no result yet; run it first"));
        withServer.load(List.of(new ParameterDeclaration("region", "Region", ParameterType.QUERY, "EMEA", null, 42L,
                null, null)), "SELECT '{{ region }}'");

        assertThat(withServer.fields().get(0).errorProperty().get()).contains("has no result yet");
        assertThat(withServer.validProperty().get()).isFalse();
    }
}

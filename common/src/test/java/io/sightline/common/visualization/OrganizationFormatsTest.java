package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizationFormatsTest {

    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("day", "date"),
            new ResultColumn("at", "datetime"), new ResultColumn("orders", "integer"),
            new ResultColumn("amount", "float"));
    private static final Map<String, Object> ROW = Map.of("day", "2024-03-05", "at", "2024-03-05T14:07:09",
            "orders", 1234567, "amount", 1234.5);
    private static final OrganizationFormats ISO = OrganizationFormats.ofSettings("YYYY-MM-DD", "HH:mm:ss", "0,0.0",
            "0,0.000");

    @Test
    void aTableWithNothingSavedShowsItsCellsInTheOrganizationsFormats() {
        List<TableColumn> columns = new TableOptions(Map.of(), ISO).columns(COLUMNS);

        assertThat(columns).extracting(c -> TableCells.format(c, ROW))
                .containsExactly("2024-03-05", "2024-03-05 14:07:09", "1,234,567.0", "1,234.500");
    }

    @Test
    void withTheSettingsAtTheirDefaultsATableShowsRedashsDefaults() {
        List<TableColumn> columns = new TableOptions(Map.of(), OrganizationFormats.ofSettings(null, null, "", null))
                .columns(COLUMNS);

        assertThat(columns).extracting(c -> TableCells.format(c, ROW))
                .containsExactly("05/03/24", "05/03/24 14:07", "1,234,567", "1,234.50");
    }

    /** A table shows the time the database returned in its own offset; only charts put moments on one UTC axis. */
    @Test
    void aDateTimeWithAnOffsetShowsTheWallClockTimeTheDatabaseReturned() {
        assertThat(TableCells.byDefault("2024-03-05T23:30:00+05:30", "datetime", ISO)).contains("2024-03-05 23:30:00");
        assertThat(TableCells.byDefault("2024-03-05 23:30:00-08:00", "datetime", ISO)).contains("2024-03-05 23:30:00");
        assertThat(ChartValues.dateTime("2024-03-05T23:30:00+05:30")).hasToString("2024-03-05T18:00");
    }

    @Test
    void aColumnsSavedFormatWinsOverTheOrganizations() {
        Map<String, Object> saved = Map.of("columns", List.of(
                Map.of("name", "day", "dateTimeFormat", "D MMM YYYY"),
                Map.of("name", "orders", "numberFormat", "0a")));

        List<TableColumn> columns = new TableOptions(saved, ISO).columns(COLUMNS);

        assertThat(columns).extracting(c -> TableCells.format(c, ROW))
                .containsExactly("5 Mar 2024", "2024-03-05 14:07:09", "1m", "1,234.500");
    }

    @Test
    void aChartsDateTimeFormatIsTheOrganizationsUnlessSaved() {
        assertThat(new ChartOptions(Map.of(), ISO).dateTimeFormat()).isEqualTo("YYYY-MM-DD HH:mm:ss");
        assertThat(new ChartOptions(Map.of("dateTimeFormat", "HH:mm"), ISO).dateTimeFormat()).isEqualTo("HH:mm");
    }

    @Test
    void readsTheSessionsClientConfig() {
        OrganizationFormats formats = OrganizationFormats.ofClientConfig(Map.of("dateFormat", "MM/DD/YY",
                "dateTimeFormat", "MM/DD/YY HH:mm:ss.SSS", "integerFormat", "0", "floatFormat", "0.0",
                "nullValue", "null"));

        assertThat(formats).isEqualTo(new OrganizationFormats("MM/DD/YY", "MM/DD/YY HH:mm:ss.SSS", "0", "0.0"));
        assertThat(OrganizationFormats.ofClientConfig(Map.of())).isEqualTo(OrganizationFormats.DEFAULTS);
    }

    @Test
    void aResultValueWithNoTableColumnIsShownAsATableWithNothingSavedShowsIt() {
        assertThat(TableCells.byDefault(1234567L, "integer", ISO)).contains("1,234,567.0");
        assertThat(TableCells.byDefault(new java.math.BigDecimal("2.5"), "float", ISO)).contains("2.500");
        assertThat(TableCells.byDefault("2024-03-05", "date", ISO)).contains("2024-03-05");
        assertThat(TableCells.byDefault("2024-03-05T14:07:09", "datetime", OrganizationFormats.DEFAULTS))
                .contains("05/03/24 14:07");
        assertThat(TableCells.byDefault("infinity", "datetime", ISO)).isEmpty();
        assertThat(TableCells.byDefault("text", "string", ISO)).isEmpty();
    }
}

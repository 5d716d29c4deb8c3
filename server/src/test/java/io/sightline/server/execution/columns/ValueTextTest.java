package io.sightline.server.execution.columns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The databases' texts for temporal values and intervals, and the forms clients get. */
class ValueTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-01-02 03:04:05.123456+05:30|2024-01-02T03:04:05.123456+05:30",
            "2024-01-02 03:04:05+00|2024-01-02T03:04:05+00:00",
            "0001-01-01 05:53:28+05:53:28 BC|0000-01-01T05:53:28+05:53:28",
            "0044-03-15 BC|-0043-03-15",
            "0044-03-15 (BC) 10:00:00|-0043-03-15T10:00:00",
            "infinity|infinity",
            "-infinity|-infinity",
            "+5881580-07-11|infinity",
            "10000-01-01|+10000-01-01",
            "2024-01-02T21:34:05.123456Z|2024-01-02T21:34:05.123456Z"})
    void dateTimesInIsoForm(String database, String client) {
        assertThat(TemporalText.dateTime(database)).isEqualTo(client);
    }

    @Test
    void driverPaddingBeyondTheColumnFractionIsDropped() {
        assertThat(TemporalText.dateTime("2024-01-02 03:04:05.500000", 3)).isEqualTo("2024-01-02T03:04:05.500");
        assertThat(TemporalText.dateTime("2024-01-02 03:04:05.5", 3)).isEqualTo("2024-01-02T03:04:05.5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12:34:56.789+02|12:34:56.789+02:00", "838:59:59|838:59:59",
            "-838:59:59|-838:59:59", "00:00|00:00:00", "00:00-05:30|00:00:00-05:30", "24:00:00|24:00:00"})
    void timesKeepHoursFractionsAndOffsets(String database, String client) {
        assertThat(TemporalText.time(database)).isEqualTo(client);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 year 2 mons 3 days 04:05:06.789|P1Y2M3DT4H5M6.789S",
            "1 year 2 months 3 days 04:05:06.789|P1Y2M3DT4H5M6.789S",
            "838:59:59|PT838H59M59S",
            "-1 days -00:00:01.5|P-1DT-1.5S",
            "1 day|P1D",
            "00:00:00|PT0S",
            "@ 1 year ago|@ 1 year ago"})
    void intervalsAsIsoDurations(String database, String client) {
        assertThat(IsoDuration.parse(database)).isEqualTo(client);
    }
}

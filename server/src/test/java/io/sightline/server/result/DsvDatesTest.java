package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redash's {@code _convert_format} and {@code _convert_datetime}, value by value. */
class DsvDatesTest {

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DD/MM/YY   | HH:mm        | 2024-01-31                       | 31/01/24
            MM/DD/YY   | HH:mm        | 2024-01-31                       | 01/31/24
            YYYY-MM-DD | HH:mm        | 0999-12-01                       | 0999-12-01
            YYYY-MM-DD | HH:mm        | infinity                         | infinity
            YYYY-MM-DD | HH:mm        | -0044-03-15                      | -0044-03-15
            YYYY-MM-DD | HH:mm        | 2024-1-31                        | 2024-1-31
            """)
    void writesADateInTheDateFormat(String dateFormat, String timeFormat, String value, String written) {
        assertThat(new DsvDates(dateFormat, timeFormat).date(value)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DD/MM/YY   | HH:mm        | 2024-01-31T13:45:06.5            | 31/01/24 13:45
            YYYY-MM-DD | HH:mm:ss     | 2024-01-31T13:45:06+05:30        | 2024-01-31 13:45:06
            YYYY-MM-DD | HH:mm:ss     | 2024-01-31T13:45:06-08:00        | 2024-01-31 13:45:06
            YYYY-MM-DD | HH:mm:ss     | 2024-01-31T23:59:59Z             | 2024-01-31 23:59:59
            YYYY-MM-DD | HH:mm:ss.SSS | 2024-01-31T13:45:06.123          | 2024-01-31 13:45:06.123000
            YYYY-MM-DD | HH:mm:ss.SSS | 2024-01-31T13:45:06.123456789    | 2024-01-31 13:45:06.123456
            DD/MM/YY   | HH:mm        | 2024-01-31                       | 31/01/24 00:00
            DD/MM/YY   | HH:mm        | +294247-01-10T04:00:54.775807Z   | +294247-01-10T04:00:54.775807Z
            DD/MM/YY   | HH:mm        | not a time                       | not a time
            """)
    void writesATimestampInTheDateAndTimeFormats(String dateFormat, String timeFormat, String value, String written) {
        assertThat(new DsvDates(dateFormat, timeFormat).dateTime(value)).isEqualTo(written);
    }
}

package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234567.891   | 0,0[.]00000 | 1,234,567.891",
            "1234567       | 0,0[.]00000 | 1,234,567",
            "1234.5        | 0,0.00      | 1,234.50",
            "1234.5        | 0,0         | 1,235",
            "42.5          | 0[.]00%     | 42.5%",
            "42            | 0[.]00%     | 42%",
            "-1234.5       | $0,0.00     | -$1,234.50",
            "1530000       | 0.0a        | 1.5m",
            "0.3333        | 0[.]00[0]   | 0.333",
            "7             | 0.00        | 7.00",
    })
    void formatsNumbersAsNumeral(double value, String format, String expected) {
        assertThat(NumberFormat.format(value, format)).isEqualTo(expected);
    }

    /** numeral puts the minus before the currency symbol or prefix, as Redash shows it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-2000         | $0,0        | -$2,000",
            "2000          | $0,0        | $2,000",
            "-2000.5       | $0,0.00     | -$2,000.50",
            "-1530000      | $0.0a       | -$1.5m",
            "-42.5         | 0[.]00%     | -42.5%",
            "-7            | €0,0        | -€7",
            "-2000         | ($0,0)      | ($2,000)",
            "2000          | ($0,0)      | $2,000",
            "2000          | +0,0        | +2,000",
            "-2000         | +0,0        | -2,000",
            "-0.001        | $0,0        | $0",
    })
    void putsTheSignBeforeThePrefix(double value, String format, String expected) {
        assertThat(NumberFormat.format(value, format)).isEqualTo(expected);
    }

    /** The space between the number and what follows it stays, as numeral keeps it in {@code 0 %} and {@code 0.0 a}. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12            | '0,0 km'     | 12 km",
            "1234          | '0,0 km'     | 1,234 km",
            "-12           | '0,0 km'     | -12 km",
            "12            | '0,0km'      | 12km",
            "42            | '0 %'        | 42 %",
            "1530000       | '0.0 a'      | 1.5 m",
            "1530000       | '0.0a'       | 1.5m",
            "3             | '0 days'     | 3 days",
            "2000          | '$ 0,0'      | $ 2,000",
            "-2000         | '$ 0,0'      | -$ 2,000",
            "-12           | '0 (est)'    | -12 (est)",
    })
    void keepsTheSpaceBeforeASuffix(double value, String format, String expected) {
        assertThat(NumberFormat.format(value, format)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DD/MM/YY HH:mm    | 05/03/24 14:07",
            "YYYY-MM-DD        | 2024-03-05",
            "MMM D, YYYY       | Mar 5, 2024",
            "dddd [at] h:mm A  | Tuesday at 2:07 PM",
    })
    void formatsDatesAsMoment(String format, String expected) {
        assertThat(DateTimeFormat.format(LocalDateTime.of(2024, 3, 5, 14, 7), format)).isEqualTo(expected);
    }

    @Test
    void leavesAFormatWithoutDigitsAsWritten() {
        assertThat(NumberFormat.format(5, "n/a")).isEqualTo("n/a");
        assertThat(NumberFormat.format(null, "0,0")).isEmpty();
    }
}

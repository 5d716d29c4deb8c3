package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick reading of plain ISO date-times gives what {@link LocalDateTime#parse} gives, or leaves the text to it. */
class IsoLocalDateTimesTest {

    @Test
    void readsTheCommonFormsAsTheFormatterDoes() {
        for (String text : List.of("2024-01-01T00:00", "2024-03-01T10:00:59", "1999-12-31T23:59:59.5",
                "2024-02-29T12:30:00.123", "2024-02-29T12:30:00.123456789", "0001-01-01T00:00:00.000000001",
                "9999-12-31T23:59:59.999999999", "2024-06-15T08:05:07.01")) {
            assertThat(IsoLocalDateTimes.parse(text)).as(text).isEqualTo(LocalDateTime.parse(text));
        }
    }

    @Test
    void leavesEverythingElseToTheFormatter() {
        for (String text : List.of("2023-02-29T00:00", "2024-13-01T00:00", "2024-01-01T24:00", "2024-01-01T10:60",
                "2024-01-01T10:00:60", "2024-01-01t10:00", "2024-01-01T10:00:00.", /* the formatter reads this one */ "2024-01-01T10:00:00.1234567890",
                "2024-01-01T10:0", "2024-01-01T10:00:0", "2024-1-01T10:00", "+2024-01-01T10:00", "2024-01-01T1a:00",
                "2024-01-01T10:00Z", "2024-01-01T10:00:00+02:00", "20240101T1000", "2024-01-01 10:00", "")) {
            assertThat(IsoLocalDateTimes.parse(text)).as(text).isNull();
        }
    }

    @Test
    void agreesWithTheFormatterOnRandomTexts() {
        Random random = new Random(5);
        String alphabet = "0123456789-T:.";
        String template = "2024-01-01T10:00:00.000";
        for (int i = 0; i < 50_000; i++) {
            char[] text = template.substring(0, 16 + random.nextInt(8)).toCharArray();
            for (int j = 0; j < 1 + random.nextInt(3); j++) {
                int at = random.nextInt(text.length);
                text[at] = random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10));
            }
            String s = new String(text);
            LocalDateTime quick = IsoLocalDateTimes.parse(s);
            if (quick != null) { // else the formatter reads it (or not) as before
                assertThat(formatterReads(s)).as(s).isTrue();
                assertThat(quick).as(s).isEqualTo(LocalDateTime.parse(s));
            }
        }
    }

    private static boolean formatterReads(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

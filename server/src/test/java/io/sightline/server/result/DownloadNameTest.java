package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.query.SavedQuery;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redash's {@code get_download_filename}, {@code to_filename} and {@code content_disposition_filenames}. */
class DownloadNameTest {

    private static final StoredResult RESULT = new StoredResult(42, 1, "hash", "SELECT 1", List.of(), 1, 1000, false,
            1000, 0.1, OffsetDateTime.parse("2024-03-05T23:30:00-02:00"), null);

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Sales report               | Sales_report_2024_03_06.csv
            '  a:b/c\\\\d<e>f|g?h*i"j  ' | a_b_c_d_e_f_g_h_i_j_2024_03_06.csv
            'tab\tand\nnewline'        | tabandnewline_2024_03_06.csv
            'Jan.–Mar. (EMEA)'         | Jan.–Mar._(EMEA)_2024_03_06.csv
            ''                         | 7_2024_03_06.csv
            """)
    void namesTheFileAfterTheQueryAndTheUtcDayOfTheResult(String name, String fileName) {
        assertThat(DownloadName.of(RESULT, query(name), DownloadFormat.CSV)).isEqualTo(fileName);
    }

    @Test
    void namesTheFileAfterTheResultWhereThereIsNoQuery() {
        assertThat(DownloadName.of(RESULT, null, DownloadFormat.XLSX)).isEqualTo("42_2024_03_06.xlsx");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Sales_2024_03_06.csv             | attachment; filename=Sales_2024_03_06.csv
            Sales_(EMEA)_2024_03_06.csv      | attachment; filename="Sales_(EMEA)_2024_03_06.csv"
            Café_2024_03_06.csv              | attachment; filename=Cafe_2024_03_06.csv; filename*=UTF-8''Caf%C3%A9_2024_03_06.csv
            """)
    void sendsAnAsciiHeaderWithTheExactNameBeside(String fileName, String header) {
        assertThat(DownloadName.contentDisposition(fileName)).isEqualTo(header);
    }

    private static SavedQuery query(String name) {
        return new SavedQuery(7, name, 1, "SELECT 1", "{}", false, 1, "key", 42L);
    }
}

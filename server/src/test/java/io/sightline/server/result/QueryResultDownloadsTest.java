package io.sightline.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.RunAccessFixtures;
import io.sightline.server.support.Runs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Result downloads as Redash's {@code QueryResultResource.get} answers them, following its
 * {@code tests/handlers/test_query_results.py} where it has a test: JSON, CSV, TSV and Excel under
 * {@code /api/query_results/{id}}, {@code /api/queries/{id}/results} and {@code /api/queries/{id}/results/{result}},
 * the file named in {@code Content-Disposition}, a specific result cacheable, dates in the organization's formats.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryResultDownloadsTest extends EmbeddedServerTest {

    private static final String TYPED_ROWS = """
            SELECT TRUE AS "flag", DATE '2024-01-31' AS "day", TIMESTAMP '2024-01-31 13:45:06.5' AS "at",
                   CAST(NULL AS VARCHAR(10)) AS "note", CAST(12.50 AS DECIMAL(10, 2)) AS "amount",
                   'a,b "c"' || CHAR(9) || 'd' || CHAR(10) || 'e' AS "text", 7 AS "n"
            UNION ALL
            SELECT FALSE, NULL, NULL, 'x,y', CAST(-0.25 AS DECIMAL(10, 2)), 'plain', NULL""";
    private static final List<String> FILE_TYPES = List.of("json", "csv", "tsv", "xlsx");

    private long dataSource;
    private long query;
    private long result;
    private long adHoc;
    private long otherQuery;
    private String outsiderKey;

    @BeforeAll
    void aSavedQueryWithTypedRowsAndAnAdHocResult() {
        var access = new RunAccessFixtures(api());
        dataSource = new DataSourceFixtures(api()).h2("jdbc:h2:mem:downloads_" + UUID.randomUUID().toString()
                .replace("-", "") + ";DB_CLOSE_DELAY=-1", Map.of());
        access.ungrantFromDefaultGroup(dataSource);
        query = save("Sales report: Q1/2024", TYPED_ROWS);
        result = access.runQuery(query);
        adHoc = new Runs(api()).result(dataSource, "SELECT 1 AS \"n\"").path("id").asLong();
        otherQuery = save("Other", "SELECT 2 AS \"n\"");
        access.runQuery(otherQuery);
        var created = api().post("/api/users", Map.of("name", "Outsider",
                "email", "outsider-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        outsiderKey = created.json().path("api_key").asString();
    }

    @Test
    void downloadsEveryFileTypeUnderEveryPath() {
        Map<String, String> contentTypes = Map.of("json", "application/json", "csv", "text/csv;charset=UTF-8",
                "tsv", "text/tab-separated-values;charset=UTF-8",
                "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        for (String type : FILE_TYPES) {
            for (String path : List.of("/api/query_results/" + result, "/api/queries/" + query + "/results",
                    "/api/queries/" + query + "/results/" + result)) {
                var file = get(path + "." + type);
                assertThat(file.status()).as(path + "." + type + ": " + file).isEqualTo(200);
                assertThat(file.header("Content-Type")).as(path + "." + type).isEqualTo(contentTypes.get(type));
            }
        }
    }

    /** Redash's {@code get_download_filename}: the query's name made safe, and the day the result was retrieved. */
    @Test
    void namesTheFileAfterTheQueryInThePathElseAfterTheResult() {
        String day = retrievedDay(result);
        for (String type : FILE_TYPES) {
            String named = "attachment; filename=Sales_report_Q1_2024_" + day + "." + type;
            assertThat(get("/api/queries/" + query + "/results/" + result + "." + type).header("Content-Disposition"))
                    .isEqualTo(named);
            assertThat(get("/api/queries/" + query + "/results." + type).header("Content-Disposition"))
                    .isEqualTo(named);
            assertThat(get("/api/query_results/" + result + "." + type).header("Content-Disposition"))
                    .isEqualTo("attachment; filename=" + result + "_" + day + "." + type);
            assertThat(get("/api/query_results/" + adHoc + "." + type).header("Content-Disposition"))
                    .isEqualTo("attachment; filename=" + adHoc + "_" + retrievedDay(adHoc) + "." + type);
        }
    }

    /** Redash's {@code TestQueryResultsContentDispositionHeaders.test_supports_unicode}. */
    @Test
    void supportsUnicode() {
        long hebrew = save("עברית café", "SELECT 1 AS \"n\"");
        new RunAccessFixtures(api()).runQuery(hebrew);
        String header = get("/api/queries/" + hebrew + "/results.csv").header("Content-Disposition");
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(header)).as(header).isTrue();
        String exact = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        String day = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy_MM_dd"));
        assertThat(URLDecoder.decode(exact, StandardCharsets.UTF_8)).isEqualTo("עברית_café_" + day + ".csv");
        assertThat(header).startsWith("attachment; filename=_cafe_" + day + ".csv; ");
    }

    @Test
    void writesCsvWithBooleansDatesInTheOrganizationsFormatAndQuotedText() {
        assertThat(get("/api/queries/" + query + "/results/" + result + ".csv").text()).isEqualTo("""
                flag,day,at,note,amount,text,n\r
                true,31/01/24,31/01/24 13:45,,12.50,"a,b ""c""\td
                e",7\r
                false,,,"x,y",-0.25,plain,\r
                """);
    }

    @Test
    void writesTsvQuotingOnlyTabsQuotesAndLineBreaks() {
        assertThat(get("/api/queries/" + query + "/results.tsv").text()).isEqualTo("""
                flag\tday\tat\tnote\tamount\ttext\tn\r
                true\t31/01/24\t31/01/24 13:45\t\t12.50\t"a,b ""c""\td
                e"\t7\r
                false\t\t\tx,y\t-0.25\tplain\t\r
                """);
    }

    @Test
    void writesDatesInTheOrganizationsChangedFormats() {
        var changed = api().post("/api/settings/organization",
                Map.of("date_format", "YYYY-MM-DD", "time_format", "HH:mm:ss.SSS"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try {
            assertThat(get("/api/query_results/" + result + ".csv").text())
                    .contains("true,2024-01-31,2024-01-31 13:45:06.500000,,");
            assertThat(get("/api/query_results/" + result + ".tsv").text())
                    .contains("true\t2024-01-31\t2024-01-31 13:45:06.500000\t\t");
            assertThat(get("/api/query_results/" + result + ".json").text()).contains("\"2024-01-31\"");
        } finally {
            var defaults = new HashMap<String, Object>();
            defaults.put("date_format", null);
            defaults.put("time_format", null);
            assertThat(api().post("/api/settings/organization", defaults).status()).isEqualTo(200);
        }
    }

    /** Redash's {@code TestQueryResultExcelResponse.test_renders_excel_file}, with each cell's type read back. */
    @Test
    void rendersExcelFile() throws IOException {
        var file = get("/api/queries/" + query + "/results/" + result + ".xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            Sheet sheet = book.getSheet("result");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row header = sheet.getRow(0);
            assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).extracting(c -> header.getCell(c).getStringCellValue())
                    .containsExactly("flag", "day", "at", "note", "amount", "text", "n");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(first.getCell(0).getBooleanCellValue()).isTrue();
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(1))).isTrue();
            assertThat(first.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
            assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
            assertThat(first.getCell(2).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45, 6, 500_000_000));
            assertThat(first.getCell(3)).isNull();
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(12.5);
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("a,b \"c\"\td\ne");
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(7.0);
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getBooleanCellValue()).isFalse();
            assertThat(second.getCell(1)).isNull();
            assertThat(second.getCell(4).getNumericCellValue()).isEqualTo(-0.25);
            assertThat(second.getCell(6)).isNull();
        }
    }

    @Test
    void jsonDownloadIsThePlainJson() {
        String plain = api().get("/api/query_results/" + result).body();
        assertThat(get("/api/queries/" + query + "/results/" + result + ".json").text()).isEqualTo(plain);
        assertThat(get("/api/queries/" + query + "/results.json").text()).isEqualTo(plain);
        assertThat(get("/api/query_results/" + result + ".json").text()).isEqualTo(plain);
    }

    /** Redash's {@code TestQueryResultsCacheHeaders.test_uses_cache_headers_for_specific_result}. */
    @Test
    void usesCacheHeadersForSpecificResult() {
        for (String type : FILE_TYPES) {
            for (String path : List.of("/api/queries/" + query + "/results/" + result + "." + type,
                    "/api/query_results/" + result + "." + type)) {
                assertThat(get(path).header("Cache-Control")).as(path).isEqualTo("private,max-age=31557600");
            }
        }
        assertThat(get("/api/query_results/" + result).header("Cache-Control")).isEqualTo("private,max-age=31557600");
    }

    /**
     * Redash's {@code test_doesnt_use_cache_headers_for_non_specific_result}: Redash sends no {@code Cache-Control};
     * Sightline sends its usual "do not store", so a browser never keeps an old "latest" result.
     */
    @Test
    void doesntUseCacheHeadersForNonSpecificResult() {
        for (String type : FILE_TYPES) {
            String cacheControl = get("/api/queries/" + query + "/results." + type).header("Cache-Control");
            assertThat(cacheControl).as(type).doesNotContain("max-age=31557600").contains("no-store");
        }
    }

    /** Redash's {@code test_returns_404_if_no_cached_result_found}, and a result id that does not exist. */
    @Test
    void returns404IfNoCachedResultFound() {
        long neverRun = save("Never run", "SELECT 3 AS \"n\"");
        long missing = result + 1_000_000;
        for (String type : FILE_TYPES) {
            var latest = get("/api/queries/" + neverRun + "/results." + type);
            assertThat(latest.status()).as(type).isEqualTo(404);
            assertThat(latest.text()).contains("Query " + neverRun + " has not been run yet");
            for (String path : List.of("/api/query_results/" + missing + "." + type,
                    "/api/queries/" + query + "/results/" + missing + "." + type)) {
                var unknown = get(path);
                assertThat(unknown.status()).as(path).isEqualTo(404);
                assertThat(unknown.text()).as(path).contains("Query result " + missing + " does not exist");
            }
        }
    }

    /**
     * Redash's {@code test_signed_in_user_and_different_query_result}: a signed-in user who may read a result gets it
     * under any query's path they may see, named after that query.
     */
    @Test
    void signedInUserAndDifferentQueryResult() {
        var file = get("/api/queries/" + otherQuery + "/results/" + result + ".csv");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.text()).startsWith("flag,day,at,note,amount,text,n\r\n");
        assertThat(file.header("Content-Disposition"))
                .isEqualTo("attachment; filename=Other_" + retrievedDay(result) + ".csv");
    }

    /** Redash's {@code test_query_api_key_and_different_query_result}; its own result is served to the key. */
    @Test
    void queryApiKeyAndDifferentQueryResult() {
        String key = api().get("/api/queries/" + otherQuery).json().path("api_key").asString();
        for (String type : FILE_TYPES) {
            var other = Download.get(port, "/api/queries/" + otherQuery + "/results/" + result + "." + type, key, true);
            assertThat(other.status()).as(type + ": " + other).isEqualTo(404);
            assertThat(other.text()).doesNotContain("flag");
            var own = Download.get(port, "/api/queries/" + otherQuery + "/results." + type, key, true);
            assertThat(own.status()).as(type + ": " + own).isEqualTo(200);
        }
    }

    /** Redash's {@code test_has_no_access_to_data_source}: answered as for a result that does not exist (404). */
    @Test
    void hasNoAccessToDataSource() {
        for (String type : FILE_TYPES) {
            for (String path : List.of("/api/query_results/" + result + "." + type,
                    "/api/queries/" + query + "/results." + type,
                    "/api/queries/" + query + "/results/" + result + "." + type)) {
                var refused = Download.get(port, path, outsiderKey, false);
                assertThat(refused.status()).as(path + ": " + refused).isEqualTo(404);
                assertThat(refused.text()).as(path).doesNotContain("flag").doesNotContain("plain");
                assertThat(refused.header("Content-Disposition")).as(path).isNull();
            }
        }
    }

    private Download get(String path) {
        return Download.get(port, path, ADMIN_KEY, false);
    }

    private long save(String name, String sql) {
        var saved = api().post("/api/queries", Map.of("data_source_id", dataSource, "name", name, "query", sql));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().path("id").asLong();
    }

    private String retrievedDay(long resultId) {
        String retrievedAt = api().get("/api/query_results/" + resultId).json().path("query_result")
                .path("retrieved_at").asString();
        return OffsetDateTime.parse(retrievedAt).withOffsetSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy_MM_dd"));
    }
}

package io.sightline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.demo.DemoSalesData.DemoQuery;
import io.sightline.server.demo.DemoSalesData.Summary;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoSalesDataTest {

    private static final int ROWS = DemoSalesData.DEFAULT_TRANSACTIONS;
    private static final LocalDate TODAY = LocalDate.now();
    private static final Map<String, Set<String>> COUNTRIES_BY_REGION = Map.of(
            "AMER", Set.of("USA", "CAN"),
            "LATAM", Set.of("MEX", "BRA", "ARG", "CHL", "COL", "PER"),
            "EMEA", Set.of("GBR", "DEU", "FRA", "ITA", "ESP", "NLD", "SWE", "CHE", "POL", "IRL", "ZAF", "ARE"),
            "APAC", Set.of("JPN", "AUS", "IND", "CHN", "SGP", "KOR", "NZL"));

    @TempDir
    static Path dir;

    private static Summary summary;
    private static Connection demo;

    @BeforeAll
    static void generateOnce() throws SQLException {
        Path file = dir.resolve("demo.duckdb");
        summary = DemoSalesData.generate(file, TODAY, ROWS);
        System.out.printf("Generated %,d demo transactions in %d ms (total amount %s)%n",
                summary.transactions(), summary.took().toMillis(), summary.totalAmount());
        demo = readOnly(file);
    }

    @AfterAll
    static void close() throws SQLException {
        demo.close();
    }

    @Test
    void factTableHoldsTheRequestedNumberOfTransactions() throws SQLException {
        assertThat(summary.transactions()).isEqualTo(ROWS);
        assertThat(longValue(demo, "SELECT COUNT(*) FROM sales.fact_transactions")).isEqualTo(ROWS);
        assertThat(longValue(demo, "SELECT COUNT(DISTINCT transaction_id) FROM sales.fact_transactions")).isEqualTo(ROWS);
        assertThat(decimal(demo, "SELECT SUM(amount) FROM sales.fact_transactions")).isEqualByComparingTo(summary.totalAmount());
        assertThat(Files.exists(dir.resolve("demo.duckdb.tmp"))).as("temporary file left behind").isFalse();
    }

    @Test
    void transactionsCoverTheThreeYearsBeforeTodayAndNothingLater() throws SQLException {
        assertThat(string(demo, "SELECT CAST(MIN(transaction_ts) AS DATE) FROM sales.fact_transactions"))
                .isEqualTo(TODAY.minusYears(3).toString());
        assertThat(string(demo, "SELECT CAST(MAX(transaction_ts) AS DATE) FROM sales.fact_transactions"))
                .isEqualTo(TODAY.minusDays(1).toString());
        assertThat(longValue(demo, "SELECT COUNT(*) FROM sales.fact_transactions WHERE transaction_ts >= DATE '" + TODAY + "'"))
                .isZero();
    }

    @Test
    void revenueGrowsYearOverYearAndPeaksBeforeChristmas() throws SQLException {
        String lastYear = "transaction_ts >= DATE '" + TODAY.minusYears(1) + "'";
        String yearBefore = "transaction_ts >= DATE '" + TODAY.minusYears(2) + "' AND transaction_ts < DATE '" + TODAY.minusYears(1) + "'";
        BigDecimal recent = decimal(demo, "SELECT SUM(amount) FROM sales.fact_transactions WHERE " + lastYear);
        BigDecimal earlier = decimal(demo, "SELECT SUM(amount) FROM sales.fact_transactions WHERE " + yearBefore);
        assertThat(recent).isGreaterThan(earlier.multiply(new BigDecimal("1.05")));

        String perMonth = "SELECT COUNT(*) FROM sales.fact_transactions WHERE " + lastYear + " AND month(transaction_ts) = ";
        assertThat(longValue(demo, perMonth + 12)).isGreaterThan(longValue(demo, perMonth + 2) * 3 / 2);
        String businessHours = "SELECT COUNT(*) FROM sales.fact_transactions WHERE hour(transaction_ts) BETWEEN 9 AND 17";
        assertThat(longValue(demo, businessHours)).isGreaterThan(ROWS / 2);
    }

    @Test
    void countriesAreIsoAlpha3CodesOfTheirRegion() throws SQLException {
        List<List<String>> pairs = rows(demo, "SELECT DISTINCT region, country FROM sales.fact_transactions");
        assertThat(pairs).extracting(pair -> pair.get(0)).containsOnly("AMER", "EMEA", "APAC", "LATAM")
                .contains("AMER", "EMEA", "APAC", "LATAM");
        for (List<String> pair : pairs) {
            assertThat(pair.get(1)).matches("[A-Z]{3}");
            assertThat(COUNTRIES_BY_REGION.get(pair.get(0))).as("countries of " + pair.get(0)).contains(pair.get(1));
        }
    }

    @Test
    void amountsArePositiveWithALongTail() throws SQLException {
        assertThat(decimal(demo, "SELECT MIN(amount) FROM sales.fact_transactions")).isPositive();
        BigDecimal median = decimal(demo, "SELECT CAST(median(amount) AS DECIMAL(12,2)) FROM sales.fact_transactions");
        BigDecimal max = decimal(demo, "SELECT MAX(amount) FROM sales.fact_transactions");
        assertThat(max).isGreaterThan(median.multiply(BigDecimal.valueOf(100)));
    }

    @Test
    void customersAndProductsMatchTheTransactions() throws SQLException {
        assertThat(longValue(demo, "SELECT COUNT(*) FROM sales.dim_customer")).isBetween(19_000L, 21_000L);
        assertThat(longValue(demo, "SELECT COUNT(*) FROM sales.dim_product")).isBetween(35L, 45L);
        assertThat(longValue(demo, "SELECT COUNT(DISTINCT segment) FROM sales.dim_customer")).isGreaterThanOrEqualTo(3);
        assertThat(longValue(demo, """
                SELECT COUNT(*) FROM sales.fact_transactions f
                LEFT JOIN sales.dim_customer c ON c.customer_id = f.customer_id
                WHERE c.customer_id IS NULL OR c.country <> f.country
                   OR c.signup_date > CAST(f.transaction_ts AS DATE)""")).as("transactions without a matching customer").isZero();
        assertThat(longValue(demo, """
                SELECT COUNT(*) FROM sales.fact_transactions f
                LEFT JOIN sales.dim_product p ON p.product = f.product WHERE p.product IS NULL""")).isZero();
        for (String country : strings(demo, "SELECT DISTINCT country FROM sales.dim_customer")) {
            assertThat(allCountries()).contains(country);
        }
    }

    @Test
    void dailyRevenueAddsUpToTheTransactions() throws SQLException {
        assertThat(decimal(demo, "SELECT SUM(revenue) FROM sales.daily_revenue"))
                .isEqualByComparingTo(decimal(demo, "SELECT SUM(amount) FROM sales.fact_transactions"));
        assertThat(longValue(demo, "SELECT SUM(transactions) FROM sales.daily_revenue")).isEqualTo(ROWS);
        assertThat(longValue(demo, """
                SELECT COUNT(*) FROM sales.daily_revenue d
                FULL JOIN (SELECT CAST(transaction_ts AS DATE) AS day, region, SUM(amount) AS revenue
                           FROM sales.fact_transactions GROUP BY ALL) f ON f.day = d.day AND f.region = d.region
                WHERE d.revenue IS DISTINCT FROM f.revenue""")).as("days and regions that differ").isZero();
    }

    @Test
    void storesHaveValidCoordinates() throws SQLException {
        assertThat(longValue(demo, "SELECT COUNT(*) FROM sales.stores")).isBetween(140L, 160L);
        assertThat(longValue(demo, "SELECT COUNT(DISTINCT store_id) FROM sales.stores"))
                .isEqualTo(longValue(demo, "SELECT COUNT(*) FROM sales.stores"));
        assertThat(longValue(demo, """
                SELECT COUNT(*) FROM sales.stores
                WHERE latitude NOT BETWEEN -90 AND 90 OR longitude NOT BETWEEN -180 AND 180
                   OR (latitude = 0 AND longitude = 0) OR name IS NULL OR name = ''""")).isZero();
        assertThat(allCountries()).containsAll(strings(demo, "SELECT DISTINCT country FROM sales.stores"));
        // a few well-known cities, to catch swapped latitude and longitude
        assertThat(rows(demo, "SELECT name, CAST(round(latitude) AS INTEGER), CAST(round(longitude) AS INTEGER) FROM sales.stores"))
                .contains(List.of("London Store", "52", "0"), List.of("Sydney Store", "-34", "151"),
                        List.of("São Paulo Store", "-24", "-47"), List.of("New York Store", "41", "-74"));
    }

    @Test
    void seedQueryReturnsTheRevenueOfEachRegion() throws SQLException {
        String sql = DemoSalesData.SEED_QUERY
                .replace("{{ start_date }}", TODAY.minusYears(3).minusDays(1).toString())
                .replace("{{ end_date }}", TODAY.toString());
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        for (List<String> row : rows(demo, "SELECT region, SUM(amount) FROM sales.fact_transactions GROUP BY region ORDER BY 2 DESC")) {
            expected.put(row.get(0), new BigDecimal(row.get(1)));
        }
        Map<String, BigDecimal> actual = new LinkedHashMap<>();
        for (List<String> row : rows(demo, sql)) {
            actual.put(row.get(0), new BigDecimal(row.get(1)));
        }
        assertThat(actual.keySet()).containsExactlyInAnyOrder("AMER", "EMEA", "APAC", "LATAM");
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void demoQueriesAreNamedAndDeclareTheirParameters() {
        List<DemoQuery> queries = DemoSalesData.queries();
        assertThat(queries).hasSizeBetween(5, 10);
        assertThat(queries).extracting(DemoQuery::name).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("sales__[a-z0-9_]+__v\\d+"));
        assertThat(queries).extracting(DemoQuery::sql).contains(DemoSalesData.SEED_QUERY);
        for (DemoQuery query : queries) {
            assertThat(query.description()).isNotBlank();
            Set<String> declared = new HashSet<>();
            for (JsonNode parameter : parameters(query)) {
                declared.add(parameter.get("name").asString());
                assertThat(parameter.get("title").asString()).isNotBlank();
                assertThat(parameter.get("type").asString()).isIn("date", "enum", "number");
            }
            Set<String> used = new HashSet<>();
            Matcher placeholder = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}").matcher(query.sql());
            while (placeholder.find()) {
                used.add(placeholder.group(1));
            }
            assertThat(used).as(query.name() + " parameters").isEqualTo(declared);
        }
    }

    @Test
    void topProductsOffersTheFourRegions() {
        JsonNode region = parameters(query("sales__top_products__v1")).get(0);
        assertThat(region.get("type").asString()).isEqualTo("enum");
        assertThat(region.get("enumOptions").asString().split("\n")).containsExactly("EMEA", "AMER", "APAC", "LATAM");
    }

    @Test
    void everyDemoQueryRunsWithItsDefaultParameters() throws SQLException {
        for (DemoQuery query : DemoSalesData.queries()) {
            String sql = withDefaults(query);
            assertThat(sql).as(query.name()).doesNotContain("{{");
            assertThat(rows(demo, sql)).as(query.name() + " result").isNotEmpty();
        }
    }

    @Test
    void sameInputsGiveIdenticalData() throws SQLException {
        LocalDate today = LocalDate.of(2025, 3, 15);
        Summary first = DemoSalesData.generate(dir.resolve("first.duckdb"), today, 20_000);
        Summary second = DemoSalesData.generate(dir.resolve("second.duckdb"), today, 20_000);

        assertThat(second.totalAmount()).isEqualByComparingTo(first.totalAmount());
        String first100 = "SELECT * FROM sales.fact_transactions ORDER BY transaction_id LIMIT 100";
        String customers = "SELECT * FROM sales.dim_customer ORDER BY customer_id";
        try (Connection a = readOnly(dir.resolve("first.duckdb")); Connection b = readOnly(dir.resolve("second.duckdb"))) {
            assertThat(rows(b, first100)).hasSize(100).isEqualTo(rows(a, first100));
            assertThat(rows(b, customers)).isEqualTo(rows(a, customers));
            assertThat(decimal(b, "SELECT SUM(amount) FROM sales.fact_transactions"))
                    .isEqualByComparingTo(decimal(a, "SELECT SUM(amount) FROM sales.fact_transactions"));
        }
    }

    @Test
    void laterTodayShiftsTheDates() throws SQLException {
        LocalDate today = LocalDate.of(2025, 3, 15);
        DemoSalesData.generate(dir.resolve("shifted.duckdb"), today.plusDays(40), 20_000);
        try (Connection shifted = readOnly(dir.resolve("shifted.duckdb"))) {
            assertThat(string(shifted, "SELECT CAST(MIN(transaction_ts) AS DATE) FROM sales.fact_transactions"))
                    .isEqualTo(today.plusDays(40).minusYears(3).toString());
            assertThat(string(shifted, "SELECT CAST(MAX(transaction_ts) AS DATE) FROM sales.fact_transactions"))
                    .isEqualTo(today.plusDays(39).toString());
        }
    }

    @Test
    void replacesAnExistingDatabaseAndStaleTemporaryFile() throws Exception {
        Path file = dir.resolve("replaced.duckdb");
        DemoSalesData.generate(file, TODAY, 5_000);
        Files.writeString(dir.resolve("replaced.duckdb.tmp"), "left over by a crash");

        Summary again = DemoSalesData.generate(file, TODAY, 7_000);

        assertThat(again.transactions()).isEqualTo(7_000);
        try (Connection replaced = readOnly(file)) {
            assertThat(longValue(replaced, "SELECT COUNT(*) FROM sales.fact_transactions")).isEqualTo(7_000);
        }
        assertThat(Files.exists(dir.resolve("replaced.duckdb.tmp"))).isFalse();
    }

    @Test
    void failureKeepsThePreviousDatabase() throws Exception {
        Path file = dir.resolve("kept.duckdb");
        DemoSalesData.generate(file, TODAY, 3_000);
        Files.createDirectories(dir.resolve("kept.duckdb.tmp").resolve("blocked"));

        assertThatThrownBy(() -> DemoSalesData.generate(file, TODAY, 4_000))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("kept.duckdb");
        try (Connection kept = readOnly(file)) {
            assertThat(longValue(kept, "SELECT COUNT(*) FROM sales.fact_transactions")).isEqualTo(3_000);
        }
    }

    @Test
    void rejectsFewerThanOneTransaction() {
        assertThatThrownBy(() -> DemoSalesData.generate(dir.resolve("empty.duckdb"), TODAY, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one transaction");
    }

    private static DemoQuery query(String name) {
        return DemoSalesData.queries().stream().filter(query -> query.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<JsonNode> parameters(DemoQuery query) {
        JsonNode array = JsonMapper.builder().build().readTree(query.parametersJson());
        assertThat(array.isArray()).as(query.name() + " parametersJson is an array").isTrue();
        List<JsonNode> parameters = new ArrayList<>();
        array.forEach(parameters::add);
        return parameters;
    }

    /** Substitutes the default values the way a client would, resolving the dynamic dates used. */
    private static String withDefaults(DemoQuery query) {
        String sql = query.sql();
        for (JsonNode parameter : parameters(query)) {
            String value = parameter.get("value").asString();
            value = switch (value) {
                case "d_now" -> TODAY.toString();
                case "d_yesterday" -> TODAY.minusDays(1).toString();
                default -> value;
            };
            sql = sql.replaceAll("\\{\\{\\s*" + parameter.get("name").asString() + "\\s*}}", Matcher.quoteReplacement(value));
        }
        return sql;
    }

    private static Set<String> allCountries() {
        Set<String> all = new HashSet<>();
        COUNTRIES_BY_REGION.values().forEach(all::addAll);
        return all;
    }

    private static Connection readOnly(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
    }

    private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        return rows(connection, sql).stream().map(row -> row.get(0)).toList();
    }

    private static String string(Connection connection, String sql) throws SQLException {
        List<String> values = strings(connection, sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static long longValue(Connection connection, String sql) throws SQLException {
        return Long.parseLong(string(connection, sql));
    }

    private static BigDecimal decimal(Connection connection, String sql) throws SQLException {
        return new BigDecimal(string(connection, sql));
    }
}

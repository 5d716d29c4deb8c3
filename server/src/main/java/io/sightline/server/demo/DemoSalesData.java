package io.sightline.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The "Demo sales" DuckDB database: three years of sales transactions with customers, products,
 * stores and a daily revenue aggregate, plus the saved queries that the demo dashboards use.
 *
 * <p>The data is a pure function of {@code today} and the number of transactions: every random
 * choice is a hash of a row key and a fixed seed (see {@code generate-sales.sql}), so two runs with
 * the same inputs produce identical tables, whatever the number of threads. (DuckDB's {@code hash}
 * may change between DuckDB versions, and the data with it.)
 */
public final class DemoSalesData {

    public static final int DEFAULT_TRANSACTIONS = 1_000_000;

    /** The query the demo dashboard opens with; its two date parameters are {@code start_date} and {@code end_date}. */
    public static final String SEED_QUERY = "SELECT region, SUM(amount) AS revenue FROM sales.fact_transactions"
            + " WHERE transaction_ts BETWEEN '{{ start_date }}' AND '{{ end_date }}' GROUP BY region ORDER BY revenue DESC;";

    static final int CUSTOMERS = 20_000;
    static final int YEARS = 3;

    private static final String SCRIPT = "generate-sales.sql";

    /** What {@link #generate} produced. */
    public record Summary(long transactions, BigDecimal totalAmount, Duration took) {}

    /**
     * A saved query for the demo dashboards.
     *
     * @param parametersJson the Redash {@code options.parameters} JSON array (never null; {@code []} without parameters)
     */
    public record DemoQuery(String name, String description, String sql, String parametersJson) {}

    private DemoSalesData() {}

    /**
     * Creates the demo database at {@code duckDbFile}, replacing any database there. The data is
     * generated into {@code <file>.tmp} and moved into place only when complete, so a crash never
     * leaves a half-written database behind. Close every connection to the file first: DuckDB keeps
     * one database instance per path while any connection to it is open, and that instance would
     * go on serving the old data. Not safe to call concurrently for the same file.
     *
     * @param today the first day after the data: transactions cover the three years before it
     * @param transactions number of rows in {@code sales.fact_transactions}, at least 1
     * @throws IllegalArgumentException when {@code transactions} is below 1
     * @throws IllegalStateException when DuckDB fails
     * @throws UncheckedIOException when the file cannot be written or moved
     */
    public static Summary generate(Path duckDbFile, LocalDate today, int transactions) {
        if (transactions < 1) {
            throw new IllegalArgumentException("Demo data needs at least one transaction, not " + transactions);
        }
        long started = System.nanoTime();
        Path target = duckDbFile.toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            deleteDatabase(temporary);
            Totals totals = generateInto(temporary, today, transactions);
            // a log left by the old database must never be replayed onto the new file
            Files.deleteIfExists(walOf(target));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Summary(totals.transactions(), totals.amount(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            deleteQuietly(temporary, e);
            throw new UncheckedIOException("Could not write the demo database " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary, e);
            throw e;
        }
    }

    /** The saved queries of the demo dashboards; every one runs on the generated database. */
    public static List<DemoQuery> queries() {
        return DemoQueries.ALL;
    }

    private record Totals(long transactions, BigDecimal amount) {}

    private static Totals generateInto(Path file, LocalDate today, int transactions) {
        LocalDate firstDay = today.minusYears(YEARS);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement()) {
            ReferenceData.load(connection);
            // typed Java values, so formatting them into SQL is safe
            statement.execute("SET VARIABLE n = " + transactions);
            statement.execute("SET VARIABLE first_day = DATE '" + firstDay + "'");
            statement.execute("SET VARIABLE day_count = " + ChronoUnit.DAYS.between(firstDay, today));
            statement.execute("SET VARIABLE customers = " + CUSTOMERS);
            for (String sql : SqlScript.statements(SCRIPT)) {
                statement.execute(sql);
            }
            Totals totals;
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*), SUM(amount) FROM sales.fact_transactions")) {
                result.next();
                totals = new Totals(result.getLong(1), result.getBigDecimal(2));
            }
            statement.execute("CHECKPOINT");
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not generate the demo database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteDatabase(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(walOf(file));
    }

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            deleteDatabase(file);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static Path walOf(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".wal");
    }
}

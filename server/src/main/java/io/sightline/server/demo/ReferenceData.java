package io.sightline.server.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads the hand-written catalogues (countries per region, products with price bands, store cities)
 * from CSV files next to this class into temporary tables {@code ref_<name>}: one VARCHAR column per
 * CSV column plus {@code line}, the row's position in the file. The values hold no commas or quotes.
 */
final class ReferenceData {

    private ReferenceData() {}

    static void load(Connection connection) throws SQLException {
        load(connection, "country", "countries.csv");
        load(connection, "product", "products.csv");
        load(connection, "store", "stores.csv");
    }

    private static void load(Connection connection, String name, String resource) throws SQLException {
        List<String> lines = SqlScript.read(resource).lines().filter(line -> !line.isBlank()).toList();
        List<String> columns = Arrays.asList(lines.get(0).split(","));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE ref_" + name + " (line INTEGER, "
                    + columns.stream().map(column -> column + " VARCHAR").collect(Collectors.joining(", ")) + ")");
        }
        String insert = "INSERT INTO ref_" + name + " VALUES (?" + ", ?".repeat(columns.size()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int line = 1; line < lines.size(); line++) {
                String[] values = lines.get(line).split(",", -1);
                if (values.length != columns.size()) {
                    throw new IllegalStateException(resource + " line " + (line + 1) + " has " + values.length
                            + " values, expected " + columns.size());
                }
                statement.setInt(1, line);
                for (int i = 0; i < values.length; i++) {
                    statement.setString(i + 2, values[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}

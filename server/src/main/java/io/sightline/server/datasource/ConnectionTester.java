package io.sightline.server.datasource;

import io.sightline.common.api.datasource.ConnectionTestResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.springframework.stereotype.Component;

/**
 * Tries a data source's current options on a fresh connection (not the pool): {@code SELECT 1} within the
 * connect timeout. A failure is an answer, not an error: the driver's message with secrets masked.
 */
@Component
class ConnectionTester {

    static final String SUCCESS = "Connection successful";

    private final DataSourceProperties properties;

    ConnectionTester(DataSourceProperties properties) {
        this.properties = properties;
    }

    /** @throws io.sightline.server.system.ApiException 400 for a data source whose URL forces an unsafe setting */
    ConnectionTestResult test(ConfiguredDataSource source) {
        ForcedSessionSettings.refuseUnsafe(source.spec(properties.connectTimeout()));
        try (Connection connection = source.spec(properties.connectTimeout()).open();
             Statement statement = connection.createStatement()) {
            limit(statement);
            statement.execute("SELECT 1");
            return new ConnectionTestResult(true, SUCCESS);
        } catch (SQLException e) {
            return new ConnectionTestResult(false, source.describe(e));
        } catch (RuntimeException e) {
            // some drivers (DuckDB's native layer among them) fail with unchecked exceptions
            return new ConnectionTestResult(false, source.mask(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private void limit(Statement statement) throws SQLException {
        try {
            statement.setQueryTimeout((int) Math.max(1, properties.connectTimeout().toSeconds()));
        } catch (SQLFeatureNotSupportedException e) {
            // the driver cannot time out statements; SELECT 1 is quick wherever the connection works
        }
    }
}

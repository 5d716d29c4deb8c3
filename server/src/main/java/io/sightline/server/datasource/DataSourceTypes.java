package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceType;
import io.sightline.server.system.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The connector types this server offers, each with the options every type shares. */
@Component
class DataSourceTypes {

    private static final List<ConnectorType> CONNECTORS = List.of(new PostgresConnector(), new MysqlConnector(),
            new DuckDbConnector(), new H2Connector(), new GenericJdbcConnector());

    private final List<OptionField> shared;

    DataSourceTypes(DataSourceProperties properties) {
        this.shared = List.of(
                OptionField.number("row_limit", "Maximum rows per result")
                        .withDefault((long) properties.defaultRowLimit()).between(1, Integer.MAX_VALUE),
                OptionField.number("query_timeout", "Query time limit (seconds)")
                        .withDefault(properties.defaultTimeLimit().toSeconds()).between(1, Integer.MAX_VALUE),
                OptionField.number("max_connections", "Maximum connections")
                        .withDefault((long) properties.defaultMaxConnections()).between(1, 50),
                OptionField.number("concurrency_limit", "Queries at once, across all workers (0: no limit)")
                        .withDefault((long) properties.defaultConcurrencyLimit()).between(0, 1000));
    }

    Optional<ConnectorType> find(String type) {
        return CONNECTORS.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    /** @throws ApiException badRequest for a type this server does not know */
    ConnectorType get(String type) {
        return find(type).orElseThrow(() -> ApiException.badRequest("Unknown data source type '" + type
                + "'; known types: " + String.join(", ", CONNECTORS.stream().map(ConnectorType::type).toList())));
    }

    /** The type's own options followed by the shared ones. */
    List<OptionField> fields(ConnectorType type) {
        List<OptionField> all = new ArrayList<>(type.fields());
        all.addAll(shared);
        return all;
    }

    DataSourceOptions options(ConnectorType type, Map<String, Object> values) {
        return new DataSourceOptions(values, fields(type));
    }

    List<DataSourceType> describe() {
        return CONNECTORS.stream().map(c -> new DataSourceType(c.type(), c.name(), schema(fields(c)))).toList();
    }

    private static DataSourceType.ConfigurationSchema schema(List<OptionField> fields) {
        Map<String, DataSourceType.Property> properties = new LinkedHashMap<>();
        fields.forEach(f -> properties.put(f.name(),
                new DataSourceType.Property(f.kind().json, f.title(), f.defaultValue(), f.minimum(), f.maximum())));
        return new DataSourceType.ConfigurationSchema("object", properties,
                fields.stream().filter(OptionField::required).map(OptionField::name).toList(),
                fields.stream().map(OptionField::name).toList(),
                fields.stream().filter(OptionField::secret).map(OptionField::name).toList());
    }
}

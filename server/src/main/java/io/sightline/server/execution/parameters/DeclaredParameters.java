package io.sightline.server.execution.parameters;

import io.sightline.common.api.execution.Column;
import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.common.parameter.ParameterType;
import io.sightline.common.parameter.QueryOptionsSource;
import io.sightline.server.result.SqlHash;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.query.SavedQuery;
import io.sightline.server.result.ResultStore;
import io.sightline.server.result.StoredResult;
import io.sightline.server.system.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved query's parameter declarations (its {@code options.parameters}), and the option lists of
 * query-based dropdowns, taken from the latest result of the query they name.
 */
@Component
public class DeclaredParameters {

    static final int MAX_DROPDOWN_OPTIONS = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ParameterDeclaration>> DECLARATIONS = new TypeReference<>() {
    };

    private final SavedQueries savedQueries;
    private final ResultStore results;

    DeclaredParameters(SavedQueries savedQueries, ResultStore results) {
        this.savedQueries = savedQueries;
        this.results = results;
    }

    public List<ParameterDeclaration> of(String optionsJson) {
        if (optionsJson == null || optionsJson.isBlank()) {
            return List.of();
        }
        JsonNode parameters = JSON.readTree(optionsJson).path("parameters");
        if (!parameters.isArray()) {
            return List.of();
        }
        for (JsonNode parameter : parameters.values()) {
            JsonNode type = parameter.path("type");
            if (!type.isMissingNode() && !type.isNull()) {
                knownType(parameter.path("name").asString(""), type.isString() ? type.stringValue() : type.toString());
            }
        }
        return JSON.convertValue(parameters, DECLARATIONS);
    }

    /**
     * A query saved before types were checked on save can still hold an unknown one: its runs (and scheduled
     * refreshes, which record the reason) are refused with what to fix.
     *
     * @throws ApiException 400 naming the parameter and the valid types
     */
    private static void knownType(String name, String type) {
        try {
            ParameterType.fromWire(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Parameter '" + name + "': " + e.getMessage()
                    + ". Change its type in the query's parameters");
        }
    }

    /**
     * Whether the query opted in to raw text parameters ({@code options.raw_text_parameters}): its {@code text}
     * values are then written into the SQL unescaped, as Redash does. Only users with full access run it.
     */
    public static boolean rawText(String optionsJson) {
        return optionsJson != null && !optionsJson.isBlank()
                && JSON.readTree(optionsJson).path(RAW_TEXT_PARAMETERS).asBoolean(false);
    }

    static final String RAW_TEXT_PARAMETERS = "raw_text_parameters";

    public QueryOptionsSource dropdowns() {
        return this::options;
    }

    /** The values a dropdown may take: the {@code value} of each of its options. */
    private List<String> options(long queryId) {
        return dropdown(queryId).stream().map(DropdownOption::value).toList();
    }

    /**
     * The options of a query-based dropdown (Redash's {@code dropdown_values}): from the latest result of
     * query {@code queryId} ({@code latest_query_data_id}) whenever it has one, the columns {@code name} and {@code value} when present, else the first column
     * for both; rows with no value are left out.
     *
     * @throws QueryOptionsSource.Unavailable when that query does not exist or has no result yet
     */
    List<DropdownOption> dropdown(long queryId) {
        var query = savedQueries.find(queryId).orElseThrow(() -> problem(queryId, "does not exist"));
        // the query's latest result (as Redash: latest_query_data), whatever parameters or text it ran with;
        // before one is recorded, the newest result of its current text
        StoredResult result = Optional.ofNullable(query.latestQueryDataId()).flatMap(results::find)
                .filter(latest -> latest.dataSourceId() == query.dataSourceId()) // not one from before a move
                .or(() -> results.latest(query.dataSourceId(), SqlHash.of(query.queryText()), null))
                .orElseThrow(() -> problem(queryId, "has no result yet; run it first"));
        int valueColumn = column(result.columns(), "value");
        int nameColumn = column(result.columns(), "name");
        List<DropdownOption> options = new ArrayList<>();
        for (Object[] row : results.rows(result, 0, MAX_DROPDOWN_OPTIONS)) {
            if (row[valueColumn] != null) {
                String value = text(row[valueColumn]);
                options.add(new DropdownOption(row[nameColumn] == null ? value : text(row[nameColumn]), value));
            }
        }
        return options;
    }

    /** Redash: the column of that name when there is one, else the first. */
    private static int column(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return 0;
    }

    private static String text(Object cell) {
        return cell instanceof java.math.BigDecimal d ? d.toPlainString() : cell.toString();
    }

    private static QueryOptionsSource.Unavailable problem(long queryId, String what) {
        return new QueryOptionsSource.Unavailable("query " + queryId + ", which lists the options, " + what);
    }
}

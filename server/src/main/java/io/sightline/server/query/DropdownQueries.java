package io.sightline.server.query;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.datasource.DataSourceReach;
import io.sightline.server.system.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redash's {@code require_access_to_dropdown_queries}: a query-based dropdown parameter ({@code type: query}) may
 * name only a query that exists (400 otherwise) and whose data source the saving user reaches (403 otherwise), so
 * no query is saved listing options the user could not read.
 */
@Component
class DropdownQueries {

    private final JsonMapper json;
    private final QueryRepository queries;
    private final QueryAccess access;

    DropdownQueries(JsonMapper json, QueryRepository queries, QueryAccess access) {
        this.json = json;
        this.queries = queries;
        this.access = access;
    }

    /** @param optionsJson the query's options as checked by {@link QueryBodyReader} */
    void requireReachable(SightlineUser caller, String optionsJson) {
        JsonNode parameters = json.readTree(optionsJson).path("parameters");
        DataSourceReach reach = null;
        int i = 0;
        for (JsonNode parameter : parameters.values()) {
            String where = "'options.parameters[" + i++ + "].queryId'";
            JsonNode queryId = parameter.path("queryId");
            if (!"query".equals(parameter.path("type").asString(null)) || queryId.isMissingNode() || queryId.isNull()) {
                continue;
            }
            long id = id(queryId, where);
            QueryRow dropdown = queries.find(id).orElseThrow(() -> ApiException.badRequest(where + " names query "
                    + id + ", which does not exist: a dropdown lists the options of an existing query"));
            reach = reach != null ? reach : access.reach(caller);
            if (!reach.reaches(dropdown.dataSourceId())) {
                throw ApiException.forbidden(where + " names query " + id + ", whose data source you do not reach:"
                        + " a dropdown may list only options you may read");
            }
        }
    }

    private static long id(JsonNode queryId, String where) {
        if (queryId.isIntegralNumber() && queryId.canConvertToLong()) {
            return queryId.longValue();
        }
        if (queryId.isString() && queryId.stringValue().matches("\\d{1,18}")) {
            return Long.parseLong(queryId.stringValue()); // Redash's client may send the id as text
        }
        throw ApiException.badRequest(where + " must be a query id, not " + queryId);
    }
}

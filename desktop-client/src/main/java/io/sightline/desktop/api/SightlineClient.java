package io.sightline.desktop.api;

import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.GroupDataSource;
import io.sightline.common.api.auth.User;
import io.sightline.common.api.auth.UserPage;
import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.dashboard.DashboardPage;
import io.sightline.common.api.datasource.ConnectionTestResult;
import io.sightline.common.api.datasource.DataSourceDetail;
import io.sightline.common.api.datasource.DataSourceRequest;
import io.sightline.common.api.datasource.DataSourceSchema;
import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.common.api.datasource.DataSourceType;
import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.Job;
import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryPage;
import io.sightline.common.api.query.QueryTags;
import io.sightline.common.api.query.QueryVersion;
import io.sightline.common.parameter.ParameterDeclaration;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's HTTP API as the workbench uses it. Every method blocks: call it from a background task,
 * never from the FX thread. A failure is an {@link ApiException} whose message can be shown as it is.
 */
public final class SightlineClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 12.50 stays 12.50, as the database said
            .build();

    private final HttpUrl base;
    private final String apiKey;
    private final OkHttpClient http;

    /** @throws ApiException when {@code baseUrl} is not an http(s) URL */
    public SightlineClient(String baseUrl, String apiKey) {
        HttpUrl parsed = HttpUrl.parse(baseUrl == null ? "" : baseUrl.strip());
        if (parsed == null) {
            throw new ApiException(0, "\"" + baseUrl + "\" is not a server address; use http://host:port");
        }
        this.base = parsed;
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(60))
                .build();
    }

    public String baseUrl() {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public Session session() {
        JsonNode session = get(url("api/session"));
        JsonNode user = session.path("user");
        List<String> permissions = new ArrayList<>();
        user.path("permissions").forEach(p -> permissions.add(p.asString()));
        return new Session(user.path("id").asLong(), user.path("name").asString(), user.path("email").asString(),
                permissions, "", OrganizationSettingsClient.formatsOf(session.path("client_config")));
    }

    /**
     * Signs in with email and password, asking the server for a key of this sign-in ({@code issue_api_key}: the
     * server keeps only hashes of keys, so it hands one out once, in the login answer); the session is closed
     * again at once (with its CSRF token), so the workbench goes on with the key and stays stateless.
     *
     * @throws ApiException with {@link ApiException#refused()} when the email or password is wrong
     */
    public String logIn(String email, String password) {
        SessionCookies cookies = new SessionCookies();
        OkHttpClient withCookies = http.newBuilder().cookieJar(cookies).build();
        JsonNode answer;
        try {
            answer = call(withCookies, new Request.Builder().url(url("login"))
                    .post(RequestBody.create(JSON.writeValueAsString(
                            Map.of("email", email, "password", password, "issue_api_key", true)), JSON_TYPE)).build());
        } catch (ApiException e) {
            if (e.status() == 401) {
                throw new ApiException(401, "Wrong email or password for " + baseUrl() + ".");
            }
            throw e;
        }
        try {
            Request.Builder logout = new Request.Builder().url(url("logout")).post(RequestBody.create(new byte[0]));
            cookies.value("XSRF-TOKEN").ifPresent(token -> logout.header("X-XSRF-TOKEN", token));
            call(withCookies, logout.build());
        } catch (ApiException ignored) {
            // the session would expire by itself; the key is what matters
        }
        String key = answer.path("user").path("api_key").asString("");
        if (key.isBlank()) {
            throw new ApiException(0, "The server at " + baseUrl() + " accepted the password but did not hand"
                    + " out an API key; sign in with your API key instead (it is on your profile page).");
        }
        return key;
    }

    /**
     * Trades the one-time code a single sign-on brought to the desktop's loopback for an API key of the user's own
     * ({@code POST /login/sso/desktop_key}); the code works once, within a minute, and only with {@code verifier}.
     */
    public String keyFromSingleSignOn(String code, String verifier) {
        JsonNode answer = post(url("login/sso/desktop_key"), Map.of("code", code, "code_verifier", verifier));
        String key = answer.path("user").path("api_key").asString("");
        if (key.isBlank()) {
            throw new ApiException(0, "The server at " + baseUrl() + " finished the single sign-on but did not hand"
                    + " out an API key.");
        }
        return key;
    }

    /** Asked before anyone is signed in; a server without the endpoint offers the password only. */
    public LoginMethods loginMethods() {
        try {
            return JSON.treeToValue(get(url("api/login_methods")), LoginMethods.class);
        } catch (ApiException e) {
            if (e.status() == 404) {
                return LoginMethods.PASSWORD_ONLY;
            }
            throw e;
        }
    }

    /** The data sources by name, as the workbench lists them (the server lists them by id, as Redash does). */
    public List<DataSourceSummary> dataSources() {
        List<DataSourceSummary> listed = JSON.convertValue(get(url("api/data_sources")),
                new TypeReference<List<DataSourceSummary>>() { });
        return listed.stream().sorted(java.util.Comparator.comparing(DataSourceSummary::name,
                String.CASE_INSENSITIVE_ORDER).thenComparingLong(DataSourceSummary::id)).toList();
    }

    public List<SchemaTable> schema(long dataSourceId, boolean refresh) {
        HttpUrl.Builder url = url("api/data_sources/" + dataSourceId + "/schema").newBuilder();
        if (refresh) {
            url.addQueryParameter("refresh", "true");
        }
        DataSourceSchema schema = JSON.treeToValue(get(url.build()), DataSourceSchema.class);
        List<SchemaTable> tables = new ArrayList<>();
        for (DataSourceSchema.Table table : schema.schema()) {
            tables.add(new SchemaTable(table.name(), table.columns() == null ? List.of() : table.columns().stream()
                    .map(column -> new SchemaTable.SchemaColumn(column.name(), column.type())).toList()));
        }
        return tables;
    }

    public QueryPage queries(String search, boolean onlyMine, int page, int pageSize) {
        return queries(onlyMine ? QueryScope.MINE : QueryScope.ALL, search, null, page, pageSize);
    }

    /**
     * One page of saved queries, newest change first (a {@link QueryScope#RECENT} list: newest use first).
     *
     * @param tag only queries with this tag; null or blank = any
     */
    public QueryPage queries(QueryScope scope, String search, String tag, int page, int pageSize) {
        HttpUrl.Builder url = url(scope.path).newBuilder()
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("page_size", Integer.toString(pageSize))
                .addQueryParameter("order", "-updated_at");
        if (search != null && !search.isBlank()) {
            url.addQueryParameter("q", search.strip());
        }
        if (tag != null && !tag.isBlank()) {
            url.addQueryParameter("tags", tag.strip());
        }
        if (scope == QueryScope.RECENT) { // a plain array, as Redash answers it: one page, the latest uses
            List<Query> recent = page > 1 ? List.of()
                    : JSON.convertValue(get(url.build()), new TypeReference<List<Query>>() { });
            return new QueryPage(recent.size(), page, pageSize, recent);
        }
        return JSON.treeToValue(get(url.build()), QueryPage.class);
    }

    /** The tags of saved queries, the most used first. */
    public List<String> queryTags() {
        return JSON.treeToValue(get(url("api/queries/tags")), QueryTags.class).tags().stream()
                .map(QueryTags.TagCount::name).toList();
    }

    /** Stars or unstars a query for the signed-in user; answers the query as it is now. */
    public Query favoriteQuery(long id, boolean favorite) {
        HttpUrl url = url("api/queries/" + id + "/favorite");
        return JSON.treeToValue(favorite ? post(url, Map.of()) : delete(url), Query.class);
    }

    /** One page of dashboards, newest change first; {@code favoritesOnly}: the user's starred ones. */
    public DashboardPage dashboards(String search, boolean favoritesOnly, int page, int pageSize) {
        HttpUrl.Builder url = url(favoritesOnly ? "api/dashboards/favorites" : "api/dashboards").newBuilder()
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("page_size", Integer.toString(pageSize));
        if (search != null && !search.isBlank()) {
            url.addQueryParameter("q", search.strip());
        }
        return JSON.treeToValue(get(url.build()), DashboardPage.class);
    }

    public Dashboard dashboard(long id) {
        return JSON.treeToValue(get(url("api/dashboards/" + id)), Dashboard.class);
    }

    /**
     * A new dashboard, published at once ({@code is_draft: false}): the server's default, as Redash's, is a draft
     * that only its owner sees in the lists.
     */
    public Dashboard createDashboard(String name, List<String> tags) {
        return JSON.treeToValue(post(url("api/dashboards"), Map.of("name", name, "tags", tags, "is_draft", false)),
                Dashboard.class);
    }

    public Dashboard favoriteDashboard(long id, boolean favorite) {
        HttpUrl url = url("api/dashboards/" + id + "/favorite");
        return JSON.treeToValue(favorite ? post(url, Map.of()) : delete(url), Dashboard.class);
    }

    public Query query(long id) {
        return JSON.treeToValue(get(url("api/queries/" + id)), Query.class);
    }

    public Query createQuery(QueryDraft draft) {
        return JSON.treeToValue(post(url("api/queries"), body(draft)), Query.class);
    }

    /** Publishes a draft query (Redash's {@code is_draft: false}): it then shows in everyone's lists. */
    public Query publishQuery(long id) {
        return JSON.treeToValue(post(url("api/queries/" + id), Map.of("is_draft", false)), Query.class);
    }

    /** @throws ApiException with {@link ApiException#conflict()} when the draft's version is stale */
    public Query updateQuery(long id, QueryDraft draft) {
        Map<String, Object> body = body(draft);
        body.put("version", draft.version());
        return JSON.treeToValue(post(url("api/queries/" + id), body), Query.class);
    }

    public List<QueryVersion> versions(long queryId) {
        return JSON.convertValue(get(url("api/queries/" + queryId + "/versions")), new TypeReference<>() { });
    }

    public QueryVersion version(long queryId, long version) {
        return JSON.treeToValue(get(url("api/queries/" + queryId + "/versions/" + version)), QueryVersion.class);
    }

    /** The options of a query-based dropdown: from the latest result of query {@code queryId}. */
    public List<DropdownOption> dropdown(long queryId) {
        List<DropdownOption> options = new ArrayList<>();
        for (JsonNode option : get(url("api/queries/" + queryId + "/dropdown"))) {
            String value = option.path("value").asString();
            options.add(new DropdownOption(option.path("name").isNull() || option.path("name").isMissingNode()
                    ? value : option.path("name").asString(), value));
        }
        return options;
    }

    /** The parameter declarations in a query's {@code options}. */
    public static List<ParameterDeclaration> parameters(Map<String, Object> options) {
        Object declared = options == null ? null : options.get("parameters");
        if (declared == null) {
            return List.of();
        }
        return JSON.convertValue(declared, new TypeReference<List<ParameterDeclaration>>() { });
    }

    /** Always runs ({@code max_age: 0}): an analyst pressing Run wants fresh rows. */
    public RunStart run(long dataSourceId, String sql, Map<String, Object> parameters, Long queryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data_source_id", dataSourceId);
        body.put("query", sql);
        body.put("max_age", 0);
        body.put("parameters", parameters);
        if (queryId != null) {
            body.put("query_id", queryId);
        }
        JsonNode answer = post(url("api/query_results"), body);
        if (answer.has("query_result")) {
            return new RunStart.Ready(answer.path("query_result").path("id").asLong());
        }
        return new RunStart.Queued(JSON.treeToValue(answer.path("job"), Job.class));
    }

    /**
     * Runs a saved query as it is saved ({@code max_age: 0}), the server binding {@code parameters} with its
     * declarations: the run a view-only user may make, and the one that keeps the result as the query's latest.
     */
    public RunStart runSaved(long queryId, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("max_age", 0);
        body.put("parameters", parameters);
        JsonNode answer = post(url("api/queries/" + queryId + "/results"), body);
        if (answer.has("query_result")) {
            return new RunStart.Ready(answer.path("query_result").path("id").asLong());
        }
        return new RunStart.Queued(JSON.treeToValue(answer.path("job"), Job.class));
    }

    public Job job(String jobId) {
        return JSON.treeToValue(get(url("api/jobs/" + jobId)).path("job"), Job.class);
    }

    public void cancelJob(String jobId) {
        delete(url("api/jobs/" + jobId));
    }

    public ResultPage resultPage(long resultId, long offset, int limit) {
        HttpUrl url = url("api/query_results/" + resultId).newBuilder()
                .addQueryParameter("offset", Long.toString(offset))
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        JsonNode result = get(url).path("query_result");
        List<Column> columns = JSON.convertValue(result.path("data").path("columns"), new TypeReference<>() { });
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode row : result.path("data").path("rows")) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = scalar(row.get(columns.get(i).name()));
            }
            rows.add(values);
        }
        return new ResultPage(result.path("id").asLong(), result.path("runtime").asDouble(),
                result.path("retrieved_at").asString(""), result.path("row_count").asLong(rows.size()),
                result.path("truncated").asBoolean(false), result.path("row_limit").asLong(0),
                result.path("offset").asLong(offset), columns, rows);
    }

    public List<DataSourceType> dataSourceTypes() {
        return JSON.convertValue(get(url("api/data_sources/types")), new TypeReference<List<DataSourceType>>() { });
    }

    /** The admin view of a data source: options with secrets masked as {@link DataSourceDetail#MASK}. */
    public DataSourceDetail dataSource(long id) {
        return JSON.treeToValue(get(url("api/data_sources/" + id)), DataSourceDetail.class);
    }

    public long createDataSource(String name, String type, Map<String, Object> options) {
        return post(url("api/data_sources"), new DataSourceRequest(name, type, options)).path("id").asLong();
    }

    public void updateDataSource(long id, String name, String type, Map<String, Object> options) {
        post(url("api/data_sources/" + id), new DataSourceRequest(name, type, options));
    }

    /** @return null when the connection works, else the database's message */
    public String testDataSource(long id) {
        ConnectionTestResult result = JSON.treeToValue(post(url("api/data_sources/" + id + "/test"), Map.of()),
                ConnectionTestResult.class);
        return result.ok() ? null : result.message() == null ? "the test failed" : result.message();
    }

    /** {@code GET /api/alerts}: the alerts of the queries the user reaches. */
    public List<AlertSummary> alerts() {
        List<AlertSummary> alerts = new ArrayList<>();
        for (JsonNode alert : get(url("api/alerts"))) {
            alerts.add(alertSummary(alert));
        }
        return alerts;
    }

    /** {@code POST /api/alerts}: {@code options} as Redash's ({@code column, op, value, selector...}). */
    public AlertSummary createAlert(String name, long queryId, Map<String, Object> options) {
        return createAlert(name, queryId, options, null);
    }

    /** @param rearm seconds between re-notifications while triggered, or null for none */
    public AlertSummary createAlert(String name, long queryId, Map<String, Object> options, Integer rearm) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("query_id", queryId);
        body.put("options", options);
        body.put("rearm", rearm);
        return alertSummary(post(url("api/alerts"), body));
    }

    /** {@code POST|DELETE /api/alerts/{id}/mute}. */
    public AlertSummary muteAlert(long id, boolean muted) {
        HttpUrl url = url("api/alerts/" + id + "/mute");
        return alertSummary(muted ? post(url, Map.of()) : delete(url));
    }

    /** {@code GET /api/destinations/types}: the same schema form as data source types. */
    public List<DataSourceType> destinationTypes() {
        return JSON.convertValue(get(url("api/destinations/types")), new TypeReference<List<DataSourceType>>() { });
    }

    public List<DestinationSummary> destinations() {
        List<DestinationSummary> out = new ArrayList<>();
        for (JsonNode d : get(url("api/destinations"))) {
            out.add(destination(d));
        }
        return out;
    }

    public DestinationSummary destination(long id) {
        return destination(get(url("api/destinations/" + id)));
    }

    /** Creates ({@code id} null) or updates a destination. */
    public DestinationSummary saveDestination(Long id, String name, String type, Map<String, Object> options) {
        Map<String, Object> body = Map.of("name", name, "type", type, "options", options);
        return destination(post(url(id == null ? "api/destinations" : "api/destinations/" + id), body));
    }

    public void deleteDestination(long id) {
        delete(url("api/destinations/" + id));
    }

    /** @return null when the test notification was delivered, else why not */
    public String testDestination(long id) {
        JsonNode answer = post(url("api/destinations/" + id + "/test"), Map.of());
        return answer.path("ok").asBoolean() ? null : answer.path("message").asString("the test failed");
    }

    private static DestinationSummary destination(JsonNode d) {
        Map<String, Object> options = d.has("options")
                ? JSON.convertValue(d.path("options"), new TypeReference<Map<String, Object>>() { }) : null;
        return new DestinationSummary(d.path("id").asLong(), d.path("name").asString(), d.path("type").asString(),
                options);
    }

    private static AlertSummary alertSummary(JsonNode alert) {
        JsonNode last = alert.path("last_triggered_at");
        return new AlertSummary(alert.path("id").asLong(), alert.path("name").asString(),
                alert.path("query").path("name").asString(), alert.path("state").asString(),
                last.isNull() || last.isMissingNode() ? null : last.asString(),
                alert.path("options").path("muted").asBoolean());
    }

    /**
     * Whether the server manages users and groups ({@code /api/users}); an older server answers 404 and the
     * workbench hides those screens.
     */
    public boolean offersUsersAndGroups() {
        try {
            get(url("api/users"));
            return true;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Every user, enabled and disabled, by name: the server pages {@code /api/users} and lists disabled users only
     * when asked ({@code disabled=true}), as Redash does.
     */
    public List<User> users() {
        List<User> users = new ArrayList<>(users(false));
        users.addAll(users(true));
        users.sort(Comparator.comparing((User user) -> user.name().toLowerCase(Locale.ROOT)).thenComparing(User::id));
        return users;
    }

    private List<User> users(boolean disabled) {
        List<User> users = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpUrl url = url("api/users").newBuilder().addQueryParameter("disabled", Boolean.toString(disabled))
                    .addQueryParameter("page", Integer.toString(page)).addQueryParameter("page_size", "250").build();
            JsonNode listed = get(url);
            // the list names each user's groups as {id, name}, as Redash's does; a single user as ids
            listed.path("results").forEach(user -> {
                if (user.path("groups") instanceof tools.jackson.databind.node.ArrayNode groups) {
                    var ids = groups.valueStream().map(g -> g.isObject() ? g.path("id") : g).toList();
                    groups.removeAll().addAll(ids);
                }
            });
            UserPage answer = JSON.treeToValue(listed, UserPage.class);
            users.addAll(answer.results());
            if (answer.results().isEmpty() || users.size() >= answer.count()) {
                return users;
            }
        }
    }

    /** @param password null: the user cannot log in with a password, only with their API key */
    public User createUser(String name, String email, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        if (password != null) {
            body.put("password", password);
        }
        return JSON.treeToValue(post(url("api/users"), body), User.class);
    }

    /** @param changes Redash's fields to change: name, email, password, groups (ids); absent ones stay */
    public User updateUser(long id, Map<String, Object> changes) {
        return JSON.treeToValue(post(url("api/users/" + id), changes), User.class);
    }

    public User regenerateApiKey(long userId) {
        return JSON.treeToValue(post(url("api/users/" + userId + "/regenerate_api_key"), Map.of()), User.class);
    }

    public User setUserDisabled(long userId, boolean disabled) {
        HttpUrl url = url("api/users/" + userId + "/disable");
        JsonNode user = disabled ? post(url, Map.of()) : call(new Request.Builder().url(url).delete().build());
        return JSON.treeToValue(user, User.class);
    }

    public List<io.sightline.common.api.snippet.QuerySnippet> querySnippets() {
        return JSON.convertValue(get(url("api/query_snippets")),
                new TypeReference<List<io.sightline.common.api.snippet.QuerySnippet>>() { });
    }

    public io.sightline.common.api.snippet.QuerySnippet saveQuerySnippet(Long id, String trigger, String description,
                                                                       String snippet) {
        return JSON.treeToValue(post(url(id == null ? "api/query_snippets" : "api/query_snippets/" + id),
                Map.of("trigger", trigger, "description", description, "snippet", snippet)),
                io.sightline.common.api.snippet.QuerySnippet.class);
    }

    public void deleteQuerySnippet(long id) {
        call(new Request.Builder().url(url("api/query_snippets/" + id)).delete().build());
    }

    public List<Group> groups() {
        return JSON.convertValue(get(url("api/groups")), new TypeReference<List<Group>>() { });
    }

    public Group createGroup(String name) {
        return JSON.treeToValue(post(url("api/groups"), Map.of("name", name)), Group.class);
    }

    public Group renameGroup(long id, String name) {
        return JSON.treeToValue(post(url("api/groups/" + id), Map.of("name", name)), Group.class);
    }

    public void deleteGroup(long id) {
        call(new Request.Builder().url(url("api/groups/" + id)).delete().build());
    }

    public List<User> groupMembers(long groupId) {
        return JSON.convertValue(get(url("api/groups/" + groupId + "/members")), new TypeReference<List<User>>() { });
    }

    public void addGroupMember(long groupId, long userId) {
        post(url("api/groups/" + groupId + "/members"), Map.of("user_id", userId));
    }

    public void removeGroupMember(long groupId, long userId) {
        call(new Request.Builder().url(url("api/groups/" + groupId + "/members/" + userId)).delete().build());
    }

    public List<GroupDataSource> groupDataSources(long groupId) {
        return JSON.convertValue(get(url("api/groups/" + groupId + "/data_sources")),
                new TypeReference<List<GroupDataSource>>() { });
    }

    /** Gives the group access to the data source, or changes whether that access is view-only. */
    public void grantDataSource(long groupId, long dataSourceId, boolean viewOnly) {
        post(url("api/groups/" + groupId + "/data_sources"), Map.of("data_source_id", dataSourceId));
        post(url("api/groups/" + groupId + "/data_sources/" + dataSourceId), Map.of("view_only", viewOnly));
    }

    public void revokeDataSource(long groupId, long dataSourceId) {
        call(new Request.Builder().url(url("api/groups/" + groupId + "/data_sources/" + dataSourceId)).delete().build());
    }

    private static Object scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.isBigDecimal() ? node.decimalValue() : (Object) node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private static Map<String, Object> body(QueryDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data_source_id", draft.dataSourceId());
        body.put("name", draft.name());
        body.put("description", draft.description());
        body.put("query", draft.sql());
        body.put("options", Map.of("parameters", draft.parameters()));
        body.put("tags", draft.tags());
        return body;
    }

    HttpUrl url(String path) {
        return base.newBuilder().addPathSegments(path).build();
    }

    // package-private: the per-feature clients of this package (VisualizationsClient, ...) share this transport
    JsonNode get(HttpUrl url) {
        return call(new Request.Builder().url(url).get().build());
    }

    JsonNode delete(HttpUrl url) {
        return call(new Request.Builder().url(url).delete().build());
    }

    /** A DELETE with a JSON body, as Redash's {@code /acl} endpoints take one. */
    JsonNode delete(HttpUrl url, Object body) {
        String json = JSON.writeValueAsString(body);
        return call(new Request.Builder().url(url).delete(RequestBody.create(json, JSON_TYPE)).build());
    }

    JsonNode post(HttpUrl url, Object body) {
        String json = JSON.writeValueAsString(body);
        return call(new Request.Builder().url(url).post(RequestBody.create(json, JSON_TYPE)).build());
    }

    /** A streamed answer written to a file: its length and the answer's headers. */
    record Download(long bytes, okhttp3.Headers headers) {
    }

    /**
     * Streams the answer of a GET into {@code target}, replacing it; an interrupt (a cancelled task) stops the copy
     * between chunks and removes the partial file.
     */
    Download download(HttpUrl url, java.nio.file.Path target) {
        Request.Builder request = new Request.Builder().url(url).get();
        if (!apiKey.isEmpty()) {
            request.header("Authorization", "Key " + apiKey);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), failureMessage(response.code(), body == null ? "" : body.string()));
            }
            long written = 0;
            java.io.OutputStream out;
            try {
                out = java.nio.file.Files.newOutputStream(target);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not write " + target.getFileName() + ": " + e, e);
            }
            try (java.io.InputStream in = body.byteStream(); out) {
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("cancelled");
                    }
                    out.write(chunk, 0, n);
                    written += n;
                }
            } catch (IOException e) {
                java.nio.file.Files.deleteIfExists(target);
                throw e;
            }
            return new Download(written, response.headers());
        } catch (IOException e) {
            throw new ApiException(unreachableMessage(e), e);
        }
    }

    private JsonNode call(Request request) {
        return call(http, request);
    }

    private JsonNode call(OkHttpClient client, Request request) {
        Request.Builder authorised = request.newBuilder().header("Accept", "application/json");
        if (!apiKey.isEmpty()) {
            authorised.header("Authorization", "Key " + apiKey);
        }
        try (Response response = client.newCall(authorised.build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), failureMessage(response.code(), text));
            }
            return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new ApiException(unreachableMessage(e), e);
        } catch (JacksonException e) {
            throw new ApiException(500, "The server at " + baseUrl() + " sent an answer the workbench cannot read ("
                    + e.getOriginalMessage() + "). Is this a Sightline server?");
        }
    }

    /** Keeps the session cookie of one sign-in, in memory only. */
    private static final class SessionCookies implements CookieJar {
        private final List<Cookie> cookies = new ArrayList<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            received.forEach(cookie -> cookies.removeIf(old -> old.name().equals(cookie.name())));
            cookies.addAll(received);
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return cookies.stream().filter(cookie -> cookie.matches(url)).toList();
        }

        synchronized java.util.Optional<String> value(String name) {
            return cookies.stream().filter(cookie -> cookie.name().equals(name)).map(Cookie::value).findFirst();
        }
    }

    private String failureMessage(int status, String body) {
        String serverMessage = null;
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : List.of("message", "detail", "title")) {
                if (json.hasNonNull(field) && !json.path(field).asString().isBlank()) {
                    serverMessage = json.path(field).asString();
                    break;
                }
            }
        } catch (JacksonException notJson) {
            // a proxy's HTML page or plain text: the status below says enough
        }
        return switch (status) {
            case 401 -> "The server at " + baseUrl() + " did not accept the API key. Check the key"
                    + " (the admin's key is in ~/.sightline/admin-api-key on the server).";
            case 403 -> serverMessage != null ? serverMessage : "You are not allowed to do this.";
            case 404 -> serverMessage != null ? serverMessage : "Not found on the server (" + baseUrl() + ").";
            default -> serverMessage != null ? serverMessage : "The server answered HTTP " + status + ".";
        };
    }

    private String unreachableMessage(IOException e) {
        String where = "Cannot reach the server at " + baseUrl();
        if (e instanceof ConnectException) {
            return where + ": the connection was refused. Is the server running, and is the port right?";
        }
        if (e instanceof UnknownHostException) {
            return where + ": the host name \"" + base.host() + "\" is unknown.";
        }
        if (e instanceof InterruptedIOException) {
            return where + ": it did not answer in time.";
        }
        return where + ": " + e.getMessage();
    }
}

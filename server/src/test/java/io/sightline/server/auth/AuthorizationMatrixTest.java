package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what, for every endpoint the server has: one line per endpoint, one column per role, the status each
 * role must get, sent over HTTP to the running server. The endpoints are asked of Spring, so an endpoint added
 * without a line here fails {@link #everyEndpointHasALine()}. All mismatches are reported at once, as a table.
 *
 * <p>The columns: {@code ANON} no credentials; {@code NONE} a user whose groups do not reach the data source;
 * {@code VIEW} view-only access; {@code FULL} full access, owner of the fixtures; {@code ADMIN}; these four signed
 * in with a session cookie, as a browser is. {@code DIS} a disabled user's key; {@code UKEY} FULL's own key in the
 * {@code Authorization: Key} header; {@code QKEY} the fixture query's API key as {@code ?api_key=}.
 *
 * <p>Placeholders in a path or body are fixtures: {@code {ds}} the data source (the machine's PostgreSQL, so a job
 * can be slow enough to be answered as a job), {@code {query}} FULL's saved safe query on it, {@code {result}} its
 * latest result, {@code {job}} a job FULL ran on it, {@code {dashboard}}, {@code {group}} the full-access group,
 * {@code {user}} the view-only user, {@code {viewWidget}} a widget of {@code {query}} on {@code {dashboard}}.
 * {@code {new...}} is created afresh for every request (so deleting, disabling, pausing cannot disturb the next
 * line) and owned by FULL (queries, dashboards, visualizations of {@code {query}}) or made by an admin;
 * {@code {uuid}} is a fresh unique text; {@code {accessType}} is {@code modify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends EmbeddedServerTest {

    enum Role { ANON, NONE, VIEW, FULL, ADMIN, DIS, UKEY, QKEY }

    /*
     * The model (docs/security.md, "Who may do what"): anonymous 401; a key that is wrong, disabled, or a query key
     * outside its own query's results 401; what a user cannot reach (a query, result, job or dropdown of a data source
     * none of their groups reaches, a group they are not in) 404; an action the user may not take on what they can
     * see 403; admin-only endpoints 403 for every non-admin; a data source itself 403 to a user without access.
     */
    private static final String ENDPOINTS = """
            # method path                                           ANON NONE VIEW FULL ADMIN DIS UKEY QKEY  body
            GET    /ping                                             200  200  200  200  200  401  200  401
            GET    /api/login_methods                                200  200  200  200  200  401  200  401
            POST   /login                                            400  400  400  400  400  401  400  401  {}
            # single sign-on: its start is 404 without a provider (OidcLoginTest has one); a desktop code is the credential
            GET    /login/sso                                        404  404  404  404  404  401  404  401
            POST   /login/sso/desktop_key                            400  400  400  400  400  401  400  401  {}
            # the browser's sign-in page: anyone (a query key in the URL is refused off the result paths)
            GET    /login                                            200  200  200  200  200  401  200  401
            # the pages of invitation and reset links: the link's token is the credential, whoever holds it; their
            # form is taken only with the page's CSRF token (a 403 page without)
            GET    /invite/{newInviteToken}                          200  200  200  200  200  401  200  401
            POST   /invite/{newInviteToken}                          403  403  403  403  403  401  403  401
            GET    /reset/{newResetToken}                            200  200  200  200  200  401  200  401
            POST   /reset/{newResetToken}                            403  403  403  403  403  401  403  401
            POST   /logout                                           200  200  200  200  200  401  200  401
            GET    /status.json                                      401  403  403  403  200  401  403  401
            GET    /error                                            401  403  403  403  403  401  403  401
            GET    /api/session                                      401  200  200  200  200  401  200  401

            GET    /api/settings/organization                        401  403  403  403  200  401  403  401
            POST   /api/settings/organization                        401  403  403  403  200  401  403  401  {"null_value":"null"}

            GET    /api/users                                        401  200  200  200  200  401  200  401
            POST   /api/users                                        401  403  403  403  200  401  403  401  {"name":"Matrix new","email":"matrix-{uuid}@example.com"}
            GET    /api/users/{user}                                 401  200  200  200  200  401  200  401
            POST   /api/users/{newUser}                              401  403  403  403  200  401  403  401  {"name":"Matrix renamed"}
            POST   /api/users/{newUser}/regenerate_api_key           401  403  403  403  200  401  403  401
            POST   /api/users/{newUser}/disable                      401  403  403  403  200  401  403  401
            DELETE /api/users/{newUser}/disable                      401  403  403  403  200  401  403  401
            POST   /api/users/{newUser}/invite                       401  403  403  403  200  401  403  401
            POST   /api/users/{newUser}/reset_password               401  403  403  403  200  401  403  401
            # {newUser} is a pending invitation (made without a password): the only kind of user that can be deleted
            DELETE /api/users/{newUser}                              401  403  403  403  200  401  403  401

            GET    /api/groups                                       401  200  200  200  200  401  200  401
            POST   /api/groups                                       401  403  403  403  200  401  403  401  {"name":"matrix-{uuid}"}
            GET    /api/groups/{group}                               401  404  404  200  200  401  200  401
            POST   /api/groups/{newGroup}                            401  403  403  403  200  401  403  401  {"name":"matrix-{uuid}"}
            DELETE /api/groups/{newGroup}                            401  403  403  403  200  401  403  401
            GET    /api/groups/{group}/members                       401  404  404  200  200  401  200  401
            POST   /api/groups/{newGroup}/members                    401  403  403  403  200  401  403  401  {"user_id":{user}}
            DELETE /api/groups/{newGroupWithMember}/members/{user}   401  403  403  403  200  401  403  401
            GET    /api/groups/{group}/data_sources                  401  403  403  403  200  401  403  401
            POST   /api/groups/{newGroup}/data_sources               401  403  403  403  200  401  403  401  {"data_source_id":{ds},"view_only":true}
            POST   /api/groups/{newGroup}/data_sources/{ds}          401  403  403  403  200  401  403  401  {"view_only":true}
            DELETE /api/groups/{newGroup}/data_sources/{ds}          401  403  403  403  200  401  403  401

            GET    /api/data_sources                                 401  200  200  200  200  401  200  401
            GET    /api/data_sources/types                           401  403  403  403  200  401  403  401
            POST   /api/data_sources                                 401  403  403  403  200  401  403  401  {"name":"matrix-{uuid}","type":"pg","options":{"host":"127.0.0.1","port":5432,"user":"postgres","dbname":"test"}}
            GET    /api/data_sources/{ds}                            401  403  200  200  200  401  200  401
            POST   /api/data_sources/{newDs}                         401  403  403  403  200  401  403  401  {"name":"matrix-{uuid}","type":"pg","options":{"host":"127.0.0.1","port":5432,"user":"postgres","dbname":"test"}}
            DELETE /api/data_sources/{newDs}                         401  403  403  403  204  401  403  401
            POST   /api/data_sources/{newDs}/pause                   401  403  403  403  200  401  403  401  {"reason":"matrix"}
            DELETE /api/data_sources/{newDs}/pause                   401  403  403  403  200  401  403  401
            POST   /api/data_sources/{ds}/test                       401  403  403  403  200  401  403  401
            GET    /api/data_sources/{ds}/schema                     401  403  200  200  200  401  200  401

            GET    /api/queries                                      401  200  200  200  200  401  200  401
            GET    /api/queries/search?q=matrix                      401  200  200  200  200  401  200  401
            GET    /api/queries/my                                   401  200  200  200  200  401  200  401
            GET    /api/queries/favorites                            401  200  200  200  200  401  200  401
            GET    /api/queries/recent                               401  200  200  200  200  401  200  401
            GET    /api/queries/archive                              401  200  200  200  200  401  200  401
            GET    /api/queries/tags                                 401  200  200  200  200  401  200  401
            POST   /api/queries                                      401  403  403  200  200  401  200  401  {"data_source_id":{ds},"name":"matrix {uuid}","query":"SELECT 2 AS n"}
            GET    /api/queries/{query}                              401  404  200  200  200  401  200  401
            POST   /api/queries/{newQuery}                           401  404  403  200  200  401  200  401  {"name":"matrix renamed {uuid}"}
            DELETE /api/queries/{newQuery}                           401  404  403  200  200  401  200  401
            POST   /api/queries/{query}/fork                         401  404  403  200  200  401  200  401
            POST   /api/queries/{query}/favorite                     401  404  200  200  200  401  200  401
            DELETE /api/queries/{query}/favorite                     401  404  200  200  200  401  200  401
            GET    /api/queries/{query}/versions                     401  404  200  200  200  401  200  401
            GET    /api/queries/{query}/versions/{version}           401  404  200  200  200  401  200  401
            GET    /api/queries/{query}/dropdown                     401  404  200  200  200  401  200  401
            GET    /api/queries/{query}/dropdowns/{query}            401  404  200  200  200  401  200  401
            # per-object permissions: anyone who sees it lists them; the owner or an admin grants and revokes
            GET    /api/queries/{query}/acl                          401  404  200  200  200  401  200  401
            POST   /api/queries/{query}/acl                          401  404  403  200  200  401  200  401  {"access_type":"modify","user_id":{newUser}}
            DELETE /api/queries/{query}/acl                          401  404  403  200  200  401  200  401  {"access_type":"modify","user_id":{newUser}}
            GET    /api/queries/{query}/acl/{accessType}             401  404  200  200  200  401  200  401

            POST   /api/query_results                                401  403  403  200  200  401  200  401  {"data_source_id":{ds},"query":"SELECT 1 AS n"}
            POST   /api/queries/{query}/results                      401  404  200  200  200  401  200  401  {}
            GET    /api/queries/{query}/results                      401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results.json                 401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results.csv                  401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results.tsv                  401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results.xlsx                 401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results/{result}             401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results/{result}.json        401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results/{result}.csv         401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results/{result}.tsv         401  404  200  200  200  401  200  200
            GET    /api/queries/{query}/results/{result}.xlsx        401  404  200  200  200  401  200  200
            GET    /api/query_results/{result}                       401  404  200  200  200  401  200  200
            GET    /api/query_results/{result}.json                  401  404  200  200  200  401  200  200
            GET    /api/query_results/{result}.csv                   401  404  200  200  200  401  200  200
            GET    /api/query_results/{result}.tsv                   401  404  200  200  200  401  200  200
            GET    /api/query_results/{result}.xlsx                  401  404  200  200  200  401  200  200
            POST   /api/queries/{query}/refresh                      401  404  403  200  200  401  200  401
            GET    /api/jobs/{job}                                   401  404  200  200  200  401  200  401
            GET    /api/queries/{query}/jobs/{job}                   401  404  200  200  200  401  200  401
            DELETE /api/jobs/{job}                                   401  404  403  200  200  401  200  401

            GET    /api/query_snippets                               401  200  200  200  200  401  200  401
            POST   /api/query_snippets                               401  200  200  200  200  401  200  401  {"trigger":"matrix{uuid}","description":"matrix","snippet":"SELECT 1"}
            GET    /api/query_snippets/{snippet}                     401  200  200  200  200  401  200  401
            POST   /api/query_snippets/{newSnippet}                  401  403  403  200  200  401  200  401  {"snippet":"SELECT 2"}
            DELETE /api/query_snippets/{newSnippet}                  401  403  403  200  200  401  200  401

            POST   /api/visualizations                               401  404  403  200  200  401  200  401  {"query_id":{query},"type":"CHART","name":"matrix","options":{"globalSeriesType":"line"}}
            POST   /api/visualizations/{newVisualization}            401  404  403  200  200  401  200  401  {"name":"matrix renamed"}
            DELETE /api/visualizations/{newVisualization}            401  404  403  200  200  401  200  401

            GET    /api/dashboards                                   401  200  200  200  200  401  200  401
            GET    /api/dashboards/my                                401  200  200  200  200  401  200  401
            GET    /api/dashboards/favorites                         401  200  200  200  200  401  200  401
            POST   /api/dashboards                                   401  200  200  200  200  401  200  401  {"name":"matrix {uuid}"}
            GET    /api/dashboards/{dashboard}                       401  200  200  200  200  401  200  401
            DELETE /api/dashboards/{newDashboard}                    401  403  403  200  200  401  200  401
            POST   /api/dashboards/{dashboard}                       401  403  403  200  200  401  200  401  {"tags":["matrix"]}
            POST   /api/dashboards/{dashboard}/fork                  401  200  200  200  200  401  200  401
            GET    /api/dashboards/tags                              401  200  200  200  200  401  200  401
            POST   /api/widgets                                      401  403  403  200  200  401  200  401  {"dashboard_id":{dashboard},"visualization_id":null,"text":"matrix"}
            POST   /api/widgets/{newWidget}                          401  403  403  200  200  401  200  401  {"text":"matrix changed"}
            DELETE /api/widgets/{newWidget}                          401  403  403  200  200  401  200  401
            # after the widget lines: {dashboard} now shows a widget of {query}, restricted for NONE
            GET    /api/dashboards/{dashboard}/export                401  403  200  200  200  401  200  401
            # a dashboard's page for signed-in users: anyone else is sent to the sign-in page; the page reads the
            # dashboard with unreachable widgets restricted (NONE), and a widget's result as the caller runs it
            GET    /dashboards/{dashboard}                           302  200  200  200  200  401  200  401
            GET    /api/dashboards/{dashboard}/view                  401  200  200  200  200  401  200  401
            GET    /api/dashboards/{dashboard}/widgets/{viewWidget}/results  401  404  200  200  200  401  200  401
            POST   /api/dashboards/import                            401  200  200  200  200  401  200  401  {"name":"matrix import {uuid}","widgets":[]}
            POST   /api/dashboards/{dashboard}/favorite              401  200  200  200  200  401  200  401
            DELETE /api/dashboards/{dashboard}/favorite              401  200  200  200  200  401  200  401
            GET    /api/dashboards/{dashboard}/acl                   401  200  200  200  200  401  200  401
            POST   /api/dashboards/{dashboard}/acl                   401  403  403  200  200  401  200  401  {"access_type":"modify","user_id":{newUser}}
            DELETE /api/dashboards/{dashboard}/acl                   401  403  403  200  200  401  200  401  {"access_type":"modify","user_id":{newUser}}
            GET    /api/dashboards/{dashboard}/acl/{accessType}      401  200  200  200  200  401  200  401
            GET    /api/alerts                                       401  200  200  200  200  401  200  401
            POST   /api/alerts                                       401  404  200  200  200  401  200  401  {"name":"matrix {uuid}","query_id":{query},"options":{"column":"n","op":">","value":1}}
            GET    /api/alerts/{alert}                               401  404  200  200  200  401  200  401
            POST   /api/alerts/{newAlert}                            401  404  403  200  200  401  200  401  {"name":"matrix renamed"}
            DELETE /api/alerts/{newAlert}                            401  404  403  200  200  401  200  401
            POST   /api/alerts/{alert}/mute                          401  404  403  200  200  401  200  401
            DELETE /api/alerts/{alert}/mute                          401  404  403  200  200  401  200  401
            POST   /api/alerts/{alert}/eval                          401  404  403  200  200  401  200  401
            GET    /api/alerts/{alert}/subscriptions                 401  404  200  200  200  401  200  401
            POST   /api/alerts/{alert}/subscriptions                 401  404  200  200  200  401  200  401  {"destination_id":{newDestination}}
            DELETE /api/alerts/{alert}/subscriptions/{newSubscription} 401 404 403  200  200  401  200  401
            GET    /api/alerts/{alert}/deliveries                    401  404  200  200  200  401  200  401

            GET    /api/destinations                                 401  200  200  200  200  401  200  401
            GET    /api/destinations/types                           401  403  403  403  200  401  403  401
            POST   /api/destinations                                 401  403  403  403  200  401  403  401  {"name":"matrix {uuid}","type":"slack","options":{"url":"http://127.0.0.1:9/hook"}}
            GET    /api/destinations/{destination}                   401  403  403  403  200  401  403  401
            POST   /api/destinations/{newDestination}                401  403  403  403  200  401  403  401  {"name":"matrix renamed {uuid}"}
            DELETE /api/destinations/{newDestination}                401  403  403  403  204  401  403  401
            POST   /api/destinations/{destination}/test              401  403  403  403  200  401  403  401

            GET    /api/events                                       401  403  403  403  200  401  403  401
            GET    /api/events?action=create&since=1d&page_size=5    401  403  403  403  200  401  403  401
            GET    /api/events/export?format=csv                     401  403  403  403  200  401  403  401
            POST   /api/admin/secret_key/rotate                      401  403  403  403  200  401  403  401
            POST   /api/dashboards/{dashboard}/share                 401  403  403  200  200  401  200  401
            POST   /api/dashboards/{dashboard}/embed                 401  403  403  200  200  401  200  401
            DELETE /api/dashboards/{dashboard}/share                 401  403  403  200  200  401  200  401
            # a public link's token is its own credential: anyone holding it, signed in or not (a query key in the
            # URL is refused off the result paths, a disabled key always)
            GET    /api/dashboards/public/{shareToken}               200  200  200  200  200  401  200  401
            GET    /api/dashboards/public/{shareToken}/widgets/{shareWidget}/results  200  200  200  200  200  401  200  401
            GET    /public/dashboards/{shareToken}                   200  200  200  200  200  401  200  401
            # the outlines the shared page draws maps on: no one's data
            GET    /viewer/maps/{mapOutline}                         200  200  200  200  200  401  200  401
            """;

    /** Paths no controller serves: actuator endpoints (their own handler mapping) and what no rule names. */
    private static final String OUTSIDE_CONTROLLERS = """
            # method path                                           ANON NONE VIEW FULL ADMIN DIS UKEY QKEY
            GET    /actuator/health                                  200  200  200  200  200  401  200  401
            GET    /actuator/health/liveness                         200  200  200  200  200  401  200  401
            GET    /actuator/health/readiness                        200  200  200  200  200  401  200  401
            GET    /actuator/prometheus                              200  200  200  200  200  401  200  401
            GET    /actuator                                         401  403  403  403  403  401  403  401
            GET    /actuator/info                                    401  403  403  403  403  401  403  401
            GET    /no-such-page                                     401  403  403  403  403  401  403  401
            POST   /no-such-page                                     401  403  403  403  403  401  403  401
            GET    /api/no-such-thing                                401  404  404  404  404  401  404  401
            GET    /viewer/viewer.js                                 200  200  200  200  200  401  200  401
            GET    /viewer/maps/no-such-map.geojson                  404  404  404  404  404  401  404  401
            GET    /webjars/echarts/5.3.1/dist/echarts.min.js        200  200  200  200  200  401  200  401
            GET    /webjars/no-such-library/1/x.js                   401  403  403  403  403  401  403  401
            GET    /api/dashboards/public/no-such-token              404  404  404  404  404  401  404  401
            GET    /public/dashboards/no-such-token                  404  404  404  404  404  401  404  401
            GET    /dashboards/987654321-no-such-dashboard           302  404  404  404  404  401  404  401
            # the CORS preflight of the result paths (ResultCors; a key may come in the URL, as a preflight has no
            # Authorization header): nothing is read, so anyone signed in or the query's key
            OPTIONS /api/query_results/{result}.csv                  401  200  200  200  200  401  200  200
            OPTIONS /api/queries/{query}/results                     401  200  200  200  200  401  200  200
            OPTIONS /api/queries/{query}/results/{result}.json       401  200  200  200  200  401  200  200
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String PASSWORD = "matrix password 0123456789";
    private static final String PG = "\"host\":\"127.0.0.1\",\"port\":5432,\"user\":\"postgres\",\"dbname\":\"test\"";

    private final ApplicationContext context;
    private Api admin;
    private Api fullKey;
    private final Map<String, String> fixtures = new java.util.HashMap<>();
    private final Map<Role, MatrixCaller> callers = new java.util.EnumMap<>(Role.class);
    private final Map<Role, String> emails = new java.util.EnumMap<>(Role.class);

    AuthorizationMatrixTest(ApplicationContext context) {
        this.context = context;
    }

    record Line(String method, String path, List<Integer> expected, String body, String source) {

        /** The endpoint's pattern as Spring lists it, variables named alike: {@code GET /api/queries/{}}. */
        String endpoint() {
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            return method + " " + bare.replaceAll("\\{[^}]*}", "{}");
        }
    }

    @BeforeAll
    void fixtures() {
        admin = api();
        var users = new UserAdminSupport(admin);
        String ds = String.valueOf(createDataSource());
        fixtures.put("ds", ds);
        long defaults = admin.get("/api/groups").json().valueStream()
                .filter(g -> "default".equals(g.path("name").asString())).findFirst().orElseThrow().path("id").asLong();
        // only the groups below reach it, whatever a new data source is granted by default
        admin.delete("/api/groups/" + defaults + "/data_sources/" + ds);

        long fullGroup = group(users, "matrix-full", ds, false);
        long viewGroup = group(users, "matrix-view", ds, true);
        long noneGroup = users.createGroup("matrix-none").path("id").asLong();
        JsonNode full = member(users, "Matrix Full", fullGroup);
        JsonNode view = member(users, "Matrix View", viewGroup);
        JsonNode none = member(users, "Matrix None", noneGroup);
        JsonNode disabled = member(users, "Matrix Disabled", fullGroup);
        fixtures.put("group", String.valueOf(fullGroup));
        fixtures.put("user", view.path("id").asString());
        fullKey = users.as(full);

        var query = fullKey.post("/api/queries", Map.of("data_source_id", Long.parseLong(ds),
                "name", "matrix query " + UUID.randomUUID(), "query", "SELECT 1 AS n"));
        assertThat(query.status()).as(query.toString()).isEqualTo(200);
        String queryId = query.json().path("id").asString();
        fixtures.put("query", queryId);
        var run = fullKey.post("/api/queries/" + queryId + "/results", Map.of("max_age", 0));
        fixtures.put("result", new Runs(fullKey).resultOf(run).path("id").asString());
        String queryKey = query.json().path("api_key").asString();
        assertThat(queryKey).as("the owner is shown the query's API key").isNotBlank();
        fixtures.put("version", fullKey.get("/api/queries/" + queryId + "/versions").json().get(0).path("version")
                .asString());
        var slow = fullKey.post("/api/query_results", Map.of("data_source_id", Long.parseLong(ds),
                "query", "SELECT pg_sleep(1.5) AS slept, '" + UUID.randomUUID() + "' AS matrix", "max_age", 0));
        assertThat(slow.json().has("job")).as("a run slower than the answer wait is answered with its job: " + slow)
                .isTrue();
        fixtures.put("job", slow.json().path("job").path("id").asString());
        var dashboard = fullKey.post("/api/dashboards", Map.of("name", "matrix dashboard " + UUID.randomUUID()));
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        fixtures.put("dashboard", dashboard.json().path("id").asString());
        fixtures.put("alert", value("newAlert"));
        fixtures.put("destination", value("newDestination"));
        fixtures.put("snippet", value("newSnippet"));
        fixtures.put("mapOutline", "countries.geojson");

        String disabledKey = disabled.path("api_key").asString();
        assertThat(admin.post("/api/users/" + disabled.path("id").asString() + "/disable", Map.of()).status())
                .isEqualTo(200);

        emails.put(Role.NONE, none.path("email").asString());
        emails.put(Role.VIEW, view.path("email").asString());
        emails.put(Role.FULL, full.path("email").asString());
        emails.put(Role.ADMIN, admin.get("/api/session").json().path("user").path("email").asString());
        callers.put(Role.ANON, MatrixCaller.anonymous(port));
        for (Role role : List.of(Role.NONE, Role.VIEW, Role.FULL, Role.ADMIN)) {
            callers.put(role, session(role));
        }
        callers.put(Role.DIS, MatrixCaller.withKeyHeader(port, disabledKey));
        callers.put(Role.UKEY, MatrixCaller.withKeyHeader(port, full.path("api_key").asString()));
        callers.put(Role.QKEY, MatrixCaller.withKeyParameter(port, queryKey));
    }

    @Test
    void everyEndpointHasALine() {
        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> served = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String normalized = pattern.replaceAll("\\{[^}]*}", "{}");
                if (methods.isEmpty()) {
                    served.add("* " + normalized);
                }
                methods.forEach(method -> served.add(method.name() + " " + normalized));
            }
        });
        Set<String> lined = new LinkedHashSet<>();
        parse(ENDPOINTS).forEach(line -> lined.add(line.endpoint()));
        Set<String> lineless = new TreeSet<>();
        for (String endpoint : served) {
            boolean anyMethod = endpoint.startsWith("* ");
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (anyMethod ? lined.stream().noneMatch(l -> l.endsWith(" " + path)) : !lined.contains(endpoint)) {
                lineless.add(endpoint);
            }
        }
        Set<String> stale = new TreeSet<>(lined);
        stale.removeIf(l -> served.contains(l) || served.contains("* " + l.substring(l.indexOf(' ') + 1)));
        assertThat(lineless).as("endpoints with no line in AuthorizationMatrixTest.ENDPOINTS: add one").isEmpty();
        assertThat(stale).as("lines of AuthorizationMatrixTest.ENDPOINTS that name no endpoint").isEmpty();
    }

    @Test
    void everyRoleGetsTheStatusOfTheModel() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String table : List.of(ENDPOINTS, OUTSIDE_CONTROLLERS)) {
            for (Line line : parse(table)) {
                for (Role role : Role.values()) {
                    MatrixCaller caller = callers.get(role);
                    if (line.path().equals("/logout") && emails.containsKey(role)) {
                        caller = session(role); // a session of its own to end, not the one the other lines use
                    }
                    var response = caller.send(line.method(), resolve(line.path()),
                            line.body() == null ? null : resolve(line.body()));
                    int expected = line.expected().get(role.ordinal());
                    checked++;
                    if (response.status() != expected) {
                        mismatches.add(String.format(Locale.ROOT, "%-6s %-48s %-5s expected %d, got %d  %s",
                                line.method(), line.path(), role, expected, response.status(), shorten(response.body())));
                    }
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + checked + " requests got another status than the model's:\n"
                    + String.format(Locale.ROOT, "%-6s %-48s %-5s%n", "method", "path", "role")
                    + String.join("\n", mismatches));
        }
    }

    private MatrixCaller session(Role role) {
        return MatrixCaller.signedIn(port, emails.get(role), role == Role.ADMIN ? ADMIN_PASSWORD : PASSWORD);
    }

    private long createDataSource() {
        var response = admin.post("/api/data_sources", "{\"name\":\"matrix-" + UUID.randomUUID()
                + "\",\"type\":\"pg\",\"options\":{" + PG + "}}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    private long group(UserAdminSupport users, String name, String ds, boolean viewOnly) {
        long id = users.createGroup(name).path("id").asLong();
        var granted = admin.post("/api/groups/" + id + "/data_sources",
                Map.of("data_source_id", Long.parseLong(ds), "view_only", viewOnly));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return id;
    }

    private JsonNode member(UserAdminSupport users, String name, long group) {
        JsonNode user = users.createUser(name, PASSWORD);
        var added = admin.post("/api/groups/" + group + "/members", Map.of("user_id", user.path("id").asLong()));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return user;
    }

    /** The path or body with its placeholders replaced by fixtures, {@code {new...}} ones made for this request. */
    private String resolve(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value(matcher.group(1))));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String value(String name) {
        return switch (name) {
            case "uuid" -> UUID.randomUUID().toString();
            case "accessType" -> "modify";
            case "newUser" -> new UserAdminSupport(admin).createUser("Matrix Scratch", null).path("id").asString();
            case "newInviteToken" -> new UserAdminSupport(admin).createUser("Matrix Invited", null)
                    .path("invite_link").asString().replaceFirst(".*/invite/", "");
            case "newResetToken" -> admin.post("/api/users/" + value("newUser") + "/reset_password", Map.of()).json()
                    .path("reset_link").asString().replaceFirst(".*/reset/", "");
            case "newGroup" -> new UserAdminSupport(admin).createGroup("matrix-scratch").path("id").asString();
            case "newGroupWithMember" -> {
                String group = value("newGroup");
                var added = admin.post("/api/groups/" + group + "/members", "{\"user_id\":" + fixtures.get("user") + "}");
                assertThat(added.status()).as(added.toString()).isEqualTo(200);
                yield group;
            }
            case "newDs" -> String.valueOf(createDataSource());
            case "newQuery" -> created(fullKey.post("/api/queries", "{\"data_source_id\":" + fixtures.get("ds")
                    + ",\"name\":\"matrix scratch " + UUID.randomUUID() + "\",\"query\":\"SELECT 3 AS n\"}"));
            case "newVisualization" -> created(fullKey.post("/api/visualizations", "{\"query_id\":"
                    + fixtures.get("query") + ",\"type\":\"COUNTER\",\"name\":\"matrix scratch\"}"));
            case "newWidget" -> created(fullKey.post("/api/widgets", "{\"dashboard_id\":" + fixtures.get("dashboard")
                    + ",\"visualization_id\":" + value("newVisualization") + ",\"options\":{}}"));
            case "newSnippet" -> created(fullKey.post("/api/query_snippets", Map.of("trigger",
                    "matrix" + UUID.randomUUID(), "description", "matrix", "snippet", "SELECT 1")));
            case "shareToken", "shareWidget" -> {
                if (!fixtures.containsKey("shareToken")) {
                    String shared = created(fullKey.post("/api/dashboards", Map.of("name", "matrix shared " + UUID.randomUUID())));
                    fixtures.put("shareWidget", created(fullKey.post("/api/widgets", "{\"dashboard_id\":" + shared
                            + ",\"visualization_id\":" + value("newVisualization") + ",\"options\":{}}")));
                    var share = fullKey.post("/api/dashboards/" + shared + "/share", Map.of());
                    assertThat(share.status()).as(share.toString()).isEqualTo(200);
                    fixtures.put("shareToken", share.json().path("api_key").asString());
                }
                yield fixtures.get(name);
            }
            case "viewWidget" -> fixtures.computeIfAbsent(name, n -> created(fullKey.post("/api/widgets",
                    "{\"dashboard_id\":" + fixtures.get("dashboard") + ",\"visualization_id\":"
                    + value("newVisualization") + ",\"options\":{}}")));
            case "newDashboard" -> created(fullKey.post("/api/dashboards",
                    Map.of("name", "matrix scratch " + UUID.randomUUID())));
            case "newDestination" -> created(admin.post("/api/destinations", Map.of("name", "matrix scratch "
                    + UUID.randomUUID(), "type", "slack", "options", Map.of("url", "http://127.0.0.1:9/hook"))));
            case "newSubscription" -> created(fullKey.post("/api/alerts/" + fixtures.get("alert") + "/subscriptions",
                    Map.of("destination_id", Long.parseLong(value("newDestination")))));
            case "newAlert" -> created(fullKey.post("/api/alerts", "{\"name\":\"matrix scratch\",\"query_id\":"
                    + fixtures.get("query") + ",\"options\":{\"column\":\"n\",\"op\":\">\",\"value\":1}}"));
            default -> {
                String value = fixtures.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("No fixture {" + name + "} in AuthorizationMatrixTest");
                }
                yield value;
            }
        };
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asString();
    }

    static List<Line> parse(String table) {
        List<Line> lines = new ArrayList<>();
        for (String raw : table.split("\n")) {
            String text = raw.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split("\\s+", 11);
            if (cells.length < 2 + Role.values().length) {
                throw new IllegalArgumentException("A line needs a method, a path and " + Role.values().length
                        + " statuses: " + text);
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < Role.values().length; i++) {
                expected.add(Integer.parseInt(cells[2 + i]));
            }
            String body = cells.length > 10 ? cells[10] : null;
            lines.add(new Line(cells[0], cells[1], List.copyOf(expected), body, text));
        }
        return lines;
    }

    private static String shorten(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 140 ? oneLine.substring(0, 140) + "..." : oneLine;
    }
}

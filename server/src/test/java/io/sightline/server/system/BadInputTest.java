package io.sightline.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wrong input to every endpoint is refused with a 4xx problem detail, never a 500, never coerced into something
 * else, and never answered with a Java class name. The endpoints are asked of Spring, as the authorization matrix
 * does, so a new endpoint is covered without a line here, except that an endpoint taking a body needs one valid
 * body in {@link #BODIES} ({@link #everyEndpointTakingABodyHasAValidBody()} fails until it has one): every field of
 * that body is then sent with a value of every other JSON kind, and the answer must name the field.
 *
 * <p>Placeholders: {@code {ds}} an H2 data source, {@code {query}} a saved query on it, {@code {user}},
 * {@code {group}}; {@code {uuid}} a fresh unique text. Path variables of an endpoint taking a body are filled by the
 * segment before them ({@code /api/queries/{id}} gets the query); every path variable of every endpoint is also
 * sent as an id of nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends EmbeddedServerTest {

    /** One valid body per endpoint taking one: the fields the endpoint reads, each with a value of its type. */
    private static final String BODIES = """
            POST /login                                   {"email":"nobody@example.com","password":"not sent as is","issue_api_key":false}
            POST /login/sso/desktop_key                   {"code":"no-such-code","code_verifier":"no-such-verifier"}
            POST /api/users                               {"name":"Bad Input","email":"bad-{uuid}@example.com","password":"a long password 0123456789","groups":[{group}],"old_password":"x","group_ids":[{group}]}
            POST /api/users/{}                            {"name":"Bad Input","email":"bad-{uuid}@example.com","password":"a long password 0123456789","groups":[{group}],"old_password":"x","group_ids":[{group}]}
            POST /api/groups                              {"name":"bad-input-{uuid}"}
            POST /api/groups/{}                           {"name":"bad-input-{uuid}"}
            POST /api/groups/{}/members                   {"user_id":{user}}
            POST /api/groups/{}/data_sources              {"data_source_id":{ds},"view_only":true}
            POST /api/groups/{}/data_sources/{}           {"view_only":true}
            POST /api/data_sources                        {"name":"bad-{uuid}","type":"h2","options":{"url":"jdbc:h2:mem:bad-input-other"}}
            POST /api/data_sources/{}                     {"name":"bad-{uuid}","type":"h2","options":{"url":"jdbc:h2:mem:bad-input-other"}}
            POST /api/data_sources/{}/pause               {"reason":"bad input"}
            POST /api/queries                             {"data_source_id":{ds},"name":"bad {uuid}","description":"d","query":"SELECT 1","schedule":{"interval":3600,"time":null,"day_of_week":null,"until":null},"options":{"parameters":[{"name":"p","type":"text"}]},"tags":["bad"],"is_draft":true}
            POST /api/queries/{}                          {"data_source_id":{ds},"name":"bad {uuid}","description":"d","query":"SELECT 1","schedule":{"interval":3600,"time":null,"day_of_week":null,"until":null},"options":{"parameters":[{"name":"p","type":"text"}]},"tags":["bad"],"is_draft":true,"is_archived":false,"version":1,"latest_query_data_id":null}
            POST /api/query_results                       {"data_source_id":{ds},"query":"SELECT 1","max_age":0,"parameters":{},"query_id":{query},"limit":10,"apply_auto_limit":false}
            POST /api/queries/{}/results                  {"max_age":0,"parameters":{},"limit":10,"apply_auto_limit":false}
            POST /api/queries/{}/acl                      {"access_type":"modify","user_id":{user}}
            DELETE /api/queries/{}/acl                    {"access_type":"modify","user_id":{user}}
            POST /api/visualizations                      {"query_id":{query},"type":"CHART","name":"bad","description":"d","options":{}}
            POST /api/visualizations/{}                   {"type":"CHART","name":"bad","description":"d","options":{}}
            POST /api/dashboards                          {"name":"bad {uuid}","tags":["bad"],"layout":[],"options":{},"is_draft":false}
            POST /api/dashboards/{}                       {"name":"bad {uuid}","tags":["bad"],"is_draft":false,"options":{"refresh":60}}
            POST /api/dashboards/{}/share                 {"expires_at":"2099-01-01T00:00:00Z"}
            POST /api/dashboards/{}/embed                 {"expires_at":"2099-01-01T00:00:00Z","parameters":{}}
            POST /api/dashboards/import                   {"name":"bad import {uuid}","widgets":[]}
            POST /api/dashboards/{}/acl                   {"access_type":"modify","user_id":{user}}
            DELETE /api/dashboards/{}/acl                 {"access_type":"modify","user_id":{user}}
            POST /api/widgets                             {"dashboard_id":{dashboard},"visualization_id":{visualization},"width":1,"options":{"position":{"col":0,"row":0,"sizeX":6,"sizeY":8}}}
            POST /api/widgets/{}                          {"width":1,"text":"bad","options":{"position":{"col":0,"row":0,"sizeX":6,"sizeY":8}}}
            POST /api/alerts                              {"name":"bad","query_id":{query},"options":{"column":"n","op":">","value":1},"rearm":0}
            POST /api/alerts/{}                           {"name":"bad","options":{"column":"n","op":">","value":1},"rearm":0}
            POST /api/alerts/{}/subscriptions             {"destination_id":{destination}}
            POST /api/destinations                        {"name":"bad-{uuid}","type":"slack","options":{"url":"http://127.0.0.1:9/hook"}}
            POST /api/destinations/{}                     {"name":"bad-{uuid}","type":"slack","options":{"url":"http://127.0.0.1:9/hook"}}
            POST /api/settings/organization               {"date_format":"DD/MM/YY","auth_password_login_enabled":true,"thousands_separator":",","auth_jwt_auth_algorithms":["HS256","RS256","ES256"],"null_value":"null"}
            POST /api/query_snippets                      {"trigger":"bad{uuid}","description":"d","snippet":"SELECT 1"}
            POST /api/query_snippets/{}                   {"trigger":"bad{uuid}","description":"d","snippet":"SELECT 1"}
            """;

    /** Fields that take a whole number also as its text, on purpose: Redash before v7 sent the interval as text. */
    private static final Set<String> NUMBERS_AS_TEXT = Set.of("schedule.interval");

    /** Fields that take a number or a text, on purpose: an alert's threshold compares with numbers or texts (Redash). */
    private static final Set<String> NUMBER_OR_TEXT = Set.of("POST /api/alerts options.value",
            "POST /api/alerts/{} options.value");

    /** Never in an answer: Java types and packages, Jackson's and Spring's names for them. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml|io\\.sightline|org\\.springframework|\\w\\$\\w"
                    + "|LinkedHashMap|HashMap|ArrayList|Exception|No static resource|`");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{}");
    private static final String UNKNOWN_ID = "987654321";
    private static final String MALFORMED_BODIES = "{\"a\": |{,}|nul|{\"name\": \"x\"} trailing|{'name': 'x'}|\"unclosed";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ApplicationContext context;
    private final Map<String, String> fixtures = new HashMap<>();
    private final List<Endpoint> endpoints = new ArrayList<>();

    BadInputTest(ApplicationContext context) {
        this.context = context;
    }

    /** An endpoint as Spring serves it; {@code pattern} has its variables as {@code {}}. */
    record Endpoint(String method, String pattern, Class<?> bodyType, boolean bodyRequired,
                    Map<String, Class<?>> parameters) {

        boolean takesBody() {
            return bodyType != null;
        }

        String key() {
            return method + " " + pattern;
        }
    }

    record Answer(int status, String body, String contentType) {

        String message() {
            try {
                return Api.JSON.readTree(body).path("message").asString();
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    @BeforeAll
    void fixtures() {
        Api admin = api();
        long ds = new DataSourceFixtures(admin).h2("jdbc:h2:mem:bad-input;DB_CLOSE_DELAY=-1", Map.of());
        fixtures.put("ds", String.valueOf(ds));
        var query = admin.post("/api/queries", Map.of("data_source_id", ds, "name", "bad input", "query", "SELECT 1 AS n"));
        assertThat(query.status()).as(query.toString()).isEqualTo(200);
        fixtures.put("query", query.json().path("id").asString());
        fixtures.put("visualization", created(admin.post("/api/visualizations",
                Map.of("query_id", Long.parseLong(fixtures.get("query")), "type", "COUNTER", "name", "bad input"))));
        fixtures.put("dashboard", created(admin.post("/api/dashboards", Map.of("name", "bad input " + UUID.randomUUID()))));
        fixtures.put("snippet", created(admin.post("/api/query_snippets",
                Map.of("trigger", "bad" + UUID.randomUUID(), "description", "bad input", "snippet", "SELECT 1"))));
        fixtures.put("group", created(admin.post("/api/groups", Map.of("name", "bad-input-" + UUID.randomUUID()))));
        fixtures.put("widget", created(admin.post("/api/widgets", Map.of("dashboard_id",
                Long.parseLong(fixtures.get("dashboard")), "text", "bad input", "width", 1))));
        fixtures.put("alert", created(admin.post("/api/alerts", Map.of("name", "bad input", "query_id",
                Long.parseLong(fixtures.get("query")), "options", Map.of("column", "n", "op", ">", "value", 1)))));
        fixtures.put("destination", created(admin.post("/api/destinations", Map.of("name", "bad-input-"
                + UUID.randomUUID(), "type", "slack", "options", Map.of("url", "http://127.0.0.1:9/hook")))));
        fixtures.put("user", created(admin.post("/api/users",
                Map.of("name", "Bad Input", "email", "bad-input-" + UUID.randomUUID() + "@example.com"))));

        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("io.sightline")) {
                return; // Spring's own /error
            }
            MethodParameter body = bodyOf(handler);
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(method.name(), pattern.replaceAll("\\{[^}]*}", "{}"),
                            body == null ? null : body.getParameterType(),
                            body != null && body.getParameterAnnotation(RequestBody.class).required(),
                            requestParameters(handler)));
                }
            }
        });
        assertThat(endpoints).as("endpoints found in Spring's handler mapping").hasSizeGreaterThan(40);
    }

    @Test
    void everyEndpointTakingABodyHasAValidBody() {
        Map<String, ObjectNode> bodies = bodies();
        Set<String> missing = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.takesBody()) {
                continue;
            }
            ObjectNode body = bodies.get(endpoint.key());
            if (body == null) {
                missing.add(endpoint.key() + " has no line in BadInputTest.BODIES");
            } else if (endpoint.bodyType().isRecord()) {
                for (RecordComponent component : endpoint.bodyType().getRecordComponents()) {
                    JsonProperty named = component.getAccessor().getAnnotation(JsonProperty.class);
                    String field = named != null ? named.value() : component.getName();
                    if (!body.has(field)) {
                        missing.add(endpoint.key() + ": its line in BadInputTest.BODIES lacks '" + field + "'");
                    }
                }
            }
        }
        Set<String> stale = new TreeSet<>(bodies.keySet());
        endpoints.forEach(endpoint -> stale.remove(endpoint.key()));
        assertThat(missing).isEmpty();
        assertThat(stale).as("lines of BadInputTest.BODIES that name no endpoint taking a body").isEmpty();
    }

    @Test
    void malformedJsonIsRefusedByEveryEndpointTakingABody() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : bodyEndpoints()) {
            for (String malformed : MALFORMED_BODIES.split("\\|")) {
                expectRefusal(wrong, endpoint, malformed, null);
            }
        }
        report(wrong);
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : bodyEndpoints()) {
            for (String notAnObject : List.of("[]", "[{}]", "\"text\"", "12", "true")) {
                Answer answer = expectRefusal(wrong, endpoint, notAnObject, null);
                if (answer.status() == 400 && !answer.message().contains("JSON object")) {
                    wrong.add(line(endpoint, notAnObject, answer, "does not say a JSON object is expected"));
                }
            }
            if (endpoint.bodyRequired()) {
                expectRefusal(wrong, endpoint, "", null);
                expectRefusal(wrong, endpoint, "   ", null);
                expectRefusal(wrong, endpoint, "null", null);
            }
        }
        report(wrong);
    }

    /** A valid body sent as something else than JSON: 415 (a form to /login is Redash's login, so a 400 there). */
    @Test
    void aBodyThatIsNotJsonIsRefused() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : bodyEndpoints()) {
            String valid = resolve(bodies().get(endpoint.key()).toString());
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
                Answer answer = send(endpoint.method(), resolve(endpoint.pattern()), valid, type);
                if (answer.status() < 400 || answer.status() >= 500 || !isProblem(answer)
                        || JAVA_NAME.matcher(answer.body()).find()) {
                    wrong.add(line(endpoint, type + " " + valid, answer, "is no 4xx problem detail"));
                }
            }
        }
        report(wrong);
    }

    /**
     * Every field of every body, at every depth ({@code schedule.interval}, {@code groups[0]}), sent as every other
     * JSON kind: refused with a 400 that names the field.
     */
    @Test
    void aFieldOfTheWrongTypeIsRefusedNamingTheField() {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : bodyEndpoints()) {
            ObjectNode valid = bodies().get(endpoint.key());
            for (List<Object> path : fieldPaths(valid, List.of())) {
                String field = (String) path.stream().filter(String.class::isInstance).reduce((a, b) -> b).orElseThrow();
                for (JsonNode value : wrongValues(at(valid, path))) {
                    if (NUMBERS_AS_TEXT.contains(dotted(path)) && value.isString()
                            && value.asString().equals(at(valid, path).asString())) {
                        continue;
                    }
                    if (NUMBER_OR_TEXT.contains(endpoint.key() + " " + dotted(path))
                            && (value.isNumber() || value.isString())) {
                        continue;
                    }
                    ObjectNode body = valid.deepCopy();
                    replace(body, path, value);
                    Answer answer = expectRefusal(wrong, endpoint, body.toString(), field);
                    sent++;
                    if (answer.status() != 400 && answer.status() != 413) {
                        wrong.add(line(endpoint, body.toString(), answer, "is not 400"));
                    }
                }
            }
        }
        assertThat(sent).as("wrong-typed bodies sent").isGreaterThan(200);
        report(wrong);
    }

    private static String dotted(List<Object> path) {
        return path.stream().map(step -> step instanceof String name ? name : "[" + step + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    }

    /** The paths of every value in a body that is not null: property names and array indexes. */
    private static List<List<Object>> fieldPaths(JsonNode node, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        if (!prefix.isEmpty() && !node.isNull()) {
            paths.add(prefix);
        }
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(name);
                paths.addAll(fieldPaths(node.get(name), path));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> path = new ArrayList<>(prefix);
            path.add(0);
            paths.addAll(fieldPaths(node.get(0), path));
        }
        return paths;
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        JsonNode current = node;
        for (Object step : path) {
            current = step instanceof String name ? current.get(name) : current.get((Integer) step);
        }
        return current;
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof String name) {
            ((ObjectNode) parent).set(name, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }

    /** Numbers past what any id, age or limit can be: refused naming the field, not wrapped round or cut. */
    @Test
    void hugeNumbersAreRefusedNamingTheField() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : bodyEndpoints()) {
            ObjectNode valid = bodies().get(endpoint.key());
            for (String field : valid.propertyNames()) {
                if (!valid.get(field).isIntegralNumber()) {
                    continue;
                }
                for (String huge : List.of("123456789012345678901234567890", "1e400", "-99999999999999999999")) {
                    String body = valid.toString().replace("\"" + field + "\":" + valid.get(field).toString(),
                            "\"" + field + "\":" + huge);
                    expectRefusal(wrong, endpoint, body, field);
                }
            }
        }
        report(wrong);
    }

    /** Long texts in every text field: refused, or taken as they are; never a 500. */
    @Test
    void hugeTextsAreNeverAServerError() {
        List<String> wrong = new ArrayList<>();
        String huge = "x".repeat(300_000);
        for (Endpoint endpoint : bodyEndpoints()) {
            if (endpoint.pattern().equals("/login")) {
                continue; // a login with a well-formed body counts against the login throttle of this address
            }
            ObjectNode valid = bodies().get(endpoint.key());
            for (String field : valid.propertyNames()) {
                if (valid.get(field).isString()) {
                    ObjectNode body = valid.deepCopy();
                    body.put(field, huge);
                    Answer answer = send(endpoint.method(), resolve(endpoint.pattern()), body.toString());
                    if (answer.status() >= 500 || (answer.status() >= 400 && !isProblem(answer))
                            || JAVA_NAME.matcher(answer.body()).find()) {
                        wrong.add(line(endpoint, field + " of 300,000 characters", answer, "is no clean answer"));
                    }
                }
            }
        }
        report(wrong);
    }

    /** Ids of nothing, in the path and in the body: a 4xx problem detail (mostly 404), never a 500. */
    @Test
    void unknownIdsAreRefused() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.pattern().contains("{}")) {
                for (String id : List.of(UNKNOWN_ID, "0", "-1", "abc", "99999999999999999999999", "1.5", "%20")) {
                    String path = endpoint.pattern().replace("{}", id);
                    String body = endpoint.takesBody() ? resolve(bodies().get(endpoint.key()).toString()) : null;
                    Answer answer = send(endpoint.method(), path, body);
                    // a page for people (a shared dashboard's link) answers a 4xx page, not a problem detail
                    boolean page = !endpoint.pattern().startsWith("/api/") && answer.contentType() != null
                            && answer.contentType().startsWith("text/html");
                    if (!(answer.status() >= 400 && answer.status() < 500) || !(page || isProblem(answer))
                            || JAVA_NAME.matcher(answer.body()).find()) {
                        wrong.add(line(endpoint, endpoint.method() + " " + path, answer, "is no 4xx problem detail"));
                    }
                }
            }
            if (endpoint.takesBody() && !endpoint.pattern().equals("/login")) {
                ObjectNode valid = bodies().get(endpoint.key());
                for (String field : valid.propertyNames()) {
                    if (field.endsWith("_id")) {
                        ObjectNode body = valid.deepCopy();
                        body.put(field, Long.parseLong(UNKNOWN_ID));
                        expectRefusal(wrong, endpoint, body.toString(), null);
                    }
                }
            }
        }
        report(wrong);
    }

    /** Request parameters ({@code ?page_size=}, {@code ?offset=}, {@code ?refresh=}) of the wrong type, everywhere. */
    @Test
    void aRequestParameterOfTheWrongTypeIsRefusedNamingIt() {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.pattern().replace("{}", UNKNOWN_ID);
            String body = endpoint.takesBody() ? resolve(bodies().get(endpoint.key()).toString()) : null;
            for (var parameter : endpoint.parameters().entrySet()) {
                List<String> values = parameter.getValue() == Boolean.class || parameter.getValue() == boolean.class
                        ? List.of("maybe", "2") : List.of("abc", "1.5", "99999999999999999999", "");
                for (String value : values) {
                    Answer answer = send(endpoint.method(), path + "?" + parameter.getKey() + "=" + value, body);
                    sent++;
                    if (value.isEmpty() && answer.status() < 500) {
                        continue; // an empty parameter is an absent one, as in Redash
                    }
                    if (answer.status() != 400 || !isProblem(answer) || JAVA_NAME.matcher(answer.body()).find()
                            || !answer.message().contains(parameter.getKey())) {
                        wrong.add(line(endpoint, "?" + parameter.getKey() + "=" + value, answer,
                                "is no 400 naming the parameter"));
                    }
                }
            }
        }
        assertThat(sent).as("requests with a wrong request parameter").isGreaterThan(20);
        report(wrong);
    }

    /**
     * Paths the firewall refuses (doubled slashes, encoded dots, semicolons, encoded percent signs) and those Tomcat
     * refuses before the application sees them (an encoded slash, backslash or NUL): a 400 problem detail.
     */
    @Test
    void aHostilePathIsRefused() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/queries/%2e%2e/users", "/api//queries", "/api/queries;x=1",
                "/api/queries/%25", "/api/queries/1%00", "/api/queries/%2F1", "/api/queries/..%5C1")) {
            Answer answer = send("GET", path, null);
            if (answer.status() != 400 || !isProblem(answer)
                    || JAVA_NAME.matcher(answer.body()).find()) {
                wrong.add("GET " + path + ": " + answer.status() + " " + answer.contentType() + " " + answer.body());
            }
        }
        report(wrong);
    }

    /** PUT and PATCH, which no endpoint takes (Redash's API has neither): a 4xx problem detail on every path. */
    @Test
    void aMethodNoEndpointTakesIsRefused() {
        List<String> wrong = new ArrayList<>();
        for (String pattern : endpoints.stream().map(Endpoint::pattern).distinct().toList()) {
            for (String method : List.of("PUT", "PATCH")) {
                Answer answer = send(method, pattern.replace("{}", UNKNOWN_ID), "{}");
                if (answer.status() < 400 || answer.status() >= 500 || !isProblem(answer)
                        || JAVA_NAME.matcher(answer.body()).find()) {
                    wrong.add(method + " " + pattern + ": " + answer.status() + " " + answer.body());
                }
            }
        }
        report(wrong);
    }

    @Test
    void anUnknownPathUnderApiIsANoSuchEndpoint404() {
        for (String method : List.of("GET", "POST", "DELETE")) {
            Answer answer = send(method, "/api/no-such-thing/" + UUID.randomUUID(), method.equals("POST") ? "{}" : null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(isProblem(answer)).as(answer.toString()).isTrue();
            assertThat(answer.message()).startsWith("No such endpoint: " + method + " /api/no-such-thing/");
            assertThat(answer.body()).doesNotContainIgnoringCase("static resource");
        }
    }

    @Test
    void coercibleValuesAreNotCoerced() {
        String ds = fixtures.get("ds");
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("{\"data_source_id\": " + ds + ".0, \"query\": \"SELECT 1\"}", "'data_source_id' must be a whole number");
        refusals.put("{\"data_source_id\": " + ds + ".5, \"query\": \"SELECT 1\"}", "'data_source_id' must be a whole number");
        refusals.put("{\"data_source_id\": \"" + ds + "\", \"query\": \"SELECT 1\"}", "'data_source_id' must be a whole number");
        refusals.put("{\"data_source_id\": " + ds + ", \"query\": 123}", "'query' must be a string, not 123");
        refusals.put("{\"data_source_id\": " + ds + ", \"query\": \"SELECT 1\", \"max_age\": 0.5}",
                "'max_age' must be a whole number, not 0.5");
        refusals.put("{\"data_source_id\": " + ds + ", \"query\": \"SELECT 1\", \"max_age\": \"60\"}",
                "'max_age' must be a whole number, not a string");
        refusals.forEach((body, message) -> {
            Answer answer = send("POST", "/api/query_results", body);
            assertThat(answer.status()).as(body + " -> " + answer).isEqualTo(400);
            assertThat(answer.message()).as(body).startsWith(message);
        });
        Answer name = send("POST", "/api/groups", "{\"name\": 123}");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.message()).isEqualTo("'name' must be a string, not 123");
        String query = created(api().post("/api/queries", Map.of("data_source_id", Long.parseLong(ds),
                "name", "bad input", "query", "SELECT 1 AS n")));
        Answer emptyText = send("POST", "/api/queries/" + query, "{\"query\": \"  \"}");
        assertThat(emptyText.status()).isEqualTo(400);
        assertThat(emptyText.message()).startsWith("'query' must not be empty");
        assertThat(api().get("/api/queries/" + query).json().path("query").asString())
                .as("the query text is kept").isEqualTo("SELECT 1 AS n");
    }

    // --- helpers

    /** Sends the body; the answer must be a 4xx problem detail without Java names, naming {@code field} if given. */
    private Answer expectRefusal(List<String> wrong, Endpoint endpoint, String body, String field) {
        Answer answer = send(endpoint.method(), resolve(endpoint.pattern()), body);
        if (answer.status() < 400 || answer.status() >= 500) {
            wrong.add(line(endpoint, body, answer, "is not refused with a 4xx"));
        } else if (!isProblem(answer)) {
            wrong.add(line(endpoint, body, answer, "is no problem detail with a message"));
        } else if (JAVA_NAME.matcher(answer.body()).find()) {
            wrong.add(line(endpoint, body, answer, "names Java internals"));
        } else if (field != null && !answer.message().contains(field)) {
            wrong.add(line(endpoint, body, answer, "does not name '" + field + "'"));
        }
        return answer;
    }

    private static boolean isProblem(Answer answer) {
        return answer.contentType().startsWith("application/problem+json") && !answer.message().isBlank();
    }

    /** Values of every JSON kind but the valid one's. */
    private static List<JsonNode> wrongValues(JsonNode valid) {
        var nodes = JsonNodeFactory.instance;
        List<JsonNode> values = new ArrayList<>();
        if (!valid.isNumber()) {
            values.add(nodes.numberNode(123));
        }
        if (valid.isIntegralNumber()) {
            values.add(nodes.numberNode(1.5));
            values.add(nodes.numberNode(7.0));
        } else if (!valid.isNumber()) {
            values.add(nodes.numberNode(1.5));
        }
        if (!valid.isString()) {
            values.add(nodes.stringNode(valid.isNumber() ? valid.asString() : "text"));
            values.add(nodes.stringNode(""));
        }
        if (!valid.isBoolean()) {
            values.add(nodes.booleanNode(true));
        }
        if (!valid.isObject()) {
            values.add(nodes.objectNode().put("a", 1));
        }
        if (!valid.isArray()) {
            values.add(nodes.arrayNode().add(1));
        }
        return values;
    }

    private List<Endpoint> bodyEndpoints() {
        Map<String, ObjectNode> bodies = bodies();
        return endpoints.stream().filter(Endpoint::takesBody).filter(e -> bodies.containsKey(e.key())).toList();
    }

    /** {@link #BODIES} parsed, placeholders of fixtures filled in. */
    private Map<String, ObjectNode> bodies() {
        Map<String, ObjectNode> bodies = new LinkedHashMap<>();
        for (String raw : BODIES.split("\n")) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] cells = text.split("\\s+", 3);
            bodies.put(cells[0] + " " + cells[1], (ObjectNode) Api.JSON.readTree(resolve(cells[2])));
        }
        return bodies;
    }

    /** Fills {@code {name}} placeholders and, in a path, variables {@code {}} (by the path segment before them). */
    private String resolve(String text) {
        boolean path = text.startsWith("/");
        Matcher matcher = (path ? PATH_VARIABLE : PLACEHOLDER).matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name;
            if (path) {
                String before = text.substring(0, matcher.start() - 1);
                name = fixtureOf(before.substring(before.lastIndexOf('/') + 1));
            } else {
                name = matcher.group(1);
            }
            String value = name.equals("uuid") ? UUID.randomUUID().toString() : fixtures.get(name);
            if (value == null) {
                throw new IllegalArgumentException("No fixture for {" + name + "} in " + text + ": add one to BadInputTest");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static String fixtureOf(String segment) {
        return switch (segment) {
            case "queries" -> "query";
            case "data_sources" -> "ds";
            case "groups" -> "group";
            case "users", "members" -> "user";
            case "visualizations" -> "visualization";
            case "dashboards" -> "dashboard";
            case "widgets" -> "widget";
            case "alerts" -> "alert";
            case "destinations" -> "destination";
            case "query_snippets" -> "snippet";
            default -> segment;
        };
    }

    /**
     * The request parameters of a handler that are not text (text cannot have the wrong type): {@code @RequestParam}
     * ones and the components of a record bound from them ({@code QueryListParams}), by the name a client uses.
     */
    private static Map<String, Class<?>> requestParameters(HandlerMethod handler) {
        Map<String, Class<?>> parameters = new TreeMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                if (!Map.class.isAssignableFrom(type)) {
                    parameters.put(name, type);
                }
            } else if (type.isRecord() && parameter.getParameterAnnotations().length == 0) {
                RecordComponent[] components = type.getRecordComponents();
                Parameter[] canonical = canonicalConstructor(type).getParameters();
                for (int i = 0; i < components.length; i++) {
                    BindParam bound = canonical[i].getAnnotation(BindParam.class);
                    parameters.put(bound != null ? bound.value() : components[i].getName(), components[i].getType());
                }
            }
        }
        parameters.values().removeIf(type -> type == String.class || List.class.isAssignableFrom(type));
        return parameters;
    }

    private static Constructor<?> canonicalConstructor(Class<?> record) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return record.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodParameter bodyOf(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter;
            }
        }
        return null;
    }

    private Answer send(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    private Answer send(String method, String path, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Key " + ADMIN_KEY);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new RuntimeException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asString();
    }

    private static String line(Endpoint endpoint, String sent, Answer answer, String problem) {
        String shown = sent.length() > 120 ? sent.substring(0, 120) + "..." : sent;
        String body = answer.body().replaceAll("\\s+", " ");
        return String.format(Locale.ROOT, "%s %s with %s %s: %d %s", endpoint.method(), endpoint.pattern(), shown,
                problem, answer.status(), body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }

    private static void report(List<String> wrong) {
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " bad inputs were not refused cleanly:\n" + String.join("\n", wrong));
        }
    }
}

package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the signed-in page's tests open: users who sign in with a password, the demo "Executive scorecard", and a
 * dashboard beside it with the demo's counter and a counter of a data source only some users reach.
 */
final class SignedInFixtures {

    static final String PASSWORD = "signed in viewer password 0123456789";

    /** A user who signs in with {@link #PASSWORD}, and the same user calling with their key. */
    record Person(long id, String email, Api api) {
    }

    /** A dashboard of two counters: one of the demo data source, one of {@code privateDataSource}. */
    record Mixed(long id, String slug, long demoCounter, long privateCounter, long privateDataSource) {
    }

    private final Api admin;
    private final AccessFixtures access;

    SignedInFixtures(Api admin) {
        this.admin = admin;
        this.access = new AccessFixtures(admin);
    }

    Person person(String name) {
        String email = AccessFixtures.unique(name).toLowerCase().replace(' ', '.') + "@example.com";
        var created = admin.post("/api/users", Map.of("name", name, "email", email, "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode user = created.json();
        return new Person(user.path("id").asLong(), email, admin.withKey(user.path("api_key").asString()));
    }

    JsonNode scorecard() {
        return dashboard("Executive scorecard");
    }

    /** A demo dashboard's Redash JSON, by name. */
    JsonNode dashboard(String name) {
        long id = admin.get("/api/dashboards?q=" + name.replace(" ", "%20")).json().path("results").valueStream()
                .filter(d -> d.path("name").asString().equals(name)).findFirst().orElseThrow().path("id").asLong();
        return admin.get("/api/dashboards/" + id).json();
    }

    /** The first counter widget of a dashboard's Redash JSON. */
    static JsonNode counterOf(JsonNode dashboard) {
        return dashboard.path("widgets").valueStream()
                .filter(w -> w.path("visualization").path("type").asString().equals("COUNTER")).findFirst()
                .orElseThrow();
    }

    /** The mixed dashboard; {@code reaching} gets full access to its private data source. */
    Mixed mixed(Person reaching) {
        long privateDataSource = access.privateDataSource();
        access.grant(new AccessFixtures.Member(reaching.id(), "reaching", reaching.api()), privateDataSource, false);
        long query = created(admin.post("/api/queries", Map.of("data_source_id", privateDataSource,
                "name", "Private count " + UUID.randomUUID(), "query", "SELECT 4242 AS n")));
        long counter = created(admin.post("/api/visualizations", Map.of("query_id", query, "type", "COUNTER",
                "name", "Private count", "options", Map.of("counterColName", "n"))));
        JsonNode dashboard = admin.post("/api/dashboards", Map.of("name", "Team figures")).json();
        long id = dashboard.path("id").asLong();
        long demoViz = counterOf(scorecard()).path("visualization").path("id").asLong();
        long demoCounter = widget(id, demoViz, 0);
        long privateCounter = widget(id, counter, 6);
        return new Mixed(id, dashboard.path("slug").asString(), demoCounter, privateCounter, privateDataSource);
    }

    /**
     * A dashboard with one counter whose query fails after a second and a half, longer than the server waits for a
     * run before answering.
     *
     * @return the dashboard's id and the widget's
     */
    long[] slowFailingWidget(long dataSource) {
        long query = created(admin.post("/api/queries", Map.of("data_source_id", dataSource,
                "name", "Slow failure " + UUID.randomUUID(),
                "query", "SELECT 1 / (count(*) - 1) AS n FROM (SELECT pg_sleep(1.5)) AS slept")));
        long counter = created(admin.post("/api/visualizations", Map.of("query_id", query, "type", "COUNTER",
                "name", "Slow failure")));
        long dashboard = created(admin.post("/api/dashboards", Map.of("name", "Slow failure")));
        return new long[] {dashboard, widget(dashboard, counter, 0)};
    }

    private long widget(long dashboard, long visualization, int col) {
        var body = new HashMap<String, Object>();
        body.put("dashboard_id", dashboard);
        body.put("visualization_id", visualization);
        body.put("width", 1);
        body.put("options", Map.of("position", Map.of("col", col, "row", 0, "sizeX", 6, "sizeY", 5)));
        return created(admin.post("/api/widgets", body));
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }
}

package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redash's tests/handlers/test_widgets.py ({@code WidgetAPITest}) over HTTP. A visualization the caller does not
 * reach is answered 404, not Redash's 403, so that nothing of it shows.
 */
class WidgetHandlersTest extends EmbeddedServerTest {

    private AccessFixtures access;
    private Member member;
    private long dataSource;
    private long dashboard;

    @BeforeEach
    void dashboardOfAMember() {
        access = new AccessFixtures(api());
        dataSource = access.privateDataSource();
        member = access.user("Builder");
        access.grant(member, dataSource, false);
        var created = member.api().post("/api/dashboards", Map.of("name", AccessFixtures.unique("widgets")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        dashboard = created.json().path("id").asLong();
    }

    @Test
    void createWidget() {
        long visualization = visualization(member.api(), dataSource);

        var created = member.api().post("/api/widgets", widget(visualization));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("visualization").path("id").asLong()).isEqualTo(visualization);
        assertThat(created.json().path("dashboard_id").asLong()).isEqualTo(dashboard);
        assertThat(widgetCount()).isEqualTo(1);
    }

    /** Redash: 403; Sightline answers as for a visualization that does not exist (docs/api.md, "Widgets"). */
    @Test
    void wontCreateWidgetForVisualizationYouDontHaveAccessTo() {
        long visualization = visualization(api(), access.privateDataSource());

        var created = member.api().post("/api/widgets", widget(visualization));

        assertThat(created.status()).as(created.toString()).isEqualTo(404);
        assertThat(created.message()).isEqualTo("Visualization " + visualization + " does not exist");
        assertThat(widgetCount()).isZero();
    }

    @Test
    void createTextWidget() {
        Map<String, Object> body = new HashMap<>();
        body.put("visualization_id", null);
        body.put("text", "Sample text.");
        body.put("dashboard_id", dashboard);
        body.put("options", Map.of());
        body.put("width", 2);

        var created = member.api().post("/api/widgets", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("text").asString()).isEqualTo("Sample text.");
    }

    @Test
    void deleteWidget() {
        var created = member.api().post("/api/widgets", widget(visualization(member.api(), dataSource)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);

        var deleted = member.api().delete("/api/widgets/" + created.json().path("id").asLong());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(widgetCount()).isZero();
    }

    private Map<String, Object> widget(long visualization) {
        return Map.of("visualization_id", visualization, "dashboard_id", dashboard, "options", Map.of(), "width", 1);
    }

    private int widgetCount() {
        var got = api().get("/api/dashboards/" + dashboard);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return got.json().path("widgets").size();
    }

    /** The table every new query comes with. */
    static long visualization(Api api, long dataSource) {
        var created = api.post("/api/queries", Map.of("name", "charted", "query", "SELECT 1 AS v",
                "data_source_id", dataSource));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("visualizations").path(0).path("id").asLong();
    }
}

package io.sightline.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.AccessFixtures.Member;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redash's per-object permissions (its tests/handlers/test_permissions.py: TestObjectPermissionsListGet,
 * TestObjectPermissionsListPost, TestObjectPermissionsListDelete, TestCheckPermissionsGet), over HTTP, and what a
 * grant lets its grantee do. Redash's "user of another organization" is, in one organization, a user who does not
 * reach the query's data source: the query does not exist for them (404).
 */
class PermissionsTest extends EmbeddedServerTest {

    private AccessFixtures access;
    private long dataSource;
    private Member owner;
    private Member other;

    @BeforeEach
    void users() {
        access = new AccessFixtures(api());
        dataSource = access.privateDataSource();
        owner = access.user("Owner");
        other = access.user("Other");
        access.grant(owner, dataSource, false);
        access.grant(other, dataSource, false);
    }

    // TestObjectPermissionsListGet

    @Test
    void listGetReturnsEmptyListWhenNoPermissions() {
        long query = query(owner);
        var listed = owner.api().get("/api/queries/" + query + "/acl");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).isEqualTo("{}");
    }

    @Test
    void listGetReturnsPermissionsWithTheGranteesAsUsers() {
        long query = query(owner);
        grant(owner.api(), "queries", query, other.id());

        var listed = owner.api().get("/api/queries/" + query + "/acl");

        assertThat(listed.status()).isEqualTo(200);
        JsonNode modify = listed.json().path("modify");
        assertThat(modify.size()).isEqualTo(1);
        assertThat(modify.get(0).path("id").asLong()).isEqualTo(other.id());
        assertThat(modify.get(0).path("name").asString()).isEqualTo("Other");
        assertThat(modify.get(0).path("email").asString()).endsWith("@example.com");
        assertThat(modify.get(0).has("api_key")).as("no key in a list of grantees").isFalse();
    }

    @Test
    void listGetReturns404ForUsersWhoDoNotReachTheQuery() {
        long query = query(owner);
        Member outsider = access.user("Outsider");
        var refused = outsider.api().get("/api/queries/" + query + "/acl");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.message()).contains("Query " + query);
    }

    // TestObjectPermissionsListPost

    @Test
    void listPostCreatesPermissionIfTheUserIsAnOwner() {
        long query = query(owner);
        var granted = owner.api().post("/api/queries/" + query + "/acl",
                Map.of("access_type", "modify", "user_id", other.id()));

        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().path("grantee").asLong()).isEqualTo(other.id());
        assertThat(granted.json().path("grantor").asLong()).isEqualTo(owner.id());
        assertThat(granted.json().path("object_type").asString()).isEqualTo("queries");
        assertThat(granted.json().path("object_id").asLong()).isEqualTo(query);
        assertThat(granted.json().path("access_type").asString()).isEqualTo("modify");
        assertThat(check(other.api(), "queries", query)).isTrue();
    }

    @Test
    void listPostByAnAdminGrantsOnSomeoneElsesQuery() {
        long query = query(owner);
        assertThat(grant(api(), "queries", query, other.id()).status()).isEqualTo(200);
        assertThat(check(other.api(), "queries", query)).isTrue();
    }

    @Test
    void listPostReturns403IfTheUserIsntOwner() {
        long query = query(owner);
        var refused = grant(other.api(), "queries", query, other.id());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).contains("Only the owner of query " + query);
        assertThat(check(other.api(), "queries", query)).isFalse();
    }

    @Test
    void listPostReturns403ForAGranteeToo() {
        long query = query(owner);
        grant(owner.api(), "queries", query, other.id());
        Member third = access.user("Third");
        assertThat(grant(other.api(), "queries", query, third.id()).status())
                .as("only the owner or an admin hands out the right").isEqualTo(403);
    }

    @Test
    void listPostReturns400IfTheGranteeDoesNotExist() {
        long query = query(owner);
        var refused = grant(owner.api(), "queries", query, 987_654_321L);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("User 987654321 not found");
    }

    @Test
    void listPostReturns404IfTheUserDoesNotReachTheQuery() {
        long query = query(owner);
        Member outsider = access.user("Outsider");
        assertThat(grant(outsider.api(), "queries", query, outsider.id()).status()).isEqualTo(404);
    }

    @Test
    void listPostAcceptsOnlyCorrectAccessTypes() {
        long query = query(owner);
        var refused = owner.api().post("/api/queries/" + query + "/acl",
                Map.of("access_type", "random string", "user_id", other.id()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("Unknown access type 'random string'");
        var missing = owner.api().post("/api/queries/" + query + "/acl", Map.of("user_id", other.id()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("'access_type'");
        var noUser = owner.api().post("/api/queries/" + query + "/acl", Map.of("access_type", "modify"));
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.message()).contains("'user_id'");
    }

    @Test
    void listPostTwiceGrantsOnce() {
        long query = query(owner);
        long first = grant(owner.api(), "queries", query, other.id()).json().path("id").asLong();
        assertThat(grant(api(), "queries", query, other.id()).json().path("id").asLong()).isEqualTo(first);
        assertThat(owner.api().get("/api/queries/" + query + "/acl").json().path("modify").size()).isEqualTo(1);
    }

    // TestObjectPermissionsListDelete

    @Test
    void listDeleteRemovesPermission() {
        long query = query(owner);
        grant(owner.api(), "queries", query, other.id());

        var revoked = revoke(owner.api(), "queries", query, other.id());

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(check(other.api(), "queries", query)).isFalse();
        assertThat(owner.api().get("/api/queries/" + query + "/acl").body()).isEqualTo("{}");
    }

    @Test
    void listDeleteRemovesPermissionCreatedByAnotherUser() {
        long query = query(owner);
        grant(api(), "queries", query, other.id()); // granted by the admin
        assertThat(revoke(owner.api(), "queries", query, other.id()).status()).isEqualTo(200);
        assertThat(check(other.api(), "queries", query)).isFalse();
    }

    @Test
    void listDeleteReturns404ForUsersWhoDoNotReachTheQuery() {
        long query = query(owner);
        Member outsider = access.user("Outsider");
        assertThat(revoke(outsider.api(), "queries", query, other.id()).status()).isEqualTo(404);
    }

    @Test
    void listDeleteReturns403ForNonOwner() {
        long query = query(owner);
        grant(owner.api(), "queries", query, other.id());
        var refused = revoke(other.api(), "queries", query, other.id());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(check(other.api(), "queries", query)).isTrue();
    }

    @Test
    void listDeleteReturns200EvenIfThereIsNoPermission() {
        long query = query(owner);
        assertThat(revoke(owner.api(), "queries", query, other.id()).status()).isEqualTo(200);
    }

    @Test
    void listDeleteReturns400ForAnUnknownUser() {
        long query = query(owner);
        var refused = revoke(owner.api(), "queries", query, 987_654_321L);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("User 987654321 not found");
    }

    // TestCheckPermissionsGet

    @Test
    void checkReturnsTrueForExistingPermission() {
        long query = query(owner);
        grant(owner.api(), "queries", query, other.id());
        var checked = other.api().get("/api/queries/" + query + "/acl/modify");
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body()).isEqualTo("{\"response\":true}");
    }

    @Test
    void checkReturnsFalseForNonExistingPermission() {
        long query = query(owner);
        var checked = other.api().get("/api/queries/" + query + "/acl/modify");
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.json().path("response").asBoolean()).isFalse();
    }

    @Test
    void checkReturns404ForUsersWhoDoNotReachTheQuery() {
        long query = query(owner);
        Member outsider = access.user("Outsider");
        assertThat(outsider.api().get("/api/queries/" + query + "/acl/modify").status()).isEqualTo(404);
    }

    @Test
    void checkReturns400ForAnUnknownAccessType() {
        long query = query(owner);
        var refused = other.api().get("/api/queries/" + query + "/acl/own");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("Unknown access type 'own'");
    }

    // what a grant allows: queries

    @Test
    void aGranteeMayEditScheduleAndArchiveTheQueryAndItsVisualizations() {
        long query = query(owner);
        assertThat(other.api().post("/api/queries/" + query, Map.of("name", "not yours")).status()).isEqualTo(403);
        assertThat(queryCanEdit(other.api(), query)).isFalse();
        assertThat(queryCanEdit(owner.api(), query)).isTrue();
        assertThat(queryCanEdit(api(), query)).isTrue();

        grant(owner.api(), "queries", query, other.id());

        assertThat(queryCanEdit(other.api(), query)).isTrue();
        assertThat(other.api().get("/api/queries").json().path("results").valueStream()
                .filter(q -> q.path("id").asLong() == query).findFirst().orElseThrow().path("can_edit").asBoolean())
                .as("can_edit in lists too").isTrue();
        var renamed = other.api().post("/api/queries/" + query, Map.of("name", "edited by the grantee"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("edited by the grantee");
        assertThat(renamed.json().path("user").path("id").asLong()).as("still the owner's").isEqualTo(owner.id());
        var scheduled = other.api().post("/api/queries/" + query, Map.of("schedule", Map.of("interval", 3600)));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().path("schedule").path("interval").asLong()).isEqualTo(3600);

        var chart = other.api().post("/api/visualizations", Map.of("query_id", query, "type", "CHART",
                "name", "by the grantee", "options", Map.of("globalSeriesType", "line")));
        assertThat(chart.status()).as(chart.toString()).isEqualTo(200);
        long chartId = chart.json().path("id").asLong();
        assertThat(other.api().post("/api/visualizations/" + chartId, Map.of("name", "renamed")).status())
                .isEqualTo(200);

        revoke(owner.api(), "queries", query, other.id());

        assertThat(queryCanEdit(other.api(), query)).isFalse();
        assertThat(other.api().post("/api/queries/" + query, Map.of("name", "again")).status()).isEqualTo(403);
        assertThat(other.api().post("/api/visualizations/" + chartId, Map.of("name", "again")).status())
                .isEqualTo(403);
        assertThat(other.api().delete("/api/visualizations/" + chartId).status()).isEqualTo(403);
        assertThat(other.api().delete("/api/queries/" + query).status()).isEqualTo(403);

        grant(owner.api(), "queries", query, other.id());
        assertThat(other.api().delete("/api/visualizations/" + chartId).status()).isEqualTo(200);
        assertThat(other.api().delete("/api/queries/" + query).status()).isEqualTo(200);
        assertThat(owner.api().get("/api/queries/" + query).json().path("is_archived").asBoolean()).isTrue();
    }

    @Test
    void aGranteeWithoutEditQueryStillMayNot() {
        long query = query(owner);
        Member viewer = access.user("Viewer");
        access.grant(viewer, dataSource, true);
        grant(owner.api(), "queries", query, viewer.id());
        assertThat(viewer.api().post("/api/queries/" + query, Map.of("name", "x")).status())
                .as("view-only access to the data source").isEqualTo(403);
    }

    @Test
    void theApiKeyStaysTheOwnersAndAdmins() {
        long query = query(owner);
        grant(owner.api(), "queries", query, other.id());
        assertThat(other.api().get("/api/queries/" + query).json().path("api_key").isNull()).isTrue();
        assertThat(owner.api().get("/api/queries/" + query).json().path("api_key").isNull()).isFalse();
    }

    // what a grant allows: dashboards

    @Test
    void aGranteeMayEditTheDashboardAndItsWidgets() {
        var created = owner.api().post("/api/dashboards", Map.of("name", AccessFixtures.unique("acl")));
        assertThat(created.status()).isEqualTo(200);
        long dashboard = created.json().path("id").asLong();
        assertThat(other.api().get("/api/dashboards/" + dashboard).json().path("can_edit").asBoolean()).isFalse();
        assertThat(other.api().post("/api/widgets", Map.of("dashboard_id", dashboard, "text", "no", "width", 1))
                .status()).isEqualTo(403);
        assertThat(grant(other.api(), "dashboards", dashboard, other.id()).status()).isEqualTo(403);

        var granted = grant(owner.api(), "dashboards", dashboard, other.id());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().path("object_type").asString()).isEqualTo("dashboards");
        assertThat(owner.api().get("/api/dashboards/" + dashboard + "/acl").json().path("modify").get(0)
                .path("id").asLong()).isEqualTo(other.id());
        assertThat(other.api().get("/api/dashboards/" + dashboard + "/acl/modify").json().path("response")
                .asBoolean()).isTrue();

        assertThat(other.api().get("/api/dashboards/" + dashboard).json().path("can_edit").asBoolean()).isTrue();
        var widget = other.api().post("/api/widgets", Map.of("dashboard_id", dashboard, "text", "hello", "width", 1));
        assertThat(widget.status()).as(widget.toString()).isEqualTo(200);
        long widgetId = widget.json().path("id").asLong();
        assertThat(other.api().post("/api/widgets/" + widgetId, Map.of("text", "changed")).status()).isEqualTo(200);
        var renamed = other.api().post("/api/dashboards/" + dashboard, Map.of("name", AccessFixtures.unique("re")));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        assertThat(revoke(owner.api(), "dashboards", dashboard, other.id()).status()).isEqualTo(200);
        assertThat(other.api().get("/api/dashboards/" + dashboard).json().path("can_edit").asBoolean()).isFalse();
        assertThat(other.api().post("/api/widgets/" + widgetId, Map.of("text", "again")).status()).isEqualTo(403);
        assertThat(other.api().delete("/api/widgets/" + widgetId).status()).isEqualTo(403);
        assertThat(other.api().delete("/api/dashboards/" + dashboard).status()).isEqualTo(403);

        grant(api(), "dashboards", dashboard, other.id());
        assertThat(other.api().delete("/api/widgets/" + widgetId).status()).isEqualTo(200);
        assertThat(other.api().delete("/api/dashboards/" + dashboard).status()).isEqualTo(200);
    }

    @Test
    void anUnknownDashboardIs404() {
        assertThat(owner.api().get("/api/dashboards/987654321/acl").status()).isEqualTo(404);
        assertThat(grant(owner.api(), "dashboards", 987_654_321L, other.id()).status()).isEqualTo(404);
    }

    private long query(Member who) {
        var created = who.api().post("/api/queries", Map.of("data_source_id", dataSource,
                "name", AccessFixtures.unique("acl"), "query", "SELECT 1 AS n"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("id").asLong();
    }

    private static Api.Response grant(Api as, String type, long id, long userId) {
        return as.post("/api/" + type + "/" + id + "/acl", Map.of("access_type", "modify", "user_id", userId));
    }

    private static Api.Response revoke(Api as, String type, long id, long userId) {
        return as.delete("/api/" + type + "/" + id + "/acl", Map.of("access_type", "modify", "user_id", userId));
    }

    private static boolean check(Api as, String type, long id) {
        var checked = as.get("/api/" + type + "/" + id + "/acl/modify");
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        return checked.json().path("response").asBoolean();
    }

    private static boolean queryCanEdit(Api as, long id) {
        var got = as.get("/api/queries/" + id);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return got.json().path("can_edit").asBoolean();
    }
}

package io.sightline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Users, groups and data source access made through the admin API, for tests of who may see and do what. Every
 * name carries {@value #TAG} and a random suffix, so tests sharing one server cannot collide.
 */
public final class AccessFixtures {

    public static final String TAG = "access";

    private final Api admin;

    public AccessFixtures(Api admin) {
        this.admin = admin;
    }

    /** A user calling with their own API key. */
    public record Member(long id, String name, Api api) {
    }

    public static String unique(String prefix) {
        return prefix + "-" + TAG + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new user (in the default group, as every user is), who reaches only what their groups are granted. */
    public Member user(String name) {
        var response = admin.post("/api/users", Map.of("name", name, "email", unique(name).toLowerCase() + "@example.com"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode user = response.json();
        return new Member(user.path("id").asLong(), name, admin.withKey(user.path("api_key").asString()));
    }

    public long group(String prefix) {
        var response = admin.post("/api/groups", Map.of("name", unique(prefix)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    public void join(long group, Member member) {
        var response = admin.post("/api/groups/" + group + "/members", Map.of("user_id", member.id()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** A group of its own for the member, with that access to the data source. */
    public long grant(Member member, long dataSource, boolean viewOnly) {
        long group = group("access");
        join(group, member);
        grant(group, dataSource, viewOnly);
        return group;
    }

    public void grant(long group, long dataSource, boolean viewOnly) {
        var granted = admin.post("/api/groups/" + group + "/data_sources", Map.of("data_source_id", dataSource));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        setViewOnly(group, dataSource, viewOnly);
    }

    public void setViewOnly(long group, long dataSource, boolean viewOnly) {
        var changed = admin.post("/api/groups/" + group + "/data_sources/" + dataSource, Map.of("view_only", viewOnly));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    public void revoke(long group, long dataSource) {
        assertThat(admin.delete("/api/groups/" + group + "/data_sources/" + dataSource).status()).isEqualTo(200);
    }

    /**
     * An H2 data source that only the groups granted later reach: a new data source may be granted to the
     * default group on creation, which is taken back here.
     */
    public long privateDataSource() {
        return privateDataSource("jdbc:h2:mem:" + unique("access").replace('-', '_')
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
    }

    /** As {@link #privateDataSource()}, on an H2 database the test also opens by its URL. */
    public long privateDataSource(String h2Url) {
        long dataSource = new DataSourceFixtures(admin).h2(h2Url, Map.of());
        long defaults = admin.get("/api/groups").json().valueStream()
                .filter(g -> "default".equals(g.path("name").asString())).findFirst().orElseThrow().path("id").asLong();
        boolean granted = admin.get("/api/groups/" + defaults + "/data_sources").json().valueStream()
                .anyMatch(ds -> ds.path("id").asLong() == dataSource);
        if (granted) {
            revoke(defaults, dataSource);
        }
        return dataSource;
    }

    public String dataSourceName(long dataSource) {
        return admin.get("/api/data_sources/" + dataSource).json().path("name").asString();
    }
}

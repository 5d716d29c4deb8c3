package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.Api;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Creates users and groups through the API, each with a unique name. */
record UserAdminSupport(Api admin) {

    JsonNode createUser(String name, String password) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
        var body = password == null ? Map.of("name", name, "email", email)
                : Map.of("name", name, "email", email, "password", password);
        var response = admin.post("/api/users", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    JsonNode createGroup(String prefix) {
        var response = admin.post("/api/groups", Map.of("name", prefix + "-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    Api as(JsonNode user) {
        return admin.withKey(user.path("api_key").asString());
    }
}

package io.sightline.server.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RoleConfigurationTest {

    @Test
    void apiAndWorkerRolesRefuseToStartWithoutRedis() {
        for (SightlineProperties.Role role : new SightlineProperties.Role[] {SightlineProperties.Role.API, SightlineProperties.Role.WORKER}) {
            assertThatThrownBy(() -> properties(role, ""))
                    .hasMessageContaining("needs Redis for its queue")
                    .hasMessageContaining("SIGHTLINE_REDIS_URL");
        }
    }

    @Test
    void embeddedRunsAsAllAndEveryRoleRunsWithRedis() {
        assertThatCode(() -> properties(SightlineProperties.Role.ALL, "")).doesNotThrowAnyException();
        for (SightlineProperties.Role role : SightlineProperties.Role.values()) {
            assertThatCode(() -> properties(role, "redis://127.0.0.1:6379")).doesNotThrowAnyException();
        }
    }

    private static SightlineProperties properties(SightlineProperties.Role role, String redisUrl) {
        return new SightlineProperties(Path.of("."), "", redisUrl, "", "", "", "", role, SightlineProperties.DemoData.NEVER);
    }
}

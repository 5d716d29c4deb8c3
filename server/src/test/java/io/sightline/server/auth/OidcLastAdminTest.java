package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.EmbeddedServerTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on's group mapping on the real metadata store: it manages the admin group, but never takes the last
 * enabled admin out of it (nobody could manage the organization after). Each test runs in a transaction that is
 * rolled back, so the shared server's own admin can leave the admin group for one test without others seeing it.
 */
@Transactional
class OidcLastAdminTest extends EmbeddedServerTest {

    private static final OidcGroupMapping MAPPING = OidcGroupMapping.parse("idp-admins=admin");

    @Autowired
    OidcUsers oidc;
    @Autowired
    UserRepository users;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theLastEnabledAdminStaysAnAdminWhenTheProviderNoLongerSaysSo() {
        long ada = signIn("ada", List.of("idp-admins"));
        onlyAdmins(ada);

        signIn("ada", List.of());

        assertThat(users.groupIds(ada)).as("kept: nobody else could manage the organization").contains(adminGroup());
        assertThat(jdbc.sql("SELECT additional_properties FROM audit_events WHERE action = 'keep_member'"
                        + " AND object_type = 'group' AND object_id = ?").param(adminGroup()).query(String.class).list())
                .singleElement().asString().contains("\"member_id\":" + ada).contains("the last enabled admin");
    }

    @Test
    void withAnotherEnabledAdminTheMappingTakesTheUserOut() {
        long ada = signIn("ada", List.of("idp-admins"));
        long bob = signIn("bob", List.of("idp-admins"));
        onlyAdmins(ada, bob);

        signIn("ada", List.of());

        assertThat(users.groupIds(ada)).doesNotContain(adminGroup());
        assertThat(users.groupIds(bob)).contains(adminGroup());
    }

    @Test
    void aDisabledAdminDoesNotCountAsAnotherAdmin() {
        long ada = signIn("ada", List.of("idp-admins"));
        long bob = signIn("bob", List.of("idp-admins"));
        onlyAdmins(ada, bob);
        users.setDisabled(bob, true);

        signIn("ada", List.of());

        assertThat(users.groupIds(ada)).contains(adminGroup());
    }

    private long signIn(String who, List<String> idpGroups) {
        return oidc.signIn(who + "-" + run + "@sso.example.com", true, who, idpGroups, MAPPING, Set.of()).id();
    }

    private long adminGroup() {
        return jdbc.sql("SELECT id FROM groups WHERE name = 'admin'").query(Long.class).single();
    }

    /** Everyone else, the server's own admin included, leaves the admin group until the test's rollback. */
    private void onlyAdmins(Long... kept) {
        List<Long> members = jdbc.sql("SELECT user_id FROM user_groups WHERE group_id = ?").param(adminGroup())
                .query(Long.class).list();
        for (long member : members) {
            if (!List.of(kept).contains(member)) {
                users.removeFromGroup(member, adminGroup());
            }
        }
    }
}

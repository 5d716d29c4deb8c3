package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SIGHTLINE_OIDC_GROUP_MAPPING as an operator writes it, and a mistake in it named at start. */
class OidcGroupMappingTest {

    @Test
    void pairsMapIdpGroupsToOneOrSeveralSightlineGroups() {
        var mapping = OidcGroupMapping.parse(" data-team = Analysts ; admins=admin, Auditors;");
        assertThat(mapping.groupsFor(List.of("admins", "unknown"))).containsExactly("admin", "Auditors");
        assertThat(mapping.groupsFor(List.of("data-team"))).containsExactly("Analysts");
        assertThat(mapping.managedGroups()).containsExactlyInAnyOrder("Analysts", "admin", "Auditors");
        assertThat(OidcGroupMapping.parse("").managedGroups()).isEmpty();
    }

    @Test
    void aPairWithoutAnEqualsSignStopsTheStartNamingIt() {
        assertThatThrownBy(() -> OidcGroupMapping.parse("admins=admin;analysts"))
                .hasMessageContaining("SIGHTLINE_OIDC_GROUP_MAPPING").hasMessageContaining("'analysts'");
    }

    @Test
    void aClaimIsAListOrOneCommaSeparatedText() {
        assertThat(OidcGroupMapping.claimValues(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(OidcGroupMapping.claimValues("a, b")).containsExactly("a", "b");
        assertThat(OidcGroupMapping.claimValues(null)).isEmpty();
    }
}

package io.sightline.server.auth;

import io.sightline.server.system.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Redash's {@code BLOCKED_DOMAINS} ({@code require_allowed_email}): email domains no user may have, from
 * {@code sightline.users.blocked-email-domains} (comma separated; Redash's default {@code qq.com}). Redash also
 * refuses a built-in list of disposable-mail domains, which Sightline does not carry: name those here.
 */
@Component
class BlockedEmailDomains {

    private final Set<String> blocked;

    BlockedEmailDomains(@Value("${sightline.users.blocked-email-domains:qq.com}") String domains) {
        this.blocked = Arrays.stream(domains.split(",")).map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** @param email a checked, lower-case address */
    void require(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1);
        if (blocked.contains(domain)) {
            throw ApiException.badRequest("'email': addresses at " + domain + " are not accepted on this server");
        }
    }
}

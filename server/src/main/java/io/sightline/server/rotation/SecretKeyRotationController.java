package io.sightline.server.rotation;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.datasource.Reencryption;
import io.sightline.server.destination.Destinations;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/secret_key/rotate} ({@code ./sightline rotate-secret-key}): every stored secret that a
 * previous key (SIGHTLINE_PREVIOUS_SECRET_KEYS) encrypted is encrypted again under the current one
 * (SIGHTLINE_SECRET_KEY), row by row, while the server keeps serving. Running it again does nothing more; stopped
 * halfway, the next run finishes it. See docs/operations/secrets.md.
 */
@RestController
class SecretKeyRotationController {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyRotationController.class);

    private final DataSources dataSources;
    private final Destinations destinations;
    private final ApplicationEventPublisher events;

    SecretKeyRotationController(DataSources dataSources, Destinations destinations, ApplicationEventPublisher events) {
        this.dataSources = dataSources;
        this.destinations = destinations;
        this.events = events;
    }

    @PostMapping("/api/admin/secret_key/rotate")
    Map<String, Object> rotate() {
        if (!CurrentUser.get().isAdmin()) {
            throw ApiException.forbidden("Only admins may rotate the secret key");
        }
        Reencryption sources = dataSources.reencryptSecrets();
        Reencryption alertDestinations = destinations.reencryptSecrets();
        Reencryption total = sources.plus(alertDestinations);
        log.info("Secret key rotation: {} rows encrypted again under the current key, {} already under it, {} unreadable",
                total.reencrypted(), total.alreadyCurrent(), total.unreadable().size());
        events.publishEvent(Audited.of("rotate", "secret_key", "credentials", Map.of(
                "reencrypted", total.reencrypted(), "unreadable", total.unreadable().size())));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reencrypted", total.reencrypted());
        answer.put("already_current", total.alreadyCurrent());
        answer.put("data_sources", counts(sources));
        answer.put("destinations", counts(alertDestinations));
        answer.put("complete", total.unreadable().isEmpty());
        return answer;
    }

    private static Map<String, Object> counts(Reencryption r) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("reencrypted", r.reencrypted());
        counts.put("already_current", r.alreadyCurrent());
        counts.put("unreadable", r.unreadable());
        return counts;
    }
}

package io.sightline.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Looks up users for authentication and for other features that show who did what. */
@Service
public class Users {

    static final Duration KEY_CACHE_TTL = Duration.ofSeconds(5);

    private final UserRepository repository;
    private final Cache<String, SightlineUser> byKey = Caffeine.newBuilder()
            .expireAfterWrite(KEY_CACHE_TTL).maximumSize(10_000).build();

    Users(UserRepository repository) {
        this.repository = repository;
    }

    /**
     * Every API call authenticates, and a polling client calls often: keys are remembered for a few seconds,
     * so a disabled user or a changed permission takes effect within {@link #KEY_CACHE_TTL}.
     */
    Optional<SightlineUser> byApiKey(String apiKey) {
        return Optional.ofNullable(byKey.get(apiKey,
                key -> repository.findByApiKey(key).filter(user -> !user.disabled()).map(this::toUser).orElse(null)));
    }

    Optional<UserRecord> recordByEmail(String email) {
        return repository.findByEmail(email);
    }

    /** The user's own API key, for their session answer only. */
    Optional<String> apiKeyOf(long id) {
        return repository.findById(id).map(UserRecord::apiKey);
    }

    /** The public profile of a user ({@code {id, name, email}}), for "created by" fields. */
    public Optional<UserSummary> summary(long id) {
        return repository.findById(id).map(u -> new UserSummary(u.id(), u.name(), u.email()));
    }

    /** The first admin, who owns what the server creates by itself (the demo queries). */
    public Optional<Long> firstAdminId() {
        return repository.firstAdminId();
    }

    SightlineUser toUser(UserRecord record) {
        return new SightlineUser(record.id(), record.name(), record.email(),
                repository.groupIds(record.id()), repository.permissions(record.id()));
    }

    public record UserSummary(long id, String name, String email) {
    }
}

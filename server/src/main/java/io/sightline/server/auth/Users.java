package io.sightline.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.server.system.AfterCommit;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Looks up users for authentication and for other features that show who did what. */
@Service
public class Users {

    static final Duration KEY_CACHE_TTL = Duration.ofSeconds(5);
    /** Login keys kept per user: one per signed-in desktop, the oldest beyond these end. */
    static final int LOGIN_KEYS_KEPT = 20;

    private final UserRepository repository;
    /** By the key's hash, so the cache holds no usable key either. */
    private final Cache<String, SightlineUser> byKey = Caffeine.newBuilder()
            .expireAfterWrite(KEY_CACHE_TTL).maximumSize(10_000).build();

    private final Cache<Long, SessionUser> byId = Caffeine.newBuilder()
            .expireAfterWrite(KEY_CACHE_TTL).maximumSize(10_000).build();

    Users(UserRepository repository) {
        this.repository = repository;
    }

    /**
     * Every API call authenticates, and a polling client calls often: keys are remembered for a few seconds,
     * so a disabled user or a changed permission takes effect within {@link #KEY_CACHE_TTL}.
     */
    Optional<SightlineUser> byApiKey(String apiKey) {
        return byApiKeyHash(ApiKeys.hash(apiKey));
    }

    /** The user's own key or a key a password login handed out (looked up by hash, compared in constant time). */
    Optional<SightlineUser> byApiKeyHash(String hash) {
        return Optional.ofNullable(byKey.get(hash, h -> repository.findByApiKeyHash(h)
                .filter(user -> ApiKeys.sameHash(user.apiKeyHash(), h))
                .or(() -> repository.findByLoginKeyHash(h))
                .filter(user -> !user.disabled()).map(this::toUser).orElse(null)));
    }

    /**
     * The caller of a session, looked up again (through the same short cache) so that a disabled user's
     * session stops working and changed groups apply; empty when the user is gone or disabled.
     */
    Optional<SightlineUser> current(SightlineUser sessionUser) {
        return currentWithEpoch(sessionUser.id()).map(SessionUser::user);
    }

    /** As {@link #current}, with the user's session epoch (counted up by a password change). */
    Optional<SessionUser> currentWithEpoch(long userId) {
        return Optional.ofNullable(byId.get(userId, id -> repository.findById(id).filter(user -> !user.disabled())
                .map(user -> new SessionUser(toUser(user), user.sessionEpoch())).orElse(null)));
    }

    /**
     * As {@link #currentWithEpoch}, read from the store rather than this replica's cache: a session whose epoch is
     * newer than the cached one was brought up to date by a change another replica made within the cache's life.
     */
    Optional<SessionUser> freshWithEpoch(long userId) {
        byId.invalidate(userId);
        return currentWithEpoch(userId);
    }

    /**
     * The user with that id as they are now (groups, permissions), through the same short cache as sessions;
     * empty when the user is gone or disabled. For checks made on a user's behalf while they are not calling,
     * such as a scheduled refresh of their query.
     */
    public Optional<SightlineUser> enabled(long id) {
        return currentWithEpoch(id).map(SessionUser::user);
    }

    /**
     * Forgets every remembered key and session user: called after a user is disabled, gets a new key or changes
     * groups, so the change applies to the next request on this server at once (other API replicas within
     * {@link #KEY_CACHE_TTL}).
     */
    void forgetAll() {
        byKey.invalidateAll();
        byId.invalidateAll();
        // again once the change is committed: a request in between may have cached the old row
        AfterCommit.run(() -> {
            byKey.invalidateAll();
            byId.invalidateAll();
        });
    }

    Optional<UserRecord> recordByEmail(String email) {
        return repository.findByEmail(email);
    }

    /** A new key for a password login (the desktop client's); shown once, in the login answer. */
    String issueLoginKey(long userId) {
        String key = ApiKeys.generate();
        repository.insertLoginKey(userId, ApiKeys.hash(key), LOGIN_KEYS_KEPT);
        return key;
    }

    /** The public profile of a user ({@code {id, name, email, profile_image_url}}), for "created by" fields. */
    public Optional<UserSummary> summary(long id) {
        return repository.findById(id).map(u -> new UserSummary(u.id(), u.name(), u.email(),
                io.sightline.common.api.auth.Avatar.url(u.id(), u.name())));
    }

    /** The first admin, who owns what the server creates by itself (the demo queries). */
    public Optional<Long> firstAdminId() {
        return repository.firstAdminId();
    }

    SightlineUser toUser(UserRecord record) {
        return new SightlineUser(record.id(), record.name(), record.email(),
                repository.groupIds(record.id()), repository.permissions(record.id()));
    }

    public record UserSummary(long id, String name, String email,
                              @com.fasterxml.jackson.annotation.JsonProperty("profile_image_url") String profileImageUrl) {
    }

    record SessionUser(SightlineUser user, long epoch) {
    }
}

package io.sightline.server.auth;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** Looks up users for authentication and for other features that show who did what. */
@Service
public class Users {

    private final UserRepository repository;

    Users(UserRepository repository) {
        this.repository = repository;
    }

    Optional<SightlineUser> byApiKey(String apiKey) {
        return repository.findByApiKey(apiKey).filter(user -> !user.disabled()).map(this::toUser);
    }

    Optional<UserRecord> recordByEmail(String email) {
        return repository.findByEmail(email);
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

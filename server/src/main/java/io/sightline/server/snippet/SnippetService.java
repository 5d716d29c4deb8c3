package io.sightline.server.snippet;

import io.sightline.common.api.query.QueryUser;
import io.sightline.common.api.snippet.QuerySnippet;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.system.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Query snippets, as Redash keeps them: every user sees and may create them; only the user who created one, or an
 * admin, may change or delete it. Triggers are unique (Redash's column is; it fails with 500, Sightline with 409).
 */
@Service
class SnippetService {

    static final int MAX_TRIGGER = 255;
    static final int MAX_TEXT = 100_000;

    private final SnippetRepository repository;
    private final Users users;

    SnippetService(SnippetRepository repository, Users users) {
        this.repository = repository;
        this.users = users;
    }

    /** What a create or an update sends; on an update, a field left out keeps its value. */
    record Fields(String trigger, String description, String snippet) {
    }

    List<QuerySnippet> list() {
        return repository.findAll().stream().map(this::json).toList();
    }

    QuerySnippet get(long id) {
        return json(row(id));
    }

    QuerySnippet create(SightlineUser caller, Fields fields) {
        String trigger = trigger(fields.trigger());
        String snippet = snippet(fields.snippet());
        String description = text("description", fields.description() == null ? "" : fields.description());
        try {
            return get(repository.insert(trigger, description, snippet, caller.id(), now()));
        } catch (DuplicateKeyException e) {
            throw duplicate(trigger);
        }
    }

    QuerySnippet update(SightlineUser caller, long id, Fields fields) {
        SnippetRow row = changeable(caller, id);
        String trigger = fields.trigger() == null ? row.trigger() : trigger(fields.trigger());
        String snippet = fields.snippet() == null ? row.snippet() : snippet(fields.snippet());
        String description = fields.description() == null ? row.description() : text("description", fields.description());
        try {
            repository.update(id, trigger, description, snippet, now());
        } catch (DuplicateKeyException e) {
            throw duplicate(trigger);
        }
        return get(id);
    }

    void delete(SightlineUser caller, long id) {
        changeable(caller, id);
        repository.delete(id);
    }

    private SnippetRow changeable(SightlineUser caller, long id) {
        SnippetRow row = row(id);
        if (!caller.isAdmin() && row.userId() != caller.id()) {
            throw ApiException.forbidden("Only the user who created query snippet " + id + " or an admin may change"
                    + " or delete it");
        }
        return row;
    }

    private SnippetRow row(long id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("Query snippet " + id + " does not exist"));
    }

    private QuerySnippet json(SnippetRow row) {
        QueryUser user = users.summary(row.userId()).map(u -> new QueryUser(u.id(), u.name(), u.email()))
                .orElse(null);
        return new QuerySnippet(row.id(), row.trigger(), row.description(), row.snippet(), user, row.updatedAt(),
                row.createdAt());
    }

    private static String trigger(String trigger) {
        if (trigger == null || trigger.isBlank()) {
            throw ApiException.badRequest("'trigger' is required and may not be empty");
        }
        if (trigger.length() > MAX_TRIGGER) {
            throw ApiException.badRequest("'trigger' is longer than " + MAX_TRIGGER + " characters");
        }
        if (!trigger.strip().equals(trigger) || trigger.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.badRequest("'trigger' may not contain spaces: it is the word the editor completes");
        }
        return trigger;
    }

    private static String snippet(String snippet) {
        if (snippet == null || snippet.isEmpty()) {
            throw ApiException.badRequest("'snippet' is required and may not be empty");
        }
        return text("snippet", snippet);
    }

    private static String text(String field, String value) {
        if (value.length() > MAX_TEXT) {
            throw ApiException.badRequest("'" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static ApiException duplicate(String trigger) {
        return ApiException.conflict("'trigger': a query snippet with the trigger '" + trigger + "' already exists");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

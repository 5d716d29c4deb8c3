package io.sightline.server.destination;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Redash's destinations: everyone may list them (to subscribe), only admins see their options or change them. */
@Service
class DestinationService {

    static final int MAX_NAME_CHARS = 255;

    private final DestinationRepository repository;
    private final DestinationTypes types;
    private final DestinationOptions options;
    private final ServerMail serverMail;

    DestinationService(DestinationRepository repository, DestinationTypes types, DestinationOptions options,
                       ServerMail serverMail) {
        this.serverMail = serverMail;
        this.repository = repository;
        this.types = types;
        this.options = options;
    }

    /** An email destination sends through an SMTP server of its own, from its {@code from}, or through the server's. */
    private void requireMailServer(DestinationSender type, Map<String, Object> checked) {
        if (!(type instanceof EmailSender)) {
            return;
        }
        if (EmailSender.ownServer(checked)) {
            if (!(checked.get("from") instanceof String from) || from.isBlank()) {
                throw ApiException.badRequest("'options.from' is required with 'options.host': the address the"
                        + " emails are sent from");
            }
        } else if (!serverMail.configured()) {
            throw ApiException.badRequest("'options.host' is required: this server has no mail server"
                    + " (SIGHTLINE_MAIL_HOST) to send the destination's emails through");
        }
    }

    List<Map<String, Object>> list() {
        return repository.all().stream().map(this::summary).toList();
    }

    Map<String, Object> get(long id, SightlineUser caller) {
        requireAdmin(caller);
        return detail(require(id), null);
    }

    @Transactional
    Map<String, Object> create(Map<String, Object> body, SightlineUser caller) {
        requireAdmin(caller);
        for (String field : List.of("name", "type", "options")) {
            if (body.get(field) == null) {
                throw ApiException.badRequest("'" + field + "' is required");
            }
        }
        String name = name(body.get("name"), 0);
        DestinationSender type = types.require(String.valueOf(body.get("type")));
        Map<String, Object> checked = options.checked(type, body.get("options"), Map.of());
        requireMailServer(type, checked);
        long id = repository.insert(name, type.type(), options.encode(type, checked), caller.id(), now());
        boolean generated = type.type().equals("webhook") && !(body.get("options") instanceof Map<?, ?> sent
                && sent.get("secret") instanceof String s && !s.isBlank());
        // a generated signing secret is shown once, in this answer, so the receiver can be set up to check it
        return detail(require(id), generated ? checked.get("secret") : null);
    }

    /** Changes what was sent; a secret sent as the mask keeps its stored value. */
    @Transactional
    Map<String, Object> update(long id, Map<String, Object> body, SightlineUser caller) {
        requireAdmin(caller);
        DestinationRow current = require(id);
        String name = body.containsKey("name") ? name(body.get("name"), id) : current.name();
        DestinationSender type = body.containsKey("type") ? types.require(String.valueOf(body.get("type")))
                : types.require(current.type());
        String stored = current.options();
        if (body.containsKey("options") || !type.type().equals(current.type())) {
            Map<String, Object> kept = type.type().equals(current.type()) ? options.decode(type, current.options())
                    : Map.of();
            Map<String, Object> checked = options.checked(type, body.getOrDefault("options", Map.of()), kept);
            requireMailServer(type, checked);
            stored = options.encode(type, checked);
        }
        repository.update(id, name, type.type(), stored);
        return detail(require(id), null);
    }

    @Transactional
    void delete(long id, SightlineUser caller) {
        requireAdmin(caller);
        if (!repository.delete(id)) {
            throw notFound(id);
        }
    }

    DestinationRow require(long id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    Map<String, Object> summary(DestinationRow row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("type", row.type());
        out.put("icon", types.find(row.type()).map(DestinationSender::icon).orElse("fa-bullseye"));
        return out;
    }

    private Map<String, Object> detail(DestinationRow row, Object generatedSecret) {
        Map<String, Object> out = summary(row);
        Map<String, Object> shown = options.masked(types.require(row.type()), row.options());
        if (generatedSecret != null) {
            shown.put("secret", generatedSecret);
        }
        out.put("options", shown);
        return out;
    }

    private String name(Object sent, long id) {
        if (!(sent instanceof String text) || text.isBlank()) {
            throw ApiException.badRequest("'name' must be a text that is not blank");
        }
        if (text.length() > MAX_NAME_CHARS) {
            throw ApiException.badRequest("'name' is longer than " + MAX_NAME_CHARS + " characters");
        }
        if (repository.nameTaken(text.strip(), id)) {
            throw ApiException.badRequest("'name': Alert Destination with the name " + text.strip()
                    + " already exists.");
        }
        return text.strip();
    }

    static void requireAdmin(SightlineUser caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only admins may see the options of destinations or change them");
        }
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Destination " + id + " does not exist");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

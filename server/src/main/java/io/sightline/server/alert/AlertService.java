package io.sightline.server.alert;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.query.SavedQueries;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Alerts' create, read, update, delete and mute, with Redash's rules of who may do what. */
@Service
class AlertService {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final AlertRepository alerts;
    private final AlertAccess access;
    private final SavedQueries queries;
    private final Users users;
    private final JsonMapper json;

    AlertService(AlertRepository alerts, AlertAccess access, SavedQueries queries, Users users, JsonMapper json) {
        this.alerts = alerts;
        this.access = access;
        this.queries = queries;
        this.users = users;
        this.json = json;
    }

    List<AlertJson> list(SightlineUser caller) {
        return alerts.all().stream().filter(alert -> access.reaches(alert.queryId(), caller))
                .map(alert -> json(alert, caller)).toList();
    }

    AlertJson get(long id, SightlineUser caller) {
        return json(access.visible(id, caller), caller);
    }

    @Transactional
    AlertJson create(Map<String, Object> body, SightlineUser caller) {
        AlertEdit edit = AlertEdit.read(body, true);
        access.reachableQuery(edit.queryId(), caller);
        long id = alerts.insert(edit.name(), edit.queryId(), caller.id(), write(edit.options()), edit.rearm(), now());
        return json(alerts.find(id).orElseThrow(), caller);
    }

    /** Changes the fields sent (options as a whole, as Redash); what was not sent stays. */
    @Transactional
    AlertJson update(long id, Map<String, Object> body, SightlineUser caller) {
        AlertRow current = access.modifiable(id, caller);
        AlertEdit edit = AlertEdit.read(body, false);
        if (edit.queryId() != null) {
            access.reachableQuery(edit.queryId(), caller);
        }
        alerts.update(id, edit.name() != null ? edit.name() : current.name(),
                edit.queryId() != null ? edit.queryId() : current.queryId(),
                edit.options() != null ? write(edit.options()) : current.options(),
                edit.rearmSent() ? edit.rearm() : current.rearm(), now());
        return json(alerts.find(id).orElseThrow(), caller);
    }

    @Transactional
    void delete(long id, SightlineUser caller) {
        access.modifiable(id, caller);
        alerts.delete(id);
    }

    /** Muted alerts still change state; they only send nothing. */
    @Transactional
    AlertJson mute(long id, boolean muted, SightlineUser caller) {
        AlertRow alert = access.modifiable(id, caller);
        alerts.updateOptions(id, write(options(alert).withMuted(muted)), now());
        return json(alerts.find(id).orElseThrow(), caller);
    }

    AlertJson json(AlertRow alert, SightlineUser viewer) {
        return AlertJson.full(alert, options(alert).values(), queries.json(alert.queryId(), viewer),
                users.summary(alert.userId()).orElse(null));
    }

    AlertOptions options(AlertRow alert) {
        return new AlertOptions(json.readValue(alert.options(), OBJECT));
    }

    private String write(AlertOptions options) {
        return json.writeValueAsString(options.values());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

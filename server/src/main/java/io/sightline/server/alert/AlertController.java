package io.sightline.server.alert;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Redash's {@code /api/alerts} endpoints. */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final AlertService service;
    private final AlertAccess access;
    private final AlertTransitions transitions;

    AlertController(AlertService service, AlertAccess access, AlertTransitions transitions) {
        this.service = service;
        this.access = access;
        this.transitions = transitions;
    }

    @GetMapping
    List<AlertJson> list() {
        return service.list(CurrentUser.get());
    }

    @PostMapping
    AlertJson create(@RequestBody Map<String, Object> body) {
        return service.create(body, CurrentUser.get());
    }

    @GetMapping("/{id}")
    AlertJson get(@PathVariable long id) {
        return service.get(id, CurrentUser.get());
    }

    @PostMapping("/{id}")
    AlertJson update(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return service.update(id, body, CurrentUser.get());
    }

    @DeleteMapping("/{id}")
    void delete(@PathVariable long id) {
        service.delete(id, CurrentUser.get());
    }

    @PostMapping("/{id}/mute")
    AlertJson mute(@PathVariable long id) {
        return service.mute(id, true, CurrentUser.get());
    }

    @DeleteMapping("/{id}/mute")
    AlertJson unmute(@PathVariable long id) {
        return service.mute(id, false, CurrentUser.get());
    }

    /** Evaluates the alert now against its query's latest result, with the rules of an evaluation after a run. */
    @PostMapping("/{id}/eval")
    AlertJson evaluate(@PathVariable long id) {
        SightlineUser caller = CurrentUser.get();
        access.modifiable(id, caller);
        transitions.evaluate(id, null);
        return service.get(id, caller);
    }
}

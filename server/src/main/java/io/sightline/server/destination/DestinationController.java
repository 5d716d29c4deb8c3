package io.sightline.server.destination;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Redash's {@code /api/destinations} endpoints, and a test send. */
@RestController
@RequestMapping("/api/destinations")
class DestinationController {

    private final DestinationService service;
    private final DestinationTypes types;
    private final DestinationTest test;

    DestinationController(DestinationService service, DestinationTypes types, DestinationTest test) {
        this.service = service;
        this.types = types;
        this.test = test;
    }

    @GetMapping
    List<Map<String, Object>> list() {
        CurrentUser.get();
        return service.list();
    }

    @GetMapping("/types")
    List<Map<String, Object>> types() {
        DestinationService.requireAdmin(CurrentUser.get());
        return types.describe();
    }

    @PostMapping
    Map<String, Object> create(@RequestBody Map<String, Object> body) {
        return service.create(body, CurrentUser.get());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return service.get(id, CurrentUser.get());
    }

    @PostMapping("/{id}")
    Map<String, Object> update(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return service.update(id, body, CurrentUser.get());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.delete(id, CurrentUser.get());
    }

    /** Sends a test notification now: {@code {"ok": true, "message": "success"}} or why it failed. */
    @PostMapping("/{id}/test")
    Map<String, Object> sendTest(@PathVariable long id) {
        SightlineUser caller = CurrentUser.get();
        DestinationService.requireAdmin(caller);
        Map<String, Object> answer = new LinkedHashMap<>();
        String failure = test.send(service.require(id), caller);
        answer.put("ok", failure == null);
        answer.put("message", failure == null ? "success" : failure);
        return answer;
    }
}

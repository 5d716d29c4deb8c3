package io.sightline.server.dashboard;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Redash's {@code /api/widgets}: add a widget to a dashboard, change it (text, width, options), remove it. */
@RestController
@RequestMapping("/api/widgets")
class WidgetController {

    private final WidgetService service;
    private final WidgetBodyReader reader;
    private final WidgetJson json;

    WidgetController(WidgetService service, WidgetBodyReader reader, WidgetJson json) {
        this.service = service;
        this.reader = reader;
        this.json = json;
    }

    @PostMapping
    Map<String, Object> create(@RequestBody JsonNode body) {
        SightlineUser caller = CurrentUser.get();
        return json.widget(service.create(caller, reader.read(body, true)), caller);
    }

    @PostMapping("/{id}")
    Map<String, Object> update(@PathVariable long id, @RequestBody JsonNode body) {
        SightlineUser caller = CurrentUser.get();
        return json.widget(service.update(caller, id, reader.read(body, false)), caller);
    }

    /** Answers 200 with no body, as Redash does. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(CurrentUser.get(), id);
        return ResponseEntity.ok().build();
    }
}

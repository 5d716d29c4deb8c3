package io.sightline.server.settings;

import io.sightline.server.auth.CurrentUser;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Redash's {@code /api/settings/organization}: {@code {"settings": {...}}} both ways; admins only. */
@RestController
@RequestMapping("/api/settings/organization")
class OrganizationSettingsController {

    private final OrganizationSettings settings;

    OrganizationSettingsController(OrganizationSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    Map<String, Object> get() {
        return Map.of("settings", settings.forAdmin(CurrentUser.get()));
    }

    /** The body is the settings to change, as a flat object (Redash's client sends it so). */
    @PostMapping
    Map<String, Object> post(@RequestBody JsonNode changes) {
        return Map.of("settings", settings.change(CurrentUser.get(), changes));
    }
}

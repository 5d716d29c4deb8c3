package io.sightline.server.system;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PingController {

    @GetMapping(value = "/ping", produces = "text/plain")
    String ping() {
        return "PONG.";
    }
}

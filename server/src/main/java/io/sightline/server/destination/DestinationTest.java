package io.sightline.server.destination;

import io.sightline.server.auth.SightlineUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A made-up notification in state {@code test}, sent at once (not through the outbox) to check the settings. */
@Component
class DestinationTest {

    private final Destinations destinations;

    DestinationTest(Destinations destinations) {
        this.destinations = destinations;
    }

    /** @return null when delivered, else why not */
    String send(DestinationRow row, SightlineUser caller) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", 0);
        alert.put("name", "Test alert");
        alert.put("state", "test");
        String text = "A test notification from Sightline to the destination " + row.name() + ".";
        String html = "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>";
        var notification = new Notification(0, "Test alert", "", "test", 0, "Test query", "", "SELECT 1",
                "1", "Sightline test notification", null, text, html, null, alert, "", caller.email());
        try {
            destinations.deliver(row.id(), notification, 0);
            return null;
        } catch (DeliveryFailure e) {
            return e.getMessage();
        }
    }
}

package io.sightline.server.destination;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redash's webhook body ({@code event}, {@code alert} with {@code title} and {@code description}, {@code url_base},
 * {@code metadata}) plus the query, the value and the links; signed with HMAC-SHA256 of the exact body bytes under
 * the destination's own secret, in {@value #SIGNATURE_HEADER} as {@code sha256=<hex>}.
 */
@Component
class WebhookSender implements DestinationSender {

    static final String SIGNATURE_HEADER = "X-Sightline-Signature-256";
    static final String DELIVERY_HEADER = "X-Sightline-Delivery";

    private final HttpPoster http;
    private final JsonMapper json;

    WebhookSender(HttpPoster http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public String name() {
        return "Webhook";
    }

    @Override
    public String icon() {
        return "fa-bolt";
    }

    @Override
    public List<DestinationField> fields() {
        return List.of(DestinationField.text("url", "URL").asRequired().asSecret(),
                DestinationField.text("username", "Username (HTTP basic auth)"),
                DestinationField.text("password", "Password (HTTP basic auth)").asSecret(),
                DestinationField.text("secret", "Signing secret (HMAC-SHA256); generated when not given").asSecret());
    }

    @Override
    public void send(Map<String, Object> options, Notification n, long notificationId) throws DeliveryFailure {
        byte[] body = json.writeValueAsBytes(body(n));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SIGNATURE_HEADER, "sha256=" + sign(String.valueOf(options.get("secret")), body));
        headers.put(DELIVERY_HEADER, String.valueOf(notificationId));
        if (options.get("username") instanceof String user && !user.isBlank()) {
            String pair = user + ":" + options.getOrDefault("password", "");
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        http.post(String.valueOf(options.get("url")), new String(body, StandardCharsets.UTF_8), headers);
    }

    static Map<String, Object> body(Notification n) {
        Map<String, Object> alert = new LinkedHashMap<>(n.alert());
        alert.put("title", n.customSubject());
        alert.put("description", n.customBody());
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("id", n.queryId());
        query.put("name", n.queryName());
        query.put("url", n.queryUrl());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "alert_state_change");
        body.put("alert", alert);
        body.put("query", query);
        body.put("state", n.state());
        body.put("value", n.value());
        body.put("url", n.alertUrl());
        body.put("url_base", n.urlBase());
        body.put("metadata", Map.of());
        return body;
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
        }
    }
}

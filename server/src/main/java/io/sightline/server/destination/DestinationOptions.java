package io.sightline.server.destination;

import io.sightline.server.datasource.Secrets;
import io.sightline.server.system.ApiException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A destination's options: checked against its type, stored with secrets encrypted as data source credentials
 * are, shown with secrets masked, and decrypted only on the way to a sender.
 */
@Component
class DestinationOptions {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int MAX_TEXT_CHARS = 20_000;

    private final Secrets secrets;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    DestinationOptions(Secrets secrets, JsonMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    /**
     * The options to store, checked: sent values, and for a secret sent as the mask the stored one.
     *
     * @param stored the options stored so far (decrypted), empty for a new destination
     * @throws ApiException 400 naming the option that is missing, unknown or wrong
     */
    Map<String, Object> checked(DestinationSender type, Object sent, Map<String, Object> stored) {
        if (!(sent instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("'options' must be an object");
        }
        Map<String, DestinationField> fields = new LinkedHashMap<>();
        type.fields().forEach(field -> fields.put(field.name(), field));
        Map<String, Object> options = new LinkedHashMap<>();
        for (var entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            DestinationField field = fields.get(name);
            if (field == null) {
                throw ApiException.badRequest("'options." + name + "' is not an option of " + type.type()
                        + " destinations; they have " + String.join(", ", fields.keySet()));
            }
            Object value = entry.getValue();
            if (value == null || (value instanceof String s && s.isBlank())) {
                continue;
            }
            if (field.secret() && Secrets.MASK.equals(value)) {
                if (!stored.containsKey(name)) {
                    throw ApiException.badRequest("'options." + name + "' is the mask but there is no stored value"
                            + " to keep: send the value itself");
                }
                options.put(name, stored.get(name));
                continue;
            }
            options.put(name, checkedValue(field, value));
        }
        for (DestinationField field : fields.values()) {
            if (field.required() && !options.containsKey(field.name())) {
                throw ApiException.badRequest("'options." + field.name() + "' is required for " + type.type()
                        + " destinations");
            }
        }
        if (options.get("url") instanceof String url) {
            requireHttpUrl(url);
        }
        if (options.get("tls") instanceof String tls && !java.util.List.of("none", "starttls", "ssl").contains(tls)) {
            throw ApiException.badRequest("'options.tls' must be none, starttls or ssl");
        }
        if (type.type().equals("webhook") && !options.containsKey("secret")) {
            options.put("secret", HexFormat.of().formatHex(bytes(32)));
        }
        return options;
    }

    private byte[] bytes(int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }

    private static Object checkedValue(DestinationField field, Object value) {
        String where = "'options." + field.name() + "'";
        if (field.kind().equals("number")) {
            if (!(value instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 1
                    || n.longValue() > 65_535) {
                throw ApiException.badRequest(where + " must be a whole number from 1 to 65535");
            }
            return n.intValue();
        }
        if (!(value instanceof String text)) {
            throw ApiException.badRequest(where + " must be a text");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw ApiException.badRequest(where + " is longer than " + MAX_TEXT_CHARS + " characters");
        }
        return text.strip();
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'options.url' must be an http:// or https:// URL");
        }
    }

    String encode(DestinationSender type, Map<String, Object> options) {
        Map<String, Object> stored = new LinkedHashMap<>();
        options.forEach((name, value) -> stored.put(name, isSecret(type, name) ? secrets.encrypt(value.toString()) : value));
        return json.writeValueAsString(stored);
    }

    /** The stored options, secrets decrypted, defaults filled in: what a sender works with. */
    Map<String, Object> decode(DestinationSender type, String stored) {
        Map<String, Object> options = json.readValue(stored, MAP);
        options.replaceAll((name, value) -> value instanceof String s && Secrets.isEncrypted(s) ? secrets.decrypt(s) : value);
        for (DestinationField field : type.fields()) {
            if (field.defaultValue() != null) {
                options.putIfAbsent(field.name(), field.defaultValue());
            }
        }
        return options;
    }

    /** As an admin sees them: every secret replaced by the mask, nothing decrypted. */
    Map<String, Object> masked(DestinationSender type, String stored) {
        Map<String, Object> options = json.readValue(stored, MAP);
        options.replaceAll((name, value) -> isSecret(type, name) || (value instanceof String s && Secrets.isEncrypted(s))
                ? Secrets.MASK : value);
        return options;
    }

    private static boolean isSecret(DestinationSender type, String name) {
        return type.fields().stream().anyMatch(f -> f.secret() && f.name().equals(name));
    }
}

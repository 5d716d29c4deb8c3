package io.sightline.server.destination;

import io.sightline.server.system.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The destination types this server sends to, and their configuration schemas in Redash's form. */
@Component
class DestinationTypes {

    private final Map<String, DestinationSender> senders = new LinkedHashMap<>();

    DestinationTypes(List<DestinationSender> all) {
        all.stream().sorted(java.util.Comparator.comparing(DestinationSender::name))
                .forEach(sender -> senders.put(sender.type(), sender));
    }

    Optional<DestinationSender> find(String type) {
        return Optional.ofNullable(senders.get(type));
    }

    /** @throws ApiException 400 naming {@code type} */
    DestinationSender require(String type) {
        return find(type).orElseThrow(() -> ApiException.badRequest("'type' must be one of "
                + String.join(", ", senders.keySet())));
    }

    /** {@code GET /api/destinations/types}: {name, type, icon, configuration_schema} per type. */
    List<Map<String, Object>> describe() {
        List<Map<String, Object>> types = new ArrayList<>();
        senders.values().forEach(sender -> {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("name", sender.name());
            type.put("type", sender.type());
            type.put("icon", sender.icon());
            type.put("configuration_schema", schema(sender));
            types.add(type);
        });
        return types;
    }

    static Map<String, Object> schema(DestinationSender sender) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (DestinationField field : sender.fields()) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", field.kind());
            property.put("title", field.title());
            if (field.defaultValue() != null) {
                property.put("default", field.defaultValue());
            }
            properties.put(field.name(), property);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", sender.fields().stream().filter(DestinationField::required).map(DestinationField::name)
                .toList());
        schema.put("secret", sender.fields().stream().filter(DestinationField::secret).map(DestinationField::name)
                .toList());
        return schema;
    }
}

package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceDetail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code options} column: JSON in which the values of the type's secret options are encrypted.
 * Plain secrets exist only in memory, on their way to a driver.
 */
@Component
class StoredOptions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final CredentialCipher cipher;

    StoredOptions(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    String encode(List<OptionField> fields, Map<String, Object> options) {
        Set<String> secret = secretNames(fields);
        Map<String, Object> stored = new LinkedHashMap<>();
        options.forEach((name, value) -> stored.put(name,
                secret.contains(name) ? cipher.encrypt(value.toString()) : value));
        return JSON.writeValueAsString(stored);
    }

    /** @throws CredentialCipher.CredentialException when a secret cannot be decrypted with this server's key */
    Map<String, Object> decode(List<OptionField> fields, String json) {
        Set<String> secret = secretNames(fields);
        Map<String, Object> options = JSON.readValue(json, MAP);
        options.replaceAll((name, value) -> secret.contains(name) && value != null ? cipher.decrypt(value.toString()) : value);
        return options;
    }

    /** The stored options as an admin may see them: secrets replaced by the mask, nothing decrypted. */
    static Map<String, Object> masked(List<OptionField> fields, String json) {
        Set<String> secret = secretNames(fields);
        Map<String, Object> options = JSON.readValue(json, MAP);
        options.replaceAll((name, value) -> secret.contains(name)
                || (value instanceof String s && CredentialCipher.isEncrypted(s)) ? DataSourceDetail.MASK : value);
        return options;
    }

    /** Values of non-secret options, read without the key (row limits, time limits). */
    static Map<String, Object> plain(List<OptionField> fields, String json) {
        Set<String> secret = secretNames(fields);
        Map<String, Object> options = JSON.readValue(json, MAP);
        options.keySet().removeAll(secret);
        return options;
    }

    private static Set<String> secretNames(List<OptionField> fields) {
        return fields.stream().filter(OptionField::secret).map(OptionField::name).collect(Collectors.toSet());
    }
}

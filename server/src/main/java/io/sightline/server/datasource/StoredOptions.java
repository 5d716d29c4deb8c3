package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceDetail;
import io.sightline.server.secret.SecretReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code options} column: JSON in which the values of the type's secret options are encrypted, or kept as the
 * {@code env:}/{@code file:} reference they were given as (decision 0048: a reference is not secret, and what it
 * refers to is read when connecting, never stored). Plain secrets exist only in memory, on their way to a driver.
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
                secret.contains(name) && !SecretReference.looksLikeOne(value) ? cipher.encrypt(value.toString()) : value));
        return JSON.writeValueAsString(stored);
    }

    /**
     * The options as saved: encrypted secrets decrypted, references left as written (see {@link #referenced}).
     *
     * @throws CredentialCipher.CredentialException when a secret cannot be decrypted with this server's keys
     */
    Map<String, Object> decode(List<OptionField> fields, String json) {
        Set<String> secret = secretNames(fields);
        Map<String, Object> options = JSON.readValue(json, MAP);
        options.replaceAll((name, value) -> secret.contains(name) && value instanceof String s
                && CredentialCipher.isEncrypted(s) ? cipher.decrypt(s) : value);
        return options;
    }

    /** The names of the secret options stored as {@code env:}/{@code file:} references, not encrypted values. */
    static Set<String> referenced(List<OptionField> fields, String json) {
        Set<String> secret = secretNames(fields);
        Map<String, Object> options = JSON.readValue(json, MAP);
        return options.entrySet().stream()
                .filter(e -> secret.contains(e.getKey()) && SecretReference.looksLikeOne(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /**
     * The stored options as an admin may see them: encrypted secrets replaced by the mask, nothing decrypted; a
     * secret given by reference shows the reference (it tells where the secret is, not what it is).
     */
    static Map<String, Object> masked(List<OptionField> fields, String json) {
        Set<String> secret = secretNames(fields);
        Map<String, Object> options = JSON.readValue(json, MAP);
        options.replaceAll((name, value) -> (secret.contains(name) && !SecretReference.looksLikeOne(value))
                || (value instanceof String s && CredentialCipher.isEncrypted(s)) ? DataSourceDetail.MASK : value);
        return options;
    }

    /**
     * The options JSON with every encrypted value that the current key did not encrypt encrypted again under it;
     * empty when there is none (the row is already current).
     *
     * @throws CredentialCipher.CredentialException when a value decrypts under none of the server's keys
     */
    java.util.Optional<String> reencrypted(String json) {
        Map<String, Object> options = JSON.readValue(json, MAP);
        boolean[] changed = {false};
        options.replaceAll((name, value) -> {
            if (value instanceof String s && CredentialCipher.isEncrypted(s) && !cipher.isCurrent(s)) {
                changed[0] = true;
                return cipher.encrypt(cipher.decrypt(s));
            }
            return value;
        });
        return changed[0] ? java.util.Optional.of(JSON.writeValueAsString(options)) : java.util.Optional.empty();
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

package io.sightline.server.secret;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The server's own secrets may be given as {@code env:NAME} or {@code file:/path} too (decision 0048): read once,
 * when the server starts, before anything uses them, and kept in memory only. Unlike a data source's references
 * they may name any variable and any file: whoever sets them already controls the server's environment. A reference
 * that cannot be read stops the start with a message naming the setting and the reference, never a value.
 *
 * <p>{@code sightline.redis-password}, when set, becomes the password of {@code sightline.redis-url};
 * {@code sightline.database-password} is used by the metadata database's pool.
 */
public class ServerSecretReferences implements EnvironmentPostProcessor, Ordered {

    /** The settings that may hold a reference, and the variable an operator knows each by. */
    static final Map<String, String> SETTINGS = settings();
    static final String SOURCE = "sightline-secret-references";

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sightline.secret-key", "SIGHTLINE_SECRET_KEY");
        settings.put("sightline.previous-secret-keys", "SIGHTLINE_PREVIOUS_SECRET_KEYS");
        settings.put("sightline.database-url", "SIGHTLINE_DATABASE_URL");
        settings.put("sightline.database-password", "SIGHTLINE_DATABASE_PASSWORD");
        settings.put("sightline.redis-url", "SIGHTLINE_REDIS_URL");
        settings.put("sightline.redis-password", "SIGHTLINE_REDIS_PASSWORD");
        settings.put("sightline.mail.password", "SIGHTLINE_MAIL_PASSWORD");
        settings.put("sightline.admin-password", "SIGHTLINE_ADMIN_PASSWORD");
        settings.put("sightline.admin-api-key", "SIGHTLINE_ADMIN_API_KEY");
        settings.put("sightline.oidc.client-secret", "SIGHTLINE_OIDC_CLIENT_SECRET");
        return Map.copyOf(settings);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1; // after application.yml has been read
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> plain = new LinkedHashMap<>();
        for (String setting : new java.util.TreeSet<>(SETTINGS.keySet())) {
            String value = environment.getProperty(setting);
            if (SecretReference.looksLikeOne(value)) {
                plain.put(setting, resolve(setting, value));
            }
        }
        String redisPassword = plain.getOrDefault("sightline.redis-password",
                environment.getProperty("sightline.redis-password", ""));
        String redisUrl = plain.getOrDefault("sightline.redis-url", environment.getProperty("sightline.redis-url", ""));
        if (!redisPassword.isEmpty() && !redisUrl.isBlank()) {
            plain.put("sightline.redis-url", withPassword(redisUrl.strip(), redisPassword));
        }
        if (!plain.isEmpty()) {
            Map<String, Object> source = new LinkedHashMap<>();
            plain.forEach((setting, value) -> source.put(setting, escapePlaceholders(value)));
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, source));
        }
    }

    /** A secret read from a file or variable is taken as it is: a {@code ${...}} in it is no placeholder. */
    private static String escapePlaceholders(String value) {
        return value.replace("${", "\\${");
    }

    /** The value {@code value} (a reference) names; a reference that cannot be read is an error naming the setting. */
    public static String resolve(String setting, String value) {
        try {
            SecretReference reference = SecretReference.parse(value).orElseThrow();
            return switch (reference.kind()) {
                case ENV -> SecretFiles.env(reference.target(), reference.toString());
                case FILE -> SecretFiles.read(Path.of(reference.target()), reference.toString());
            };
        } catch (SecretReferenceException e) {
            throw new IllegalStateException("Setting " + setting + " (" + SETTINGS.get(setting) + "): "
                    + e.getMessage());
        }
    }

    /** The Redis URL with {@code password} as its password (and the user it names, if any). */
    static String withPassword(String url, String password) {
        try {
            URI uri = new URI(url);
            String userInfo = uri.getUserInfo();
            String user = userInfo == null ? "" : userInfo.split(":", 2)[0];
            return new URI(uri.getScheme(), user + ":" + password, uri.getHost(), uri.getPort(), uri.getPath(),
                    uri.getQuery(), uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Setting sightline.redis-url (SIGHTLINE_REDIS_URL) is not a URL");
        }
    }
}

package io.sightline.desktop.connection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.desktop.AppHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembered servers, most recent first, in {@code connections.json} of {@link AppHome} (readable only by the
 * user: it names servers and accounts). Keys are not in this file but in the {@link SecretStore}; a file written
 * by an older workbench, with the keys inside, has them moved there on first read.
 */
public final class ConnectionStore {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int KEPT = 10;

    record Stored(@JsonProperty("servers") List<StoredServer> servers) {
    }

    /** One entry as written; {@code api_key} only in files of older versions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredServer(@JsonProperty("url") String url, @JsonProperty("login") LoginKind login,
                        @JsonProperty("user") String user, @JsonProperty("api_key") String apiKey) {
    }

    private final Path file;
    private final SecretStore secrets;

    public ConnectionStore(Path directory, SecretStore secrets) {
        this.file = directory.resolve("connections.json");
        this.secrets = secrets;
    }

    public Path file() {
        return file;
    }

    public List<SavedConnection> load() {
        List<StoredServer> stored = read();
        if (stored.stream().anyMatch(server -> server.apiKey() != null)) {
            stored.stream().filter(server -> server.apiKey() != null && !server.apiKey().isBlank())
                    .forEach(server -> secrets.keep(server.url(), server.apiKey()));
            List<SavedConnection> servers = stored.stream().map(ConnectionStore::saved).toList();
            write(servers);
            return servers;
        }
        return stored.stream().map(ConnectionStore::saved).toList();
    }

    /** Puts {@code connection} first, replacing an older entry for the same URL. */
    public void remember(SavedConnection connection) {
        List<SavedConnection> servers = new ArrayList<>();
        servers.add(connection);
        load().stream().filter(old -> !old.url().equals(connection.url())).limit(KEPT - 1L).forEach(servers::add);
        write(servers);
    }

    /** Drops the server from the list, and its key from wherever keys are kept. */
    public void forget(String url) {
        write(load().stream().filter(old -> !old.url().equals(url)).toList());
        secrets.forget(url);
    }

    private List<StoredServer> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Stored stored = JSON.readValue(Files.readString(file), Stored.class);
            return stored.servers() == null ? List.of()
                    : stored.servers().stream().filter(server -> server.url() != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException unreadable) {
            return List.of(); // a damaged file only costs the user choosing the server again
        }
    }

    private void write(List<SavedConnection> servers) {
        List<StoredServer> stored = servers.stream()
                .map(server -> new StoredServer(server.url(), server.login(), server.user(), null)).toList();
        AppHome.writePrivately(file, JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(new Stored(stored)));
    }

    private static SavedConnection saved(StoredServer server) {
        return new SavedConnection(server.url(), server.login(), server.user());
    }
}

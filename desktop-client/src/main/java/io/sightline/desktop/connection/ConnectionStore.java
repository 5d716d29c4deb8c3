package io.sightline.desktop.connection;

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
 * Remembered servers, most recent first, in {@code connections.json} of {@link AppHome}; the file is
 * readable only by the user because it holds API keys. (No OS keyring is used yet: see the decision record.)
 */
public final class ConnectionStore {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int KEPT = 10;

    record Stored(@JsonProperty("servers") List<SavedConnection> servers) {
    }

    private final Path file;

    public ConnectionStore(Path directory) {
        this.file = directory.resolve("connections.json");
    }

    public Path file() {
        return file;
    }

    public List<SavedConnection> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Stored stored = JSON.readValue(Files.readString(file), Stored.class);
            return stored.servers() == null ? List.of() : stored.servers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException unreadable) {
            return List.of(); // a damaged file only costs the user retyping a key
        }
    }

    /** Puts {@code connection} first, replacing an older entry for the same URL. */
    public void remember(SavedConnection connection) {
        List<SavedConnection> servers = new ArrayList<>();
        servers.add(connection);
        load().stream().filter(old -> !old.url().equals(connection.url())).limit(KEPT - 1L).forEach(servers::add);
        AppHome.writePrivately(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Stored(servers)));
    }
}

package io.sightline.desktop.connection;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A server the user connected to: its address, how they signed in and as whom. No secret is in here: a
 * remembered API key is in the {@link SecretStore}.
 */
public record SavedConnection(@JsonProperty("url") String url, @JsonProperty("login") LoginKind login,
                              @JsonProperty("user") String user) {

    public SavedConnection {
        login = login == null ? LoginKind.API_KEY : login;
        user = user == null ? "" : user;
    }

    /** How the server list shows it: "admin@example.com @ http://host:5000". */
    @Override
    public String toString() {
        return user.isBlank() ? url : user + " @ " + url;
    }
}

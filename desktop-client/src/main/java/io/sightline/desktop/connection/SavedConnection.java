package io.sightline.desktop.connection;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A server the user connected to, with the key that worked (null when the user chose not to keep it). */
public record SavedConnection(@JsonProperty("url") String url, @JsonProperty("api_key") String apiKey) {

    @Override
    public String toString() {
        return url;
    }
}

package io.sightline.server.datasource;

import java.util.List;

/**
 * What encrypting stored secrets again under the current key did to one kind of row (data sources, destinations).
 *
 * @param reencrypted rows whose secrets were encrypted again
 * @param alreadyCurrent rows left as they were: every secret already under the current key, or none stored
 * @param unreadable names of rows holding a secret that none of the server's keys decrypts (left unchanged)
 */
public record Reencryption(int reencrypted, int alreadyCurrent, List<String> unreadable) {

    public Reencryption plus(Reencryption other) {
        return new Reencryption(reencrypted + other.reencrypted, alreadyCurrent + other.alreadyCurrent,
                java.util.stream.Stream.concat(unreadable.stream(), other.unreadable.stream()).toList());
    }
}

package io.sightline.server.datasource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Encrypting the secrets of a table's rows again, one row at a time, each written only if nobody changed it since it
 * was read (a concurrent save writes under the current key anyway). Stopping halfway loses nothing: a row is either
 * as it was, readable with a previous key, or rewritten; running it again continues with what is left.
 */
public final class Rewrites {

    /** One row: its id, its name (for the report), its stored options. */
    public record Row(long id, String name, String options) {
    }

    /** Writes {@code now} in place of {@code before}; false when the row no longer holds {@code before}. */
    public interface Store {
        boolean replace(long id, String before, String now);
    }

    private Rewrites() {
    }

    /**
     * @param rows     reads the rows afresh (again after a row changed under us)
     * @param rewrite  the options encrypted again, or empty when already current
     */
    public static Reencryption run(Supplier<List<Row>> rows, Function<String, Optional<String>> rewrite, Store store) {
        int reencrypted = 0;
        int current = 0;
        List<String> unreadable = new ArrayList<>();
        for (Row row : rows.get()) {
            Row now = row;
            while (now != null) {
                Optional<String> rewritten;
                try {
                    rewritten = rewrite.apply(now.options());
                } catch (CredentialCipher.CredentialException e) {
                    unreadable.add(now.name());
                    break;
                }
                if (rewritten.isEmpty()) {
                    current++;
                    break;
                }
                if (store.replace(now.id(), now.options(), rewritten.get())) {
                    reencrypted++;
                    break;
                }
                long id = now.id();
                now = rows.get().stream().filter(r -> r.id() == id).findFirst().orElse(null); // changed: read again
            }
        }
        return new Reencryption(reencrypted, current, List.copyOf(unreadable));
    }
}

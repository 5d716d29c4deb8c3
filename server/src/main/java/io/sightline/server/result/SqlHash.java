package io.sightline.server.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The result-cache key of a final SQL text: hex MD5 of the exact text. Deliberately not Redash's normalising
 * {@code gen_query_hash} (see {@code query.QueryHash}), which drops all whitespace and so would serve
 * {@code SELECT 'a b'} the cached result of {@code SELECT 'ab'}.
 */
public final class SqlHash {

    private SqlHash() {
    }

    public static String of(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }

    /**
     * The key of a run that is its user's own (the SQL names them, or the data source is told who runs it): never
     * the key of the same SQL for anyone else, so no one is answered from, or joins, another user's run.
     */
    public static String ofUsersRun(String sql, long userId) {
        return of(sql + "\n-- sightline user " + userId);
    }
}

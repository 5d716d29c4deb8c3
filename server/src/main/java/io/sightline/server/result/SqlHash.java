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
}

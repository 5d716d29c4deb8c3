package io.sightline.server.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Redash's {@code gen_query_hash}: hex MD5 of the SQL text after removing {@code /* ... *}{@code /} comments
 * (within one line, as Redash's regular expression does) and all whitespace. Texts that differ only in
 * layout or such comments hash alike, so results cached for one are found for the other.
 */
public final class QueryHash {

    private static final Pattern COMMENT = Pattern.compile("/\\*[^\\n]*?\\*/");

    private QueryHash() {
    }

    public static String of(String sql) {
        String withoutComments = COMMENT.matcher(sql).replaceAll("");
        StringBuilder compact = new StringBuilder(withoutComments.length());
        withoutComments.codePoints().filter(c -> !isPythonWhitespace(c)).forEach(compact::appendCodePoint);
        return HexFormat.of().formatHex(md5().digest(compact.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Python's {@code str.split()} splits on these; Java's {@code isWhitespace} alone misses no-break spaces. */
    private static boolean isPythonWhitespace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }
}

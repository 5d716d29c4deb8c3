package io.sightline.common.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A user's picture as the server draws it: their initials on a circle of a colour of their own, an SVG in a
 * {@code data:} URL, so it needs no image service, no request and no credential to show. The same user always gets
 * the same picture.
 */
public final class Avatar {

    private Avatar() {
    }

    /** The {@code profile_image_url} of a user. */
    public static String url(long id, String name) {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\" viewBox=\"0 0 40 40\">"
                + "<circle cx=\"20\" cy=\"20\" r=\"20\" fill=\"hsl(" + Math.floorMod(id * 137, 360) + ",55%,45%)\"/>"
                + "<text x=\"20\" y=\"25.5\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"15\""
                + " font-weight=\"600\" fill=\"#fff\">" + escape(initials(name)) + "</text></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    /** The first letters of the first two words ("Ann Lee" → "AL"), or "?" for a name without letters. */
    static String initials(String name) {
        String initials = name == null ? "" : Arrays.stream(name.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .map(word -> new String(Character.toChars(word.codePointAt(0))))
                .limit(2).collect(Collectors.joining());
        return initials.isEmpty() ? "?" : initials.toUpperCase(Locale.ROOT);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

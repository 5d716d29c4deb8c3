package io.sightline.server.datasource;

import io.sightline.server.system.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses connection settings that would make parameter values unsafe on every connection of a data source:
 * PostgreSQL {@code standard_conforming_strings} off (through the {@code options} driver option), or a
 * MariaDB/MySQL client character set whose multibyte characters can end in a backslash (GBK, Big5, SJIS, CP932,
 * GB18030) in {@code characterEncoding}, {@code sessionVariables} or any other driver option. {@link SessionReset}
 * checks the live connection before each run as well; this gives the admin the reason when saving or testing.
 */
final class ForcedSessionSettings {

    private static final Pattern STANDARD_STRINGS =
            Pattern.compile("standard_conforming_strings\\s*(?:=|\\s+to\\s+|\\s)\\s*'?([a-z0-9]*)");

    private ForcedSessionSettings() {
    }

    /** @throws ApiException 400 naming the driver option and the setting */
    static void refuseUnsafe(ConnectionSpec spec) {
        refuseUnsafe(spec.url(), spec.properties());
    }

    /** @throws ApiException 400 naming the driver option and the setting */
    static void refuseUnsafe(String url, Map<String, String> properties) {
        if (url == null) {
            return;
        }
        SessionReset.Engine engine = SessionReset.Engine.of(url);
        if (engine != SessionReset.Engine.POSTGRES && engine != SessionReset.Engine.MARIADB) {
            return;
        }
        Map<String, String> options = new LinkedHashMap<>(urlOptions(url));
        options.putAll(properties);
        options.forEach((name, value) -> {
            String lower = value.toLowerCase(Locale.ROOT);
            if (engine == SessionReset.Engine.POSTGRES) {
                Matcher setting = STANDARD_STRINGS.matcher(lower);
                while (setting.find()) {
                    if (!setting.group(1).equals("on") && !setting.group(1).equals("true")) {
                        throw refused(name, "standard_conforming_strings=" + setting.group(1), "a backslash in a"
                                + " parameter value would then end its literal; leave standard_conforming_strings on");
                    }
                }
            } else {
                for (String charset : SessionReset.BACKSLASH_UNSAFE_CHARSETS) {
                    if (Pattern.compile("(^|[^a-z0-9])" + charset + "([^a-z0-9]|$)").matcher(lower).find()
                            || (charset.equals("sjis") && lower.contains("shift_jis"))
                            || (charset.equals("cp932") && (lower.contains("windows-31j") || lower.contains("ms932")))) {
                        throw refused(name, "the character set " + charset, "its multibyte characters can end in a"
                                + " backslash and hide one in a parameter value; use utf8mb4");
                    }
                }
            }
        });
    }

    private static ApiException refused(String option, String setting, String why) {
        return ApiException.badRequest("Option 'url': the driver option '" + option + "' sets " + setting
                + ", which is not allowed: " + why);
    }

    /** The URL's driver options ({@code ?a=b&c=d}, also {@code ;a=b}), decoded. */
    private static Map<String, String> urlOptions(String url) {
        Map<String, String> options = new LinkedHashMap<>();
        int start = url.indexOf('?');
        String query = start < 0 ? "" : url.substring(start + 1);
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                options.put(pair.substring(0, eq).trim(), decode(pair.substring(eq + 1)));
            }
        }
        return options;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}

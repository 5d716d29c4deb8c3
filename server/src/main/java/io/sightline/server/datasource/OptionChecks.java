package io.sightline.server.datasource;

import io.sightline.server.system.ApiException;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks shared by several connector types; each failure names the option. */
final class OptionChecks {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern H2_INIT = Pattern.compile("(?i);\\s*INIT\\s*=");

    private OptionChecks() {
    }

    /** A host name or IP address, so that it cannot smuggle extra parameters into a JDBC URL. */
    static void host(DataSourceOptions options, String option) {
        String host = options.string(option);
        if (host != null && !HOST.matcher(host).matches()) {
            throw ApiException.badRequest("Option '" + option + "' must be a host name or IP address, not '" + host + "'");
        }
    }

    static void oneOf(DataSourceOptions options, String option, Collection<String> allowed) {
        String value = options.string(option);
        if (value != null && !allowed.contains(value)) {
            throw ApiException.badRequest("Option '" + option + "' must be one of " + String.join(", ", allowed)
                    + ", not '" + value + "'");
        }
    }

    /** A database name that cannot end the URL's path and start its parameters. */
    static void plainName(DataSourceOptions options, String option) {
        String value = options.string(option);
        if (value != null && value.chars().anyMatch(c -> "/?&;#=".indexOf(c) >= 0 || Character.isWhitespace(c))) {
            throw ApiException.badRequest("Option '" + option + "' must not contain / ? & ; # = or spaces");
        }
    }

    static void jdbcUrl(DataSourceOptions options, String option, String prefix) {
        String url = options.string(option);
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw ApiException.badRequest("Option '" + option + "' must be a JDBC URL starting with '" + prefix + "'");
        }
        // H2 runs INIT scripts (which may define Java functions) inside this server when it connects.
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") && H2_INIT.matcher(url).find()) {
            throw ApiException.badRequest("Option '" + option + "': H2 URLs with INIT= are not allowed");
        }
    }
}

package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceDetail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that leaves the server (API messages, exceptions): the known secret values, their
 * URL-encoded forms, and passwords written into JDBC URLs, which some drivers echo in their messages.
 */
final class SecretMasker {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b(password|passwd|pwd)=([^&;\\s,)'\"]+)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+):([^@/\\s]+)@");

    private SecretMasker() {
    }

    static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        // longest first, so that a secret containing another is replaced whole
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(secret, DataSourceDetail.MASK);
            masked = masked.replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), DataSourceDetail.MASK);
        }
        masked = URL_PASSWORD.matcher(masked).replaceAll(m -> m.group(1) + "=" + Matcher.quoteReplacement(DataSourceDetail.MASK));
        return USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + ":"
                + Matcher.quoteReplacement(DataSourceDetail.MASK) + "@");
    }
}

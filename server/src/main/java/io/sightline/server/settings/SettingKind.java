package io.sightline.server.settings;

import io.sightline.server.system.ApiException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** What values a setting takes; each check refuses with a 400 naming the setting. */
interface SettingKind {

    int MAX_TEXT = 10_000;

    void check(String name, JsonNode value);

    static SettingKind bool() {
        return (name, value) -> {
            if (!value.isBoolean()) {
                throw wrong(name, "true or false");
            }
        };
    }

    /** {@code true}, {@code false} or {@code null} (not asked yet), as Redash's {@code beacon_consent}. */
    static SettingKind optionalBool() {
        return (name, value) -> {
            if (!value.isBoolean() && !value.isNull()) {
                throw wrong(name, "true, false or null");
            }
        };
    }

    static SettingKind text() {
        return text(MAX_TEXT);
    }

    static SettingKind text(int maxLength) {
        return (name, value) -> {
            if (!value.isString()) {
                throw wrong(name, "a text");
            }
            if (value.asString().length() > maxLength) {
                throw ApiException.badRequest("'" + name + "' is longer than " + maxLength + " characters");
            }
        };
    }

    /** One of the texts Redash's settings page offers. */
    static SettingKind oneOf(Set<String> allowed) {
        List<String> sorted = allowed.stream().sorted().toList();
        return (name, value) -> {
            if (!value.isString() || !allowed.contains(value.asString())) {
                throw ApiException.badRequest("'" + name + "' must be one of " + String.join(", ", sorted)
                        + (value.isString() ? "; was '" + value.asString() + "'" : ""));
            }
        };
    }

    /** A numeral.js format as Redash's web client takes it ({@code 0,0}, {@code 0,0.00}, {@code 0.0a}, {@code $0,0}). */
    static SettingKind numberFormat() {
        Pattern format = Pattern.compile("[0#,.\\[\\]$%()+\\-a ]{1,32}");
        return (name, value) -> {
            if (!value.isString() || !format.matcher(value.asString()).matches() || !value.asString().contains("0")) {
                throw ApiException.badRequest("'" + name + "' must be a number format such as 0,0 or 0,0.00 (digits"
                        + " as 0, ',' for thousands, '.' for decimals)" + (value.isString() ? "; was '"
                        + value.asString() + "'" : ""));
            }
        };
    }

    /** One character, or (when {@code mayBeEmpty}) none. */
    static SettingKind separator(boolean mayBeEmpty) {
        return (name, value) -> {
            if (!value.isString() || value.asString().length() > 1 || (!mayBeEmpty && value.asString().isEmpty())) {
                throw ApiException.badRequest("'" + name + "' must be " + (mayBeEmpty ? "at most" : "exactly")
                        + " one character");
            }
        };
    }

    static SettingKind texts() {
        return (name, value) -> {
            if (!value.isArray()) {
                throw wrong(name, "an array of texts");
            }
            for (JsonNode item : value.values()) {
                if (!item.isString() || item.asString().isBlank() || item.asString().length() > 255) {
                    throw ApiException.badRequest("'" + name + "' must be an array of non-empty texts");
                }
            }
            if (value.size() > 100) {
                throw ApiException.badRequest("'" + name + "' takes at most 100 entries");
            }
        };
    }

    private static ApiException wrong(String name, String expected) {
        return ApiException.badRequest("'" + name + "' must be " + expected);
    }
}

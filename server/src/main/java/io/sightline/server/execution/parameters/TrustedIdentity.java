package io.sightline.server.execution.parameters;

import io.sightline.common.parameter.SqlDialect;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The trusted identity parameters {@code {{ current_user.email }}}, {@code .id}, {@code .name} and {@code .groups}
 * (the caller's group names, a comma-separated list of literals for {@code IN (...)}): filled by the server from the
 * signed-in user, never from the request (a value sent for {@code current_user} is a 400), escaped as other
 * values. Before the other parameters are bound each tag becomes a random token with no braces, so neither the
 * binder nor a value can see or forge it; after binding, the tokens become the literals.
 */
public final class TrustedIdentity {

    static final String NAME = "current_user";
    private static final String FIELD = "(?:\\.([\\p{L}\\p{N}_-]+))?";
    /** The tag with the single quotes right around it, if any: {@code '{{ current_user.email }}'}. */
    private static final Pattern TAG = Pattern.compile("(')?(?:\\{\\{\\{\\s*current_user" + FIELD + "\\s*\\}\\}\\}"
            + "|\\{\\{\\s*current_user" + FIELD + "\\s*\\}\\})(')?");

    /** SQL with tokens in place of the identity tags, and each token's literal; {@link #used()} false when none. */
    public record Prepared(String sql, Map<String, String> literals) {

        public boolean used() {
            return !literals.isEmpty();
        }

        public String fill(String bound) {
            String sql = bound;
            for (var entry : literals.entrySet()) {
                sql = sql.replace(entry.getKey(), entry.getValue());
            }
            return sql;
        }
    }

    private TrustedIdentity() {
    }

    /** Whether the SQL names the signed-in user. */
    public static boolean uses(String sql) {
        return TAG.matcher(sql).find();
    }

    /** @throws ApiException 400 when the request sends a value for {@code current_user} or a tag names no field */
    public static Prepared prepare(String sql, Map<String, Object> values, SightlineUser user, SqlDialect dialect,
                            Supplier<List<String>> groupNames) {
        for (String name : values.keySet()) {
            if (name.equals(NAME) || name.startsWith(NAME + ".")) {
                throw ApiException.badRequest("Parameter '" + name + "' is filled by the server from the signed-in"
                        + " user; a run may not supply it");
            }
        }
        Matcher matcher = TAG.matcher(sql);
        if (!matcher.find()) {
            return new Prepared(sql, Map.of());
        }
        String run = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> literals = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        int n = 0;
        do {
            String field = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            boolean quoted = matcher.group(1) != null && matcher.group(4) != null;
            String literal = literal(field, quoted, matcher.group(1) != null || matcher.group(4) != null, user, dialect,
                    groupNames);
            String token = "sightline_identity_" + run + "_" + n++;
            literals.put(token, literal);
            // a one-sided quote stays in the SQL; the quotes around a quoted tag are part of the literal
            String kept = quoted ? token : (matcher.group(1) != null ? "'" : "") + token + (matcher.group(4) != null ? "'" : "");
            matcher.appendReplacement(out, kept);
        } while (matcher.find());
        matcher.appendTail(out);
        return new Prepared(out.toString(), literals);
    }

    /**
     * Text (email, name) only as {@code '{{ current_user.email }}'}, the single quotes right around the tag, as
     * other text parameters: written bare, the user's own name would be SQL. The id is a number, anywhere; the
     * groups a list of literals, only bare ({@code IN ({{ current_user.groups }})}).
     */
    private static String literal(String field, boolean quoted, boolean nextToQuote, SightlineUser user,
                                  SqlDialect dialect, Supplier<List<String>> groups) {
        if (field == null) {
            throw ApiException.badRequest("'{{ current_user }}' needs a field: current_user.email, .id, .name or .groups");
        }
        if ((field.equals("email") || field.equals("name")) && !quoted) {
            throw ApiException.badRequest("'current_user." + field + "' is text: write it in single quotes,"
                    + " '{{ current_user." + field + " }}'");
        }
        if (field.equals("groups") && nextToQuote) {
            throw ApiException.badRequest("'current_user.groups' is a list of quoted names: write it without quotes,"
                    + " IN ({{ current_user.groups }})");
        }
        return switch (field) {
            case "email" -> quoted(user.email(), dialect);
            case "name" -> quoted(user.name(), dialect);
            case "id" -> quoted ? "'" + user.id() + "'" : String.valueOf(user.id());
            case "groups" -> {
                List<String> names = groups.get();
                yield names.isEmpty() ? "NULL" : names.stream().map(g -> quoted(g, dialect)).collect(Collectors.joining(", "));
            }
            default -> throw ApiException.badRequest("'current_user." + field + "' is not an identity parameter;"
                    + " there are current_user.email, .id, .name and .groups");
        };
    }

    private static String quoted(String value, SqlDialect dialect) {
        return "'" + dialect.escapeStringContent(value) + "'";
    }
}

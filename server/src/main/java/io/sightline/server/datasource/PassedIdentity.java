package io.sightline.server.datasource;

import io.sightline.server.system.ApiException;
import java.util.regex.Pattern;

/**
 * A PostgreSQL data source's {@code pass_identity} and {@code identity_role} options: whether each run tells the
 * database who runs it, inside the run's transaction ({@code set_config('sightline.user_email', …, true)} and
 * {@code sightline.user_id}, {@code sightline.user_groups}), and which role it takes there ({@code SET LOCAL ROLE}),
 * so the database's own row-level security policies can tell users apart. The execution pipeline sets them.
 *
 * @param role the role to take, null for the connection's own
 */
public record PassedIdentity(boolean passed, String role) {

    public static final PassedIdentity NONE = new PassedIdentity(false, null);

    static final String PASS_IDENTITY = "pass_identity";
    static final String IDENTITY_ROLE = "identity_role";

    /** A role name as PostgreSQL writes one without quotes; it is quoted anyway when used. */
    private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    static PassedIdentity of(DataSourceOptions options) {
        if (!options.has(PASS_IDENTITY) || !options.bool(PASS_IDENTITY)) {
            return NONE;
        }
        String role = options.has(IDENTITY_ROLE) ? options.string(IDENTITY_ROLE) : null;
        return new PassedIdentity(true, role == null || role.isBlank() ? null : role.trim());
    }

    static void check(DataSourceOptions options) {
        String role = options.string(IDENTITY_ROLE);
        if (role != null && !role.isBlank() && !ROLE.matcher(role.trim()).matches()) {
            throw ApiException.badRequest("Option '" + IDENTITY_ROLE + "' must be a role name: a letter or _, then"
                    + " letters, digits, _ or $ (at most 63)");
        }
        if (role != null && !role.isBlank() && !options.bool(PASS_IDENTITY)) {
            throw ApiException.badRequest("Option '" + IDENTITY_ROLE + "' is taken only with '" + PASS_IDENTITY
                    + "': true");
        }
    }

    /** {@code SET LOCAL ROLE "<role>"}, the name quoted as an identifier. */
    public String setLocalRole() {
        return "SET LOCAL ROLE \"" + role.replace("\"", "\"\"") + "\"";
    }
}

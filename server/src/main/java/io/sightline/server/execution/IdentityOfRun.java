package io.sightline.server.execution;

import io.sightline.server.auth.Groups;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.datasource.DataSourceInfo;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.stereotype.Component;

/**
 * Tells a PostgreSQL data source with {@code pass_identity} who a run is for, inside the run's own transaction, so
 * its row-level security policies can use it: {@code current_setting('sightline.user_email')},
 * {@code 'sightline.user_id'} and {@code 'sightline.user_groups'} (group names, comma-separated), and the data
 * source's {@code identity_role} taken with {@code SET LOCAL ROLE}. All of it ends with the transaction, and the
 * connection is reset before its next run anyway ({@code DISCARD ALL}). The values are bound, never written into SQL.
 */
@Component
class IdentityOfRun {

    static final String EMAIL = "sightline.user_email";
    static final String ID = "sightline.user_id";
    static final String GROUPS = "sightline.user_groups";

    private final Users users;
    private final Groups groups;

    IdentityOfRun(Users users, Groups groups) {
        this.users = users;
        this.groups = groups;
    }

    /**
     * @param connection in the run's transaction (auto-commit off)
     * @throws SQLException when the run's user is gone or disabled, or the database refuses a setting or the role
     */
    void pass(Connection connection, DataSourceInfo source, Long userId) throws SQLException {
        if (!source.identity().passed()) {
            return;
        }
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("The user is passed only inside the run's transaction");
        }
        SightlineUser user = (userId == null ? java.util.Optional.<SightlineUser>empty() : users.enabled(userId))
                .orElseThrow(() -> new SQLException("Data source '" + source.name() + "' is told who runs each query,"
                        + " and the user this run is for no longer exists or is disabled"));
        try (var settings = connection.prepareStatement(
                "SELECT set_config(?, ?, true), set_config(?, ?, true), set_config(?, ?, true)")) {
            settings.setString(1, EMAIL);
            settings.setString(2, user.email());
            settings.setString(3, ID);
            settings.setString(4, Long.toString(user.id()));
            settings.setString(5, GROUPS);
            settings.setString(6, String.join(",", groups.names(user.groupIds())));
            settings.execute();
        }
        if (source.identity().role() != null) {
            try (var role = connection.createStatement()) {
                role.execute(source.identity().setLocalRole());
            }
        }
    }
}

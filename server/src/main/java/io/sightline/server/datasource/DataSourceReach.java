package io.sightline.server.datasource;

import java.util.Set;

/**
 * The data sources a user reaches through their groups (view-only access is enough): every one for an admin,
 * else exactly {@code ids}.
 *
 * @param ids the reached data sources; empty when {@code all}
 */
public record DataSourceReach(boolean all, Set<Long> ids) {

    public DataSourceReach {
        ids = Set.copyOf(ids);
    }

    public boolean reaches(long dataSourceId) {
        return all || ids.contains(dataSourceId);
    }
}

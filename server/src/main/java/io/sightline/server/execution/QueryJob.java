package io.sightline.server.execution;

/**
 * The work a worker does for one job: the final SQL on one data source.
 *
 * @param usersOwn the run is its user's own ({@code {{ current_user.* }}}, a data source told who runs it): its
 *                 result is stored as theirs, readable by no one else
 */
public record QueryJob(String jobId, long dataSourceId, String queryHash, String sql, Long queryId, long userId,
                       boolean usersOwn) {

    /** Whose result the run stores: its user's for a run of their own, else null (everyone's who reach it). */
    public Long resultOwner() {
        return usersOwn ? userId : null;
    }
}

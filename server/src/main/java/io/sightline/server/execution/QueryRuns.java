package io.sightline.server.execution;

import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.common.parameter.BoundQuery;
import io.sightline.common.parameter.ParameterBinder;
import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.common.parameter.ParameterException;
import io.sightline.common.parameter.Parameters;
import io.sightline.common.parameter.SqlDialect;
import io.sightline.server.auth.Groups;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.datasource.DataSourceAccess;
import io.sightline.server.datasource.DataSourceInfo;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.execution.parameters.DeclaredParameters;
import io.sightline.server.execution.parameters.TrustedIdentity;
import io.sightline.server.execution.parameters.UrlParameterValues;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.query.SavedQuery;
import io.sightline.server.result.SqlHash;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import io.sightline.server.system.LimitsProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The front half of the query pipeline: validate and bind parameters, answer from the result cache when
 * {@code max_age} allows, join an identical run in flight, or else enqueue a job.
 */
@Service
public class QueryRuns {

    private final DataSources dataSources;
    private final SavedQueries savedQueries;
    private final CachedResults cachedResults;
    private final JobStore jobs;
    private final JobQueue queue;
    private final RunningStatements statements;
    private final DeclaredParameters declared;
    private final ParameterBinder binder;
    private final Duration answerWithin;
    private final UserJobs userJobs;
    private final LimitsProperties limits;
    private final ApplicationEventPublisher events;
    private final Groups groups;

    QueryRuns(DataSources dataSources, SavedQueries savedQueries, CachedResults cachedResults, JobStore jobs,
              JobQueue queue, RunningStatements statements, DeclaredParameters declared, ExecutionProperties properties,
              UserJobs userJobs, LimitsProperties limits, ApplicationEventPublisher events, Groups groups) {
        this.groups = groups;
        this.events = events;
        this.dataSources = dataSources;
        this.savedQueries = savedQueries;
        this.cachedResults = cachedResults;
        this.jobs = jobs;
        this.queue = queue;
        this.statements = statements;
        this.declared = declared;
        this.binder = new ParameterBinder(Clock.systemDefaultZone());
        this.answerWithin = properties.answerWithin();
        this.userJobs = userJobs;
        this.limits = limits;
    }

    /**
     * Ad-hoc SQL. With {@code queryId} the saved query's parameter declarations apply (the editor running
     * unsaved text of a saved query); without, every value is bound as escaped text. The result becomes the saved
     * query's latest only when the run is on the query's own data source and the query is not archived (the caller,
     * who has full access to it, may then run the saved query anyway); otherwise it runs without touching the
     * query, as in Redash, where {@code query_id} only labels the run.
     *
     * @throws ApiException 404 with the message of a missing query when the caller cannot reach the query's data
     *         source, so its existence does not leak
     */
    public RunAnswer runAdHoc(SightlineUser user, long dataSourceId, String sql, Map<String, Object> parameters,
                              Long queryId, Integer maxAge) {
        return runAdHoc(user, dataSourceId, sql, parameters, UrlParameterValues.NONE, queryId, maxAge, false);
    }

    /**
     * As {@link #runAdHoc(SightlineUser, long, String, Map, Long, Integer)}; without {@code parameters} (null) the
     * values come from the URL, as in Redash, read as the saved query's declarations say when there is one.
     *
     * @param autoLimit Redash's {@code apply_auto_limit} ({@link AutoLimit})
     */
    RunAnswer runAdHoc(SightlineUser user, long dataSourceId, String sql, Map<String, Object> parameters,
                       UrlParameterValues url, Long queryId, Integer maxAge, boolean autoLimit) {
        requireExecute(user);
        if (sql == null || sql.isBlank()) {
            throw ApiException.badRequest("'query' is required: the SQL to run");
        }
        checkSize(sql);
        DataSourceAccess access = dataSources.access(dataSourceId, user);
        DataSourceInfo source = runnable(access.info());
        if (access.viewOnly()) {
            throw ApiException.forbidden("You have view-only access to data source '" + source.name()
                    + "': you may run its saved queries without text parameters, not your own SQL");
        }
        SavedQuery query = queryId == null ? null : reachableQuery(queryId, user);
        List<ParameterDeclaration> declarations = query == null ? List.of() : declared.of(query.optionsJson());
        Map<String, Object> values = checkCounts(parameters != null ? parameters : url.values(declarations));
        TrustedIdentity.Prepared identity = identity(sql, values, user, source);
        BoundQuery bound = query == null
                ? bind(() -> binder.bindUndeclared(identity.sql(), values, dialect(source)))
                : bind(() -> binder(query).bind(identity.sql(), declarations, values, dialect(source), declared.dropdowns()));
        Long latestOf = query != null && query.dataSourceId() == source.id() && !query.archived() ? query.id() : null;
        // a per-user result never becomes the query's latest, which everyone who sees the query is shown
        boolean perUser = identity.used() || source.resultsPerUser();
        return run(user, source, AutoLimit.apply(identity.fill(bound.sql()), autoLimit, source),
                perUser ? null : latestOf, maxAge, queryId, values, perUser);
    }

    /** A saved query with parameter values; its declarations decide what is valid. */
    public RunAnswer runSaved(SightlineUser user, long queryId, Map<String, Object> parameters, Integer maxAge) {
        return runSaved(user, queryId, parameters, UrlParameterValues.NONE, maxAge, null);
    }

    /**
     * As {@link #runSaved(SightlineUser, long, Map, Integer)}, with values from the URL too (Redash's web viewer
     * and shared links carry them there); a value in {@code parameters} wins over the URL's.
     *
     * @param autoLimit Redash's {@code apply_auto_limit} ({@link AutoLimit}); null: the query's own
     *        {@code options.apply_auto_limit}
     */
    RunAnswer runSaved(SightlineUser user, long queryId, Map<String, Object> parameters, UrlParameterValues url,
                       Integer maxAge, Boolean autoLimit) {
        requireExecute(user);
        SavedQuery query = savedQuery(queryId);
        if (!dataSources.reach(user).reaches(query.dataSourceId())) {
            throw ApiException.notFound("Query " + queryId + " does not exist"); // as if missing: nothing leaks
        }
        if (query.archived()) {
            throw ApiException.badRequest("Query " + queryId + " is archived; restore it before running it");
        }
        DataSourceAccess access = dataSources.access(query.dataSourceId(), user);
        DataSourceInfo source = runnable(access.info());
        var declarations = declared.of(query.optionsJson());
        if (access.viewOnly() && !Parameters.isSafe(declarations)) {
            throw ApiException.forbidden("You have view-only access to data source '" + source.name()
                    + "': query " + queryId + " has text parameters (it is not safe), so you may not run it");
        }
        if (access.viewOnly()) {
            savedQueries.ownerMayNotRun(queryId).ifPresent(why -> {
                throw ApiException.forbidden("You have view-only access to data source '" + source.name()
                        + "': you may run only queries written by someone with full access to it, and query "
                        + queryId + " may not run that way: " + why);
            });
        }
        if (access.viewOnly() && DeclaredParameters.rawText(query.optionsJson())) {
            throw ApiException.forbidden("You have view-only access to data source '" + source.name()
                    + "': query " + queryId + " writes its text parameters into the SQL unescaped"
                    + " (options.raw_text_parameters), so only users with full access may run it");
        }
        Map<String, Object> given = new LinkedHashMap<>(url.values(declarations));
        if (parameters != null) {
            given.putAll(parameters);
        }
        Map<String, Object> values = checkCounts(given);
        TrustedIdentity.Prepared identity = identity(query.queryText(), values, user, source);
        BoundQuery bound = bind(() -> binder(query).bind(identity.sql(), declarations, values,
                dialect(source), declared.dropdowns()));
        boolean limited = autoLimit != null ? autoLimit : AutoLimit.chosenIn(query.optionsJson());
        // the user's own result when the SQL names them or the data source is told who runs it
        boolean perUser = identity.used() || source.resultsPerUser();
        return run(user, source, AutoLimit.apply(identity.fill(bound.sql()), limited, source),
                perUser ? null : queryId, maxAge, queryId, values, perUser);
    }

    /**
     * Redash's {@code POST /api/queries/{id}/refresh}: the saved query run now, never answered from the cache, with
     * parameter values from the URL only. As in Redash it needs full access to the query's data source (view-only
     * users may run a safe query's results, not refresh it).
     *
     * @throws ApiException 404 for a query the caller cannot reach, 403 with view-only access, else as
     *         {@link #runSaved(SightlineUser, long, Map, UrlParameterValues, Integer)}
     */
    RunAnswer refreshNow(SightlineUser user, long queryId, UrlParameterValues url) {
        requireExecute(user);
        SavedQuery query = reachableQuery(queryId, user);
        if (!user.isAdmin() && !dataSources.fullAccess(query.dataSourceId(), user)) {
            throw ApiException.forbidden("You have view-only access to the data source of query " + queryId
                    + "; refreshing it needs full access");
        }
        return runSaved(user, queryId, null, url, 0, null);
    }

    /**
     * A scheduled refresh, which no user waits for: the saved query with its parameters' default values, on the
     * {@code scheduled} queue, never answered from the cache (max_age 0). An identical run in flight is joined.
     *
     * @param userId whom the run is for (the query's owner)
     * @param jobId the id to give the job, chosen by the caller so it can note it before the job can end
     * @return the job's id: {@code jobId}, or the joined run's
     * @throws ApiException 404 for a query that is gone, 400 when it is archived, its data source paused or a
     *         default parameter value invalid
     */
    public String refresh(long queryId, long userId, String jobId) {
        SavedQuery query = savedQuery(queryId);
        if (query.archived()) {
            throw ApiException.badRequest("Query " + queryId + " is archived; archived queries do not run on schedule");
        }
        DataSourceInfo source = runnable(dataSources.info(query.dataSourceId()));
        if (TrustedIdentity.uses(query.queryText())) {
            throw ApiException.badRequest("Query " + queryId + " uses {{ current_user }}: it runs only for a signed-in"
                    + " user, never on a schedule");
        }
        if (source.resultsPerUser()) {
            throw ApiException.badRequest("Query " + queryId + " is on data source '" + source.name() + "', which is"
                    + " told who runs each query (pass_identity): it runs only for a signed-in user, never on a schedule");
        }
        BoundQuery bound = bind(() -> binder(query).bind(query.queryText(), declared.of(query.optionsJson()), Map.of(),
                dialect(source), declared.dropdowns()));
        String sql = AutoLimit.apply(bound.sql(), AutoLimit.chosenIn(query.optionsJson()), source);
        checkSize(sql);
        String hash = SqlHash.of(sql);
        var joined = jobs.createOrJoin(source.id(), hash, userId, () -> Jobs.queued(jobId, source.id(), hash));
        audit(source, sql, queryId, Map.of(), false, joined.created() ? "queued" : "joined", joined.job().id(),
                null, userId);
        if (joined.created()) {
            submit(joined.job(), () -> queue.submitScheduled(new QueryJob(jobId, source.id(), hash, sql, queryId, userId, false)));
        }
        return joined.job().id();
    }

    /**
     * What a shared dashboard's widget shows: the saved query bound with the widget's values (its dashboard's
     * mappings and the page's {@code p_} values), run for the user who shared the dashboard, whom no one signed in
     * is asking for. A stored result of the same SQL on the same data source retrieved within {@code freshness}
     * (null: any age) answers it; else an identical run in flight is joined or a job is started. The result never
     * becomes the query's latest: what a viewer of a link picks does not change what the query's users see.
     *
     * @param values the query's parameter values by name, as common's {@code DashboardParameterValues} gives them
     * @throws BadSharedValue when a value is not valid for its parameter (the message names which)
     * @throws ApiException 404 for a query that is gone, 400 when it is archived, its data source paused or it names
     *         {@code {{ current_user }}}
     */
    public SharedRun runForShare(long queryId, long sharedBy, Map<String, Object> values, Duration freshness) {
        SavedQuery query = savedQuery(queryId);
        DataSourceInfo source = runnable(dataSources.info(query.dataSourceId()));
        Map<String, Object> checked = checkCounts(new LinkedHashMap<>(values));
        String sql = AutoLimit.apply(boundForShare(query, source, checked).sql(), AutoLimit.chosenIn(query.optionsJson()),
                source);
        String hash = SqlHash.of(sql);
        var cached = cachedResults.find(source.id(), hash, freshness);
        if (cached.isPresent()) {
            return new SharedRun(cached.get(), null);
        }
        String id = UUID.randomUUID().toString();
        var joined = jobs.createOrJoin(source.id(), hash, sharedBy, () -> Jobs.queued(id, source.id(), hash));
        audit(source, sql, queryId, checked, false, joined.created() ? "queued" : "joined", joined.job().id(),
                null, sharedBy);
        if (joined.created()) {
            submit(joined.job(), () -> queue.submit(new QueryJob(id, source.id(), hash, sql, null, sharedBy, false)));
        }
        return new SharedRun(null, joined.job().id());
    }

    /**
     * Whether a shared widget's values bind, without running anything (an embed link's locked values are checked
     * when it is made).
     *
     * @throws BadSharedValue when a value is not valid for its parameter
     */
    public void checkSharedValues(long queryId, Map<String, Object> values) {
        SavedQuery query = savedQuery(queryId);
        boundForShare(query, dataSources.info(query.dataSourceId()), checkCounts(new LinkedHashMap<>(values)));
    }

    private BoundQuery boundForShare(SavedQuery query, DataSourceInfo source, Map<String, Object> values) {
        if (query.archived()) {
            throw ApiException.badRequest("Query " + query.id() + " is archived; restore it before sharing its results");
        }
        if (TrustedIdentity.uses(query.queryText())) {
            throw ApiException.badRequest("Query " + query.id() + " uses {{ current_user }}: it runs only for a"
                    + " signed-in user, never for a shared link");
        }
        if (source.resultsPerUser()) {
            throw ApiException.badRequest("Query " + query.id() + " is on data source '" + source.name() + "', which is"
                    + " told who runs each query (pass_identity): it runs only for a signed-in user, never for a"
                    + " shared link");
        }
        BoundQuery bound;
        try {
            bound = binder(query).bind(query.queryText(), declared.of(query.optionsJson()), values, dialect(source),
                    declared.dropdowns());
        } catch (ParameterException e) {
            throw new BadSharedValue(e.getMessage());
        }
        checkSize(bound.sql());
        return bound;
    }

    /** A shared widget's run: the stored result that answers it, or else the job that will. */
    public record SharedRun(Long cachedResultId, String jobId) {
    }

    /** A value a shared page passed that its parameter does not take: the page's viewer can change it. */
    public static final class BadSharedValue extends ApiException {

        BadSharedValue(String message) {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, message);
        }
    }

    /**
     * The job, whoever asks: no access check, for the scheduler, which no user drives. Requests use
     * {@link #job(String, SightlineUser)}.
     *
     * @throws ApiException 404 when there is no such job (or it has expired)
     */
    public Job job(String id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("Job " + id + " does not exist (or has expired)"));
    }

    /**
     * The job, if the caller reaches its data source (full or view-only access; admins reach all).
     *
     * @throws ApiException 404, the same for a job the caller cannot reach as for one that does not exist
     */
    public Job job(String id, SightlineUser caller) {
        return shown(reachableJob(id, caller).job(), caller);
    }

    /** A failed job's database message is for callers with full access to its data source ({@link RunErrors}). */
    private Job shown(Job job, SightlineUser caller) {
        return !job.hasError() || caller.isAdmin() || dataSources.fullAccess(job.dataSourceId(), caller)
                ? job : RunErrors.forViewOnly(job);
    }

    /**
     * Cancels a queued job, or stops a running one's statement in the database: only for the user who started it
     * (while they still reach its data source) or an admin.
     *
     * @throws ApiException 404 as {@link #job}, 403 for someone else's job
     */
    public Job cancel(String id, SightlineUser caller) {
        JobStore.Owned owned = reachableJob(id, caller);
        Job job = owned.job();
        if (!caller.isAdmin() && !Long.valueOf(caller.id()).equals(owned.userId())) {
            throw ApiException.forbidden("Only the user who started job " + id + " or an admin may cancel it");
        }
        if (job.status().ended()) {
            return shown(job, caller);
        }
        if (!jobs.requestCancel(id)) {
            statements.stop(id, RunningStatements.StopReason.CANCELLED);
        }
        // A queued job ends here; a started one is ended by its worker once the statement stops.
        return shown(jobs.update(id, j -> j.status() == JobStatus.QUEUED
                ? Jobs.cancelled(j) : j), caller);
    }

    private RunAnswer run(SightlineUser user, DataSourceInfo source, String sql, Long queryId, Integer maxAge,
                          Long labelQueryId, Map<String, Object> values, boolean perUser) {
        checkSize(sql);
        // a run naming its user is the user's own: never served to, or joined by, anyone else
        String hash = perUser ? SqlHash.ofUsersRun(sql, user.id()) : SqlHash.of(sql);
        Duration freshness = freshness(maxAge);
        if (freshness == null || !freshness.isZero()) {
            var cached = cachedResults.find(source.id(), hash, freshness);
            if (cached.isPresent()) {
                audit(source, sql, labelQueryId, values, true, "cached", null, cached.get(), null);
                return new RunAnswer.Cached(cached.get());
            }
        }
        String id = UUID.randomUUID().toString();
        var admitted = new java.util.concurrent.atomic.AtomicBoolean();
        var joined = jobs.createOrJoin(source.id(), hash, user.id(), () -> {
            // only a new job counts (joining one in flight adds no work), and once however often the store asks
            if (admitted.compareAndSet(false, true)) {
                userJobs.admit(user.id(), id);
            }
            return Jobs.queued(id, source.id(), hash);
        });
        audit(source, sql, labelQueryId, values, false, joined.created() ? "queued" : "joined", joined.job().id(), null,
                null);
        if (joined.created()) {
            submit(joined.job(), () -> queue.submit(new QueryJob(joined.job().id(), source.id(), hash, sql, queryId, user.id(),
                    perUser)));
        }
        if (answerWithin.isZero()) {
            return new RunAnswer.Queued(shown(joined.job(), user));
        }
        Job job = jobs.awaitEnd(joined.job().id(), answerWithin);
        return job.status() == JobStatus.FINISHED
                ? new RunAnswer.Finished(job)
                : new RunAnswer.Queued(shown(job, user));
    }

    /**
     * The run in the audit log, as the request made it: the final SQL, the parameter values, whether the cache
     * answered; its end (outcome, duration, rows) follows as {@code query_run_end} with the same job id.
     */
    private void audit(DataSourceInfo source, String sql, Long queryId, Map<String, Object> values, boolean cacheHit,
                       String outcome, String jobId, Long queryResultId, Long scheduledFor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("query_id", queryId);
        details.put("query", sql);
        details.put("parameters", values);
        details.put("cache_hit", cacheHit);
        details.put("outcome", outcome);
        details.put("job_id", jobId);
        details.put("query_result_id", queryResultId);
        if (scheduledFor != null) {
            details.put("scheduled_for_user_id", scheduledFor);
        }
        events.publishEvent(Audited.of("execute_query", "data_source", source.id(), details));
    }

    private TrustedIdentity.Prepared identity(String sql, Map<String, Object> values, SightlineUser user,
                                              DataSourceInfo source) {
        return TrustedIdentity.prepare(sql, values, user, dialect(source), () -> groups.names(user.groupIds()));
    }

    /** null: any cached result; zero: never; else: retrieved within that long. */
    static Duration freshness(Integer maxAge) {
        if (maxAge == null || maxAge == -1) {
            return null;
        }
        if (maxAge < -1) {
            throw ApiException.badRequest("max_age must be -1 (any cached result), 0 (always run) or seconds, was " + maxAge);
        }
        return Duration.ofSeconds(maxAge);
    }

    /** Escaping binder, or the raw-text one for a query that opted in (its runners have full access). */
    private ParameterBinder binder(SavedQuery query) {
        return DeclaredParameters.rawText(query.optionsJson()) ? binder.withRawText() : binder;
    }

    private static DataSourceInfo runnable(DataSourceInfo source) {
        if (source.paused()) {
            throw ApiException.badRequest("Data source '" + source.name() + "' is paused"
                    + (source.pauseReason() == null ? "" : ": " + source.pauseReason()));
        }
        return source;
    }

    private JobStore.Owned reachableJob(String id, SightlineUser caller) {
        return jobs.findOwned(id).filter(owned -> dataSources.reaches(owned.job().dataSourceId(), caller))
                .orElseThrow(() -> ApiException.notFound("Job " + id + " does not exist (or has expired)"));
    }

    /** A query on a data source the caller cannot reach is answered as if it did not exist. */
    private SavedQuery reachableQuery(long queryId, SightlineUser caller) {
        return savedQueries.find(queryId).filter(query -> dataSources.reaches(query.dataSourceId(), caller))
                .orElseThrow(() -> ApiException.notFound("Query " + queryId + " does not exist"));
    }

    private SavedQuery savedQuery(long queryId) {
        return savedQueries.find(queryId)
                .orElseThrow(() -> ApiException.notFound("Query " + queryId + " does not exist"));
    }

    private static SqlDialect dialect(DataSourceInfo source) {
        return source.dialect();
    }

    private static BoundQuery bind(java.util.function.Supplier<BoundQuery> binding) {
        try {
            return binding.get();
        } catch (ParameterException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static void requireExecute(SightlineUser user) {
        if (!user.has("execute_query")) {
            throw ApiException.forbidden("You are not allowed to run queries (permission execute_query)");
        }
    }

    /**
     * A job the queue refuses (full) must not stay queued: identical runs would join it and wait for nothing. It
     * ends as failed with the queue's answer, which the caller gets too.
     */
    private void submit(Job job, Runnable submission) {
        try {
            submission.run();
        } catch (ApiException e) {
            jobs.update(job.id(), j -> Jobs.failed(j, e.getMessage()));
            throw e;
        }
    }

    private void checkSize(String sql) {
        if (sql.length() > limits.maxQueryChars()) {
            throw ApiException.tooLarge("Query text is " + LimitsProperties.count(sql.length())
                    + " characters; the limit is " + LimitsProperties.count(limits.maxQueryChars())
                    + " (sightline.limits.max-query-chars, SIGHTLINE_MAX_QUERY_SIZE)");
        }
    }

    /** How many parameter values a run passes, and how many items a multi-value one has. */
    private Map<String, Object> checkCounts(Map<String, Object> parameters) {
        if (parameters == null) {
            return Map.of();
        }
        if (parameters.size() > limits.maxParameters()) {
            throw ApiException.badRequest("The run passes " + LimitsProperties.count(parameters.size())
                    + " parameters; the limit is " + LimitsProperties.count(limits.maxParameters())
                    + " (sightline.limits.max-parameters, SIGHTLINE_MAX_PARAMETERS)");
        }
        parameters.forEach((name, value) -> {
            if (value instanceof java.util.Collection<?> items && items.size() > limits.maxOptions()) {
                throw ApiException.badRequest("Parameter '" + name + "' has " + LimitsProperties.count(items.size())
                        + " values; the limit is " + LimitsProperties.count(limits.maxOptions())
                        + " (sightline.limits.max-options, SIGHTLINE_MAX_PARAMETER_OPTIONS)");
            }
        });
        return parameters;
    }
}

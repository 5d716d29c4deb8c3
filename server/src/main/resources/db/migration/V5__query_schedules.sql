-- Schedules (Redash semantics). The queries table keeps what users see, as Redash does: how many scheduled
-- refreshes failed in a row and the last error; a success resets both. Never used to disable a schedule.
ALTER TABLE queries ADD COLUMN schedule_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE queries ADD COLUMN schedule_last_error VARCHAR;

-- The scheduler's own state, one row per scheduled query. Scheduler replicas claim a due run with
-- "UPDATE ... WHERE query_id = ? AND generation = ?": only one of them changes the row, so each slot runs once.
CREATE TABLE query_schedules (
    query_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES queries (id) ON DELETE CASCADE,
    schedule    VARCHAR      NOT NULL,   -- the schedule JSON next_run_at was computed from; a change recomputes it
    generation  BIGINT       NOT NULL,   -- bumped by every change: the claim's optimistic lock
    next_run_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_at TIMESTAMP WITH TIME ZONE,
    job_id      VARCHAR(64),             -- the last scheduled run still waiting for its outcome, else NULL
    claimed_by  VARCHAR(255)             -- the scheduler process that enqueued the last run (for operators)
);

CREATE INDEX query_schedules_job_idx ON query_schedules (job_id);

-- The job whose run produced a result, set when the result completes. Unique, so that a job run again by a
-- second worker (the first was killed after storing its result but before ending the job) cannot store a
-- second result: the second worker finds the first one and ends the job with it. Older results have none.
ALTER TABLE query_results ADD COLUMN job_id VARCHAR(64);

CREATE UNIQUE INDEX query_results_job ON query_results (job_id);

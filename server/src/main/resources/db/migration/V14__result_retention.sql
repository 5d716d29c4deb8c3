-- The retention pass looks for complete results retrieved before a cut-off (SIGHTLINE_RESULT_RETENTION).
CREATE INDEX query_results_retrieved_idx ON query_results (retrieved_at);

-- Portable SQL: runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- The user a result belongs to when it is that user's own run ({{ current_user.* }} in the SQL, or a data source
-- told who runs each query): only they may read it, by any path. NULL for everyone's results. Said here rather than
-- inferred from the result's cache key, so that access does not depend on how that key is made.
ALTER TABLE query_results ADD COLUMN owner_id BIGINT;

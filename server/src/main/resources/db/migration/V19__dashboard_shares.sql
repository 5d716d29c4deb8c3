-- Public links of dashboards (Redash's api_keys rows for a Dashboard object): the token is the link's secret.
-- A revoked link keeps its row, inactive, so the refusal is the same as for an unknown token.
-- Portable SQL: H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE dashboard_shares (
    token        VARCHAR(64) PRIMARY KEY,
    dashboard_id BIGINT  NOT NULL REFERENCES dashboards (id) ON DELETE CASCADE,
    created_by   BIGINT  NOT NULL,
    active       BOOLEAN NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX dashboard_shares_dashboard_idx ON dashboard_shares (dashboard_id);

-- Redash gives the default group full access to every data source. Data sources created before access was
-- granted on creation (or added to the database by hand) get that access now; existing grants stay as they are.
INSERT INTO data_source_groups (data_source_id, group_id, view_only)
SELECT ds.id, g.id, FALSE FROM data_sources ds, groups g
WHERE g.name = 'default'
  AND NOT EXISTS (SELECT 1 FROM data_source_groups dsg WHERE dsg.data_source_id = ds.id AND dsg.group_id = g.id);

CREATE INDEX data_source_groups_group ON data_source_groups (group_id);
CREATE INDEX user_groups_group ON user_groups (group_id);

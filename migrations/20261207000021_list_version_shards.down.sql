CREATE OR REPLACE FUNCTION bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = TG_TABLE_NAME;
    RETURN NULL;
END $$;

UPDATE list_versions AS kept SET version = totals.version
FROM (SELECT name, sum(version)::bigint AS version FROM list_versions GROUP BY name) AS totals
WHERE kept.name = totals.name AND kept.shard = 0;
DELETE FROM list_versions WHERE shard <> 0;
ALTER TABLE list_versions DROP CONSTRAINT list_versions_pkey;
ALTER TABLE list_versions ADD PRIMARY KEY (name);
ALTER TABLE list_versions DROP COLUMN shard;

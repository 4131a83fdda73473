-- The list versions of 20261207000020 kept one counter row per table, so every writer of
-- people (or projects) queued on that row's lock from its statement to its commit, and
-- concurrent saves ran one after another. Each table now has 16 counter rows, and a
-- writer moves the one its session's process id picks: two sessions rarely share one.
-- A list's version is still the sum over its rows (listing::stamp), which only grows
-- and is read in the same snapshot as the rows it describes.
ALTER TABLE list_versions ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE list_versions DROP CONSTRAINT list_versions_pkey;
ALTER TABLE list_versions ADD PRIMARY KEY (name, shard);
INSERT INTO list_versions (name, shard)
SELECT tables.name, shards.shard
FROM (SELECT DISTINCT name FROM list_versions) AS tables,
     generate_series(1, 15) AS shards (shard);

CREATE OR REPLACE FUNCTION bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_versions SET version = version + 1
    WHERE name = TG_TABLE_NAME AND shard = pg_backend_pid() % 16;
    RETURN NULL;
END $$;

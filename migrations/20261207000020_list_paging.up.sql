-- Lists and the planning grid page what they show instead of reading the company.
--
-- Orders: each list order has an index in the same order (name, then id as the tie), so
-- a page is an index range read with LIMIT rather than a sort of every row.
DROP INDEX people_name;
CREATE INDEX people_name ON people (lower(name), id);
-- The planning grid pages the active people by name.
CREATE INDEX people_active_name ON people (lower(name), id) WHERE is_active;
CREATE INDEX people_capacity ON people (weekly_capacity, lower(name), id);
CREATE INDEX people_created ON people (created_at, id);
CREATE INDEX projects_name ON projects (lower(name), id);
CREATE INDEX projects_client_name ON projects (lower(client), lower(name), id);
CREATE INDEX projects_created ON projects (created_at, id);

-- Search ("anywhere in the name") is LIKE '%text%': trigram indexes answer it without
-- reading every row. pg_trgm is a trusted extension (the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX people_name_trgm ON people USING gin (lower(name) gin_trgm_ops);
CREATE INDEX people_email_trgm ON people USING gin (lower(coalesce(email, '')) gin_trgm_ops);
CREATE INDEX projects_name_trgm ON projects USING gin (lower(name) gin_trgm_ops);
CREATE INDEX projects_number_trgm ON projects USING gin (lower(coalesce(project_number, '')) gin_trgm_ops);
CREATE INDEX projects_client_trgm ON projects USING gin (lower(client) gin_trgm_ops);

-- Counts: a list's total is counted once per change of the tables it reads and kept by
-- the api until the next change. Each statement that writes one of these tables moves
-- its version (after the statement, in the writer's transaction, so a reader sees the
-- new version together with the rows).
CREATE TABLE list_versions (
    name text PRIMARY KEY,
    version bigint NOT NULL DEFAULT 0
);
INSERT INTO list_versions (name) VALUES ('people'), ('projects'), ('departments');

CREATE FUNCTION bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = TG_TABLE_NAME;
    RETURN NULL;
END $$;

CREATE TRIGGER people_list_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
    FOR EACH STATEMENT EXECUTE FUNCTION bump_list_version();
CREATE TRIGGER projects_list_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION bump_list_version();
CREATE TRIGGER departments_list_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_list_version();

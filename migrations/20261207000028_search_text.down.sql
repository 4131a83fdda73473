ALTER TABLE people DROP COLUMN search_text;
ALTER TABLE projects DROP COLUMN search_text;
CREATE INDEX people_email_trgm ON people USING gin (lower(coalesce(email, '')) gin_trgm_ops)
    WITH (fastupdate = on, gin_pending_list_limit = 256);
CREATE INDEX projects_name_trgm ON projects USING gin (lower(name) gin_trgm_ops)
    WITH (fastupdate = on, gin_pending_list_limit = 256);
CREATE INDEX projects_number_trgm ON projects USING gin (lower(coalesce(project_number, '')) gin_trgm_ops)
    WITH (fastupdate = on, gin_pending_list_limit = 256);
CREATE INDEX projects_client_trgm ON projects USING gin (lower(client) gin_trgm_ops)
    WITH (fastupdate = on, gin_pending_list_limit = 256);

ALTER TABLE jobs DROP CONSTRAINT IF EXISTS jobs_requested_by_fkey;
DROP TABLE IF EXISTS audit_events;
DROP TABLE IF EXISTS password_reset_tokens;
DROP TABLE IF EXISTS refresh_tokens;
DROP TABLE IF EXISTS refresh_families;
DROP TABLE IF EXISTS users;

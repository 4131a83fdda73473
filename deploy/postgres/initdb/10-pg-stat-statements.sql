-- Runs once, when the PostgreSQL container initialises an empty data volume, in
-- POSTGRES_DB: the per-statement statistics the production file loads
-- (shared_preload_libraries), queryable as the pg_stat_statements view.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

-- The trigram search indexes take new entries into a small pending list again, capped at
-- 256 kB. Without one (migration 22), each person or project written paid for its
-- trigrams in the index trees one by one: an import's statement of 5,000 people took
-- 550 ms instead of 190 ms, and a 100,000-row import 12 s. The cap keeps what made the
-- pending list slow before (the default 4 MB of entries tested again by every search
-- until the next vacuum, and counted into the index's cost): with 100,000 people and a
-- full list, a search still reads the trigram indexes in about 0.2 ms.
ALTER INDEX people_name_trgm SET (fastupdate = on, gin_pending_list_limit = 256);
ALTER INDEX people_email_trgm SET (fastupdate = on, gin_pending_list_limit = 256);
ALTER INDEX projects_name_trgm SET (fastupdate = on, gin_pending_list_limit = 256);
ALTER INDEX projects_number_trgm SET (fastupdate = on, gin_pending_list_limit = 256);
ALTER INDEX projects_client_trgm SET (fastupdate = on, gin_pending_list_limit = 256);

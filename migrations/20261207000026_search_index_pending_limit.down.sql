ALTER INDEX people_name_trgm SET (fastupdate = off);
ALTER INDEX people_email_trgm SET (fastupdate = off);
ALTER INDEX projects_name_trgm SET (fastupdate = off);
ALTER INDEX projects_number_trgm SET (fastupdate = off);
ALTER INDEX projects_client_trgm SET (fastupdate = off);
ALTER INDEX people_name_trgm RESET (gin_pending_list_limit);
ALTER INDEX people_email_trgm RESET (gin_pending_list_limit);
ALTER INDEX projects_name_trgm RESET (gin_pending_list_limit);
ALTER INDEX projects_number_trgm RESET (gin_pending_list_limit);
ALTER INDEX projects_client_trgm RESET (gin_pending_list_limit);
SELECT gin_clean_pending_list(index)
FROM unnest(ARRAY['people_name_trgm', 'people_email_trgm', 'projects_name_trgm',
                  'projects_number_trgm', 'projects_client_trgm']::regclass[]) AS index;

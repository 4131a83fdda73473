ALTER INDEX people_name_trgm RESET (fastupdate);
ALTER INDEX people_email_trgm RESET (fastupdate);
ALTER INDEX projects_name_trgm RESET (fastupdate);
ALTER INDEX projects_number_trgm RESET (fastupdate);
ALTER INDEX projects_client_trgm RESET (fastupdate);

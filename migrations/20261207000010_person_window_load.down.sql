DROP FUNCTION person_window_load(date, date, text[], bigint, boolean);

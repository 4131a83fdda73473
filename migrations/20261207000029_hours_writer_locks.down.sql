DROP FUNCTION lock_load_rows(bigint[]);

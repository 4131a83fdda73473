DROP VIEW weekly_hours_normalization;
DROP VIEW duplicate_assignments;
DROP TABLE reallocations;
DROP TABLE reallocation_order;

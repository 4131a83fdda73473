DROP FUNCTION IF EXISTS staffed_from_department(bigint, boolean);
DROP FUNCTION IF EXISTS department_scope(bigint, boolean);
DROP INDEX assignment_weeks_week;
ALTER TABLE assignment_weeks DROP CONSTRAINT assignment_weeks_centihours_range;
ALTER TABLE assignment_weeks RENAME COLUMN centihours TO hours;
ALTER TABLE assignment_weeks ALTER COLUMN hours TYPE numeric USING hours / 100.0;
ALTER TABLE assignment_weeks
    ADD CONSTRAINT assignment_weeks_hours_range CHECK (hours > 0 AND hours <= 168),
    ADD CONSTRAINT assignment_weeks_hours_precision CHECK (hours = round(hours, 2));
CREATE INDEX assignment_weeks_week ON assignment_weeks (week) INCLUDE (assignment_id, hours);

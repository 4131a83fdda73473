-- Weekly hours become whole hundredths of an hour (integer), so the grid and dashboard
-- sums run on machine integers instead of arbitrary-precision numeric: the 12-week grid
-- at 5,000 people spent most of its time in numeric addition. The API still speaks
-- hours with up to two decimals; the store converts at the edge.
DROP INDEX assignment_weeks_week;
ALTER TABLE assignment_weeks
    DROP CONSTRAINT assignment_weeks_hours_range,
    DROP CONSTRAINT assignment_weeks_hours_precision;
ALTER TABLE assignment_weeks ALTER COLUMN hours TYPE integer USING (hours * 100)::integer;
ALTER TABLE assignment_weeks RENAME COLUMN hours TO centihours;
ALTER TABLE assignment_weeks
    ADD CONSTRAINT assignment_weeks_centihours_range CHECK (centihours > 0 AND centihours <= 16800);
CREATE INDEX assignment_weeks_week ON assignment_weeks (week) INCLUDE (assignment_id, centihours);

-- A department and, when asked, every department below it: the one definition of
-- "in this department" that people lists, grids, project filters and candidate searches
-- share. A NULL root yields nothing; callers treat "no department" as "everyone".
CREATE FUNCTION department_scope(root bigint, include_children boolean)
RETURNS SETOF bigint LANGUAGE sql STABLE AS $$
    WITH RECURSIVE tree AS (
        SELECT id, 1 AS depth FROM departments WHERE id = root
        UNION ALL
        SELECT d.id, t.depth + 1 FROM departments d JOIN tree t ON d.parent_id = t.id
        WHERE include_children AND t.depth < 11
    )
    SELECT id FROM tree
$$;

-- Projects with an active assignment of an active person in a department's scope: what
-- "this department's projects" means for project lists and the project grid.
CREATE FUNCTION staffed_from_department(root bigint, include_children boolean)
RETURNS SETOF bigint LANGUAGE sql STABLE AS $$
    SELECT DISTINCT a.project_id
    FROM assignments a JOIN people p ON p.id = a.person_id AND p.is_active
    WHERE a.is_active AND p.department_id IN (SELECT department_scope(root, include_children))
$$;

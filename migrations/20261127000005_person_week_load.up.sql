-- Each person's planned hundredths of an hour per week, split by project status: the
-- sums the planning grid and the candidate search read. Triggers keep it in step with
-- the plan inside the same transaction as every change, so a read is one index range
-- scan instead of joining every week row to its assignment and project (at 5,000 people
-- the 12-week grid's totals went from about 150 ms to about 20 ms in the database).
--
-- It counts active assignments on active projects. Whether the person is active is left
-- to readers, so deactivating someone keeps their plan and just stops it being shown.
-- Statuses are a closed set (projects_status_check), so each has its own column: a
-- reader picks any subset by adding columns instead of grouping rows.
CREATE TABLE person_week_load (
    person_id bigint  NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    week      date    NOT NULL,
    planning  integer NOT NULL DEFAULT 0,
    active    integer NOT NULL DEFAULT 0,
    active_ca integer NOT NULL DEFAULT 0,
    on_hold   integer NOT NULL DEFAULT 0,
    completed integer NOT NULL DEFAULT 0,
    cancelled integer NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, week)
);
CREATE INDEX person_week_load_week ON person_week_load (week)
    INCLUDE (person_id, planning, active, active_ca, on_hold, completed, cancelled);

-- The hours of a load row on projects in `statuses` (empty: every status). A plain SQL
-- expression, so the planner inlines it into the reading query.
CREATE FUNCTION load_in_statuses(l person_week_load, statuses text[])
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE WHEN cardinality(statuses) = 0 OR 'planning'  = ANY (statuses) THEN l.planning  ELSE 0 END)::bigint
         + (CASE WHEN cardinality(statuses) = 0 OR 'active'    = ANY (statuses) THEN l.active    ELSE 0 END)
         + (CASE WHEN cardinality(statuses) = 0 OR 'active_ca' = ANY (statuses) THEN l.active_ca ELSE 0 END)
         + (CASE WHEN cardinality(statuses) = 0 OR 'on_hold'   = ANY (statuses) THEN l.on_hold   ELSE 0 END)
         + (CASE WHEN cardinality(statuses) = 0 OR 'completed' = ANY (statuses) THEN l.completed ELSE 0 END)
         + (CASE WHEN cardinality(statuses) = 0 OR 'cancelled' = ANY (statuses) THEN l.cancelled ELSE 0 END)
$$;

-- One change to the load: add `centihours` (negative to take away) to a person's week
-- under a project status.
CREATE TYPE load_change AS (person_id bigint, week date, status text, centihours bigint);

-- Applies changes as additions, so concurrent transactions touching the same person and
-- week serialise on that row instead of overwriting each other's sums; rows are locked
-- in key order to keep two large changes from deadlocking. Rows left at zero go.
CREATE FUNCTION apply_load_changes(changes load_change[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO person_week_load AS l
        (person_id, week, planning, active, active_ca, on_hold, completed, cancelled)
    SELECT c.person_id, c.week,
           coalesce(sum(c.centihours) FILTER (WHERE c.status = 'planning'), 0),
           coalesce(sum(c.centihours) FILTER (WHERE c.status = 'active'), 0),
           coalesce(sum(c.centihours) FILTER (WHERE c.status = 'active_ca'), 0),
           coalesce(sum(c.centihours) FILTER (WHERE c.status = 'on_hold'), 0),
           coalesce(sum(c.centihours) FILTER (WHERE c.status = 'completed'), 0),
           coalesce(sum(c.centihours) FILTER (WHERE c.status = 'cancelled'), 0)
    FROM unnest(changes) AS c
    GROUP BY c.person_id, c.week
    ORDER BY c.person_id, c.week
    ON CONFLICT (person_id, week) DO UPDATE SET
        planning  = l.planning  + EXCLUDED.planning,
        active    = l.active    + EXCLUDED.active,
        active_ca = l.active_ca + EXCLUDED.active_ca,
        on_hold   = l.on_hold   + EXCLUDED.on_hold,
        completed = l.completed + EXCLUDED.completed,
        cancelled = l.cancelled + EXCLUDED.cancelled;
    DELETE FROM person_week_load l
    USING (SELECT DISTINCT person_id, week FROM unnest(changes)) AS c
    WHERE l.person_id = c.person_id AND l.week = c.week
      AND l.planning = 0 AND l.active = 0 AND l.active_ca = 0
      AND l.on_hold = 0 AND l.completed = 0 AND l.cancelled = 0;
$$;

-- Week rows added, changed or removed: their hours move in or out of the load when their
-- assignment and project count. A week removed because its assignment was deleted finds
-- no assignment here; the assignment's own trigger took those hours out beforehand.
CREATE FUNCTION assignment_weeks_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM apply_load_changes(array_agg(ROW(a.person_id, o.week, pr.status, -o.centihours)::load_change))
        FROM old_weeks o
        JOIN assignments a ON a.id = o.assignment_id AND a.is_active
        JOIN projects pr ON pr.id = a.project_id AND pr.is_active;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM apply_load_changes(array_agg(ROW(a.person_id, n.week, pr.status, n.centihours)::load_change))
        FROM new_weeks n
        JOIN assignments a ON a.id = n.assignment_id AND a.is_active
        JOIN projects pr ON pr.id = a.project_id AND pr.is_active;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER assignment_weeks_load_insert AFTER INSERT ON assignment_weeks
    REFERENCING NEW TABLE AS new_weeks
    FOR EACH STATEMENT EXECUTE FUNCTION assignment_weeks_track_load();
CREATE TRIGGER assignment_weeks_load_update AFTER UPDATE ON assignment_weeks
    REFERENCING OLD TABLE AS old_weeks NEW TABLE AS new_weeks
    FOR EACH STATEMENT EXECUTE FUNCTION assignment_weeks_track_load();
CREATE TRIGGER assignment_weeks_load_delete AFTER DELETE ON assignment_weeks
    REFERENCING OLD TABLE AS old_weeks
    FOR EACH STATEMENT EXECUTE FUNCTION assignment_weeks_track_load();

-- An assignment that starts or stops counting (activated, deactivated, moved to another
-- person or project) moves all its weeks' hours. Every hours edit bumps the assignment's
-- version too; those rows change nothing that counts and are skipped.
CREATE FUNCTION assignments_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM apply_load_changes(array_agg(c))
    FROM (
        SELECT ROW(o.person_id, w.week, pr.status, -w.centihours)::load_change AS c
        FROM old_assignments o
        JOIN new_assignments n ON n.id = o.id
        JOIN projects pr ON pr.id = o.project_id AND pr.is_active
        JOIN assignment_weeks w ON w.assignment_id = o.id
        WHERE o.is_active
          AND (o.is_active, o.person_id, o.project_id) IS DISTINCT FROM (n.is_active, n.person_id, n.project_id)
        UNION ALL
        SELECT ROW(n.person_id, w.week, pr.status, w.centihours)::load_change
        FROM new_assignments n
        JOIN old_assignments o ON o.id = n.id
        JOIN projects pr ON pr.id = n.project_id AND pr.is_active
        JOIN assignment_weeks w ON w.assignment_id = n.id
        WHERE n.is_active
          AND (o.is_active, o.person_id, o.project_id) IS DISTINCT FROM (n.is_active, n.person_id, n.project_id)
    ) AS moved;
    RETURN NULL;
END
$$;
CREATE TRIGGER assignments_load_update AFTER UPDATE ON assignments
    REFERENCING OLD TABLE AS old_assignments NEW TABLE AS new_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION assignments_track_load();

-- A deleted assignment's weeks go by cascade after it is gone, when they can no longer
-- be traced to a person; so its hours leave the load before the row does.
CREATE FUNCTION assignments_release_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.is_active THEN
        PERFORM apply_load_changes(array_agg(ROW(OLD.person_id, w.week, pr.status, -w.centihours)::load_change))
        FROM assignment_weeks w
        JOIN projects pr ON pr.id = OLD.project_id AND pr.is_active
        WHERE w.assignment_id = OLD.id;
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER assignments_load_delete BEFORE DELETE ON assignments
    FOR EACH ROW EXECUTE FUNCTION assignments_release_load();

-- A project changing status moves its hours between status columns; deactivating or
-- reactivating it takes them out or puts them back.
CREATE FUNCTION projects_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM apply_load_changes(array_agg(c))
    FROM (
        SELECT ROW(a.person_id, w.week, o.status, -w.centihours)::load_change AS c
        FROM old_projects o
        JOIN new_projects n ON n.id = o.id
        JOIN assignments a ON a.project_id = o.id AND a.is_active
        JOIN assignment_weeks w ON w.assignment_id = a.id
        WHERE o.is_active AND (o.is_active, o.status) IS DISTINCT FROM (n.is_active, n.status)
        UNION ALL
        SELECT ROW(a.person_id, w.week, n.status, w.centihours)::load_change
        FROM new_projects n
        JOIN old_projects o ON o.id = n.id
        JOIN assignments a ON a.project_id = n.id AND a.is_active
        JOIN assignment_weeks w ON w.assignment_id = a.id
        WHERE n.is_active AND (o.is_active, o.status) IS DISTINCT FROM (n.is_active, n.status)
    ) AS moved;
    RETURN NULL;
END
$$;
CREATE TRIGGER projects_load_update AFTER UPDATE ON projects
    REFERENCING OLD TABLE AS old_projects NEW TABLE AS new_projects
    FOR EACH STATEMENT EXECUTE FUNCTION projects_track_load();

-- The plan as it stands when this migration runs.
SELECT apply_load_changes(array_agg(ROW(a.person_id, w.week, pr.status, w.centihours)::load_change))
FROM assignment_weeks w
JOIN assignments a ON a.id = w.assignment_id AND a.is_active
JOIN projects pr ON pr.id = a.project_id AND pr.is_active;

-- The plan's weekly sums, kept by triggers inside the same transaction as every change,
-- so the grids read a range of small rows instead of joining every week row to its
-- assignment, project and person (at 5,000 people the 12-week grid's totals went from
-- about 150 ms to about 20 ms in the database).
--
-- person_week_load: each person's hours per week, split by project status, counting
-- active assignments on active projects. Whether the person is active is left to
-- readers, so deactivating someone keeps their plan and just stops it being shown.
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

-- project_week_load: each project's hours per week from active assignments of active
-- people; which projects are shown (status, active) is left to readers.
CREATE TABLE project_week_load (
    project_id bigint  NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    week       date    NOT NULL,
    centihours integer NOT NULL,
    PRIMARY KEY (project_id, week)
);

-- The hours of a person's load row on projects in `statuses` (empty: every status). A
-- plain SQL expression, so the planner inlines it into the reading query.
CREATE FUNCTION load_in_statuses(l person_week_load, statuses text[])
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE WHEN cardinality(statuses) = 0 OR 'planning'  = ANY (statuses) THEN l.planning  ELSE 0 END)::bigint
         + (CASE WHEN cardinality(statuses) = 0 OR 'active'    = ANY (statuses) THEN l.active    ELSE 0 END)
         + (CASE WHEN cardinality(statuses) = 0 OR 'active_ca' = ANY (statuses) THEN l.active_ca ELSE 0 END)
         + (CASE WHEN cardinality(statuses) = 0 OR 'on_hold'   = ANY (statuses) THEN l.on_hold   ELSE 0 END)
         + (CASE WHEN cardinality(statuses) = 0 OR 'completed' = ANY (statuses) THEN l.completed ELSE 0 END)
         + (CASE WHEN cardinality(statuses) = 0 OR 'cancelled' = ANY (statuses) THEN l.cancelled ELSE 0 END)
$$;

-- One week's hours of one assignment entering (positive) or leaving (negative) the sums,
-- with whether they count for the person's load and for the project's.
CREATE TYPE load_change AS (
    person_id   bigint,
    project_id  bigint,
    week        date,
    status      text,
    centihours  bigint,
    for_person  boolean,
    for_project boolean
);

-- An assignment's weeks as changes, signed, judged by the given state of the assignment,
-- its project and its person (the triggers pass old or new rows as the case needs).
CREATE FUNCTION load_changes(
    assignment_id bigint, person_id bigint, project_id bigint, status text, sign integer,
    assignment_active boolean, project_active boolean, person_active boolean
) RETURNS SETOF load_change LANGUAGE sql STABLE AS $$
    SELECT person_id, project_id, w.week, status, sign * w.centihours::bigint,
           assignment_active AND project_active, assignment_active AND person_active
    FROM assignment_weeks w
    WHERE w.assignment_id = load_changes.assignment_id
      AND assignment_active AND (project_active OR person_active)
$$;

-- Applies changes as additions, so concurrent transactions touching the same row
-- serialise on it instead of overwriting each other's sums; rows are taken in key order
-- so two large changes do not deadlock on each other. Rows left at zero go.
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
    WHERE c.for_person
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
    USING (SELECT DISTINCT person_id, week FROM unnest(changes) WHERE for_person) AS c
    WHERE l.person_id = c.person_id AND l.week = c.week
      AND l.planning = 0 AND l.active = 0 AND l.active_ca = 0
      AND l.on_hold = 0 AND l.completed = 0 AND l.cancelled = 0;
    INSERT INTO project_week_load AS l (project_id, week, centihours)
    SELECT c.project_id, c.week, sum(c.centihours)
    FROM unnest(changes) AS c
    WHERE c.for_project
    GROUP BY c.project_id, c.week
    ORDER BY c.project_id, c.week
    ON CONFLICT (project_id, week) DO UPDATE SET centihours = l.centihours + EXCLUDED.centihours;
    DELETE FROM project_week_load l
    USING (SELECT DISTINCT project_id, week FROM unnest(changes) WHERE for_project) AS c
    WHERE l.project_id = c.project_id AND l.week = c.week AND l.centihours = 0;
$$;

-- Week rows added, changed or removed. A week removed because its assignment was
-- deleted finds no assignment here; the assignment's own trigger took it out beforehand.
CREATE FUNCTION assignment_weeks_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM apply_load_changes(array_agg(ROW(a.person_id, a.project_id, o.week, pr.status,
                    -o.centihours, a.is_active AND pr.is_active, a.is_active AND p.is_active)::load_change))
        FROM old_weeks o
        JOIN assignments a ON a.id = o.assignment_id AND a.is_active
        JOIN projects pr ON pr.id = a.project_id
        JOIN people p ON p.id = a.person_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM apply_load_changes(array_agg(ROW(a.person_id, a.project_id, n.week, pr.status,
                    n.centihours, a.is_active AND pr.is_active, a.is_active AND p.is_active)::load_change))
        FROM new_weeks n
        JOIN assignments a ON a.id = n.assignment_id AND a.is_active
        JOIN projects pr ON pr.id = a.project_id
        JOIN people p ON p.id = a.person_id;
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

-- An assignment activated, deactivated or moved to another person or project moves all
-- its weeks. Every hours edit bumps the assignment's version too; those rows change
-- nothing that counts and are skipped.
CREATE FUNCTION assignments_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM apply_load_changes(array_agg(c::load_change))
    FROM old_assignments o
    JOIN new_assignments n ON n.id = o.id
    JOIN projects old_pr ON old_pr.id = o.project_id
    JOIN people old_p ON old_p.id = o.person_id
    JOIN projects new_pr ON new_pr.id = n.project_id
    JOIN people new_p ON new_p.id = n.person_id
    CROSS JOIN LATERAL (
        SELECT * FROM load_changes(o.id, o.person_id, o.project_id, old_pr.status, -1,
                                   o.is_active, old_pr.is_active, old_p.is_active)
        UNION ALL
        SELECT * FROM load_changes(n.id, n.person_id, n.project_id, new_pr.status, 1,
                                   n.is_active, new_pr.is_active, new_p.is_active)
    ) AS c
    WHERE (o.is_active, o.person_id, o.project_id) IS DISTINCT FROM (n.is_active, n.person_id, n.project_id);
    RETURN NULL;
END
$$;
CREATE TRIGGER assignments_load_update AFTER UPDATE ON assignments
    REFERENCING OLD TABLE AS old_assignments NEW TABLE AS new_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION assignments_track_load();

-- A deleted assignment's weeks go by cascade after it is gone, when they can no longer
-- be traced to a person or project; so its hours leave the sums before the row does.
CREATE FUNCTION assignments_release_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM apply_load_changes(array_agg(c::load_change))
    FROM projects pr
    JOIN people p ON p.id = OLD.person_id
    CROSS JOIN LATERAL load_changes(OLD.id, OLD.person_id, OLD.project_id, pr.status, -1,
                                    OLD.is_active, pr.is_active, p.is_active) AS c
    WHERE pr.id = OLD.project_id;
    RETURN OLD;
END
$$;
CREATE TRIGGER assignments_load_delete BEFORE DELETE ON assignments
    FOR EACH ROW EXECUTE FUNCTION assignments_release_load();

-- A project changing status moves its hours between its people's status columns;
-- deactivating or reactivating it takes them out of their loads or puts them back.
CREATE FUNCTION projects_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM apply_load_changes(array_agg(c::load_change))
    FROM old_projects o
    JOIN new_projects n ON n.id = o.id
    JOIN assignments a ON a.project_id = o.id AND a.is_active
    CROSS JOIN LATERAL (
        SELECT * FROM load_changes(a.id, a.person_id, a.project_id, o.status, -1, true, o.is_active, false)
        UNION ALL
        SELECT * FROM load_changes(a.id, a.person_id, a.project_id, n.status, 1, true, n.is_active, false)
    ) AS c
    WHERE (o.is_active, o.status) IS DISTINCT FROM (n.is_active, n.status);
    RETURN NULL;
END
$$;
CREATE TRIGGER projects_load_update AFTER UPDATE ON projects
    REFERENCING OLD TABLE AS old_projects NEW TABLE AS new_projects
    FOR EACH STATEMENT EXECUTE FUNCTION projects_track_load();

-- A person deactivated or reactivated takes their hours out of their projects' sums or
-- puts them back (their own load keeps them either way).
CREATE FUNCTION people_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM apply_load_changes(array_agg(c::load_change))
    FROM old_people o
    JOIN new_people n ON n.id = o.id
    JOIN assignments a ON a.person_id = o.id AND a.is_active
    CROSS JOIN LATERAL (
        SELECT * FROM load_changes(a.id, a.person_id, a.project_id, NULL, -1, true, false, o.is_active)
        UNION ALL
        SELECT * FROM load_changes(a.id, a.person_id, a.project_id, NULL, 1, true, false, n.is_active)
    ) AS c
    WHERE o.is_active IS DISTINCT FROM n.is_active;
    RETURN NULL;
END
$$;
CREATE TRIGGER people_load_update AFTER UPDATE ON people
    REFERENCING OLD TABLE AS old_people NEW TABLE AS new_people
    FOR EACH STATEMENT EXECUTE FUNCTION people_track_load();

-- The plan as it stands when this migration runs.
SELECT apply_load_changes(array_agg(c::load_change))
FROM assignments a
JOIN projects pr ON pr.id = a.project_id
JOIN people p ON p.id = a.person_id
CROSS JOIN LATERAL load_changes(a.id, a.person_id, a.project_id, pr.status, 1,
                                a.is_active, pr.is_active, p.is_active) AS c;

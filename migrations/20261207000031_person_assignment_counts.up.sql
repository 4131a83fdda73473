-- Each person's number of assignment rows, kept beside their weekly loads, so the
-- planning grid's page of people reads its "N projects" in one index lookup per person.
--
-- The page counted them with a subquery per person: about 870 assignments for 100 people,
-- each joined to its project for the active flag and status, through an index whose heap
-- pages every hours save dirties (it moves the assignment's version). That was about
-- 2.5 ms of the page's 4.5 ms in the database, and the grid is an eighth of the mixed
-- profile's requests.
--
-- person_assignment_count: per person, their active assignments on active projects,
-- split by project status like person_week_load (a reader adds the statuses it shows).
-- Whether the person is active is left to readers, as for the loads. Rows of zero stay.
CREATE TABLE person_assignment_count (
    person_id bigint  PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    planning  integer NOT NULL DEFAULT 0,
    active    integer NOT NULL DEFAULT 0,
    active_ca integer NOT NULL DEFAULT 0,
    on_hold   integer NOT NULL DEFAULT 0,
    completed integer NOT NULL DEFAULT 0,
    cancelled integer NOT NULL DEFAULT 0
);

-- The count on projects in `statuses` (empty: every status): the same sum over the
-- status columns as a load row's (load_in_statuses), so the two cannot disagree on
-- which statuses count. Inlined into the reading query like it.
CREATE FUNCTION count_in_statuses(c person_assignment_count, statuses text[])
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT load_in_statuses(ROW(c.person_id, NULL, c.planning, c.active, c.active_ca,
                                c.on_hold, c.completed, c.cancelled)::person_week_load,
                            statuses)
$$;

-- One assignment entering (+1) or leaving (-1) a person's count under a project status.
CREATE TYPE count_change AS (
    person_id bigint,
    status    text,
    delta     integer
);

-- Applies changes as additions in person order, as apply_load_changes does, so concurrent
-- writers serialise on a row instead of overwriting each other and cannot deadlock.
-- plpgsql, like it, so the upsert's plan is kept per session (migration 27).
CREATE FUNCTION apply_count_changes(changes count_change[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO person_assignment_count AS c
        (person_id, planning, active, active_ca, on_hold, completed, cancelled)
    SELECT d.person_id,
           coalesce(sum(d.delta) FILTER (WHERE d.status = 'planning'), 0),
           coalesce(sum(d.delta) FILTER (WHERE d.status = 'active'), 0),
           coalesce(sum(d.delta) FILTER (WHERE d.status = 'active_ca'), 0),
           coalesce(sum(d.delta) FILTER (WHERE d.status = 'on_hold'), 0),
           coalesce(sum(d.delta) FILTER (WHERE d.status = 'completed'), 0),
           coalesce(sum(d.delta) FILTER (WHERE d.status = 'cancelled'), 0)
    FROM unnest(changes) AS d
    GROUP BY d.person_id
    ORDER BY d.person_id
    ON CONFLICT (person_id) DO UPDATE SET
        planning  = c.planning  + EXCLUDED.planning,
        active    = c.active    + EXCLUDED.active,
        active_ca = c.active_ca + EXCLUDED.active_ca,
        on_hold   = c.on_hold   + EXCLUDED.on_hold,
        completed = c.completed + EXCLUDED.completed,
        cancelled = c.cancelled + EXCLUDED.cancelled;
END
$$;

-- The triggers follow the loads' locking (migration 8): what reads a project's status or
-- active flag first takes its bucket's shared lock, in a statement of its own, so a
-- status change (which takes it exclusively) either waits for the new rows to commit and
-- then sees them, or commits first and is what they read. They are named to fire after
-- the loads' triggers of the same event, which take the same locks first, so the order
-- in which a transaction takes its locks is unchanged.

-- Assignments added (+1) or deleted (-1), under their project's status where both are
-- active.
CREATE FUNCTION assignments_count_added_or_removed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    person_ids bigint[];
    project_ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(person_id), array_agg(project_id) INTO person_ids, project_ids
        FROM new_assignments WHERE is_active;
    ELSE
        SELECT array_agg(person_id), array_agg(project_id) INTO person_ids, project_ids
        FROM old_assignments WHERE is_active;
    END IF;
    IF project_ids IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM lock_load_sources(1, project_ids, false);
    PERFORM apply_count_changes(array_agg(ROW(u.person_id, pr.status,
                CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END)::count_change))
    FROM unnest(person_ids, project_ids) AS u (person_id, project_id)
    JOIN projects pr ON pr.id = u.project_id AND pr.is_active;
    RETURN NULL;
END
$$;
CREATE TRIGGER assignments_load_insert_counts AFTER INSERT ON assignments
    REFERENCING NEW TABLE AS new_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION assignments_count_added_or_removed();
CREATE TRIGGER assignments_load_delete_counts AFTER DELETE ON assignments
    REFERENCING OLD TABLE AS old_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION assignments_count_added_or_removed();

-- Assignments (de)activated or moved to another person or project: out of the old
-- count, into the new. Other edits (notes, role, the version an hours save moves) pass.
CREATE FUNCTION assignments_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
    project_ids bigint[];
BEGIN
    SELECT array_agg(n.id), array_agg(DISTINCT o.project_id) || array_agg(DISTINCT n.project_id)
    INTO moved, project_ids
    FROM old_assignments o
    JOIN new_assignments n ON n.id = o.id
    WHERE (o.is_active, o.person_id, o.project_id) IS DISTINCT FROM (n.is_active, n.person_id, n.project_id);
    IF moved IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM lock_load_sources(1, project_ids, false);
    PERFORM apply_count_changes(array_agg(v.change))
    FROM old_assignments o
    JOIN new_assignments n ON n.id = o.id
    JOIN projects old_pr ON old_pr.id = o.project_id
    JOIN projects new_pr ON new_pr.id = n.project_id
    CROSS JOIN LATERAL (VALUES
        (ROW(o.person_id, old_pr.status, -1)::count_change, o.is_active AND old_pr.is_active),
        (ROW(n.person_id, new_pr.status, 1)::count_change, n.is_active AND new_pr.is_active)
    ) AS v (change, counted)
    WHERE n.id = ANY (moved) AND v.counted;
    RETURN NULL;
END
$$;
CREATE TRIGGER assignments_load_update_counts AFTER UPDATE ON assignments
    REFERENCING OLD TABLE AS old_assignments NEW TABLE AS new_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION assignments_count_update();

-- A project changing status or active flag moves its active assignments' counts.
CREATE FUNCTION projects_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
BEGIN
    SELECT array_agg(n.id) INTO changed
    FROM old_projects o JOIN new_projects n ON n.id = o.id
    WHERE (o.is_active, o.status) IS DISTINCT FROM (n.is_active, n.status);
    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM lock_load_sources(1, changed, true);
    PERFORM apply_count_changes(array_agg(v.change))
    FROM old_projects o
    JOIN new_projects n ON n.id = o.id
    JOIN assignments a ON a.project_id = o.id AND a.is_active
    CROSS JOIN LATERAL (VALUES
        (ROW(a.person_id, o.status, -1)::count_change, o.is_active),
        (ROW(a.person_id, n.status, 1)::count_change, n.is_active)
    ) AS v (change, counted)
    WHERE n.id = ANY (changed) AND v.counted;
    RETURN NULL;
END
$$;
CREATE TRIGGER projects_load_update_counts AFTER UPDATE ON projects
    REFERENCING OLD TABLE AS old_projects NEW TABLE AS new_projects
    FOR EACH STATEMENT EXECUTE FUNCTION projects_count_update();

-- The counts from scratch, shaped as the kept table, for `wt-api verify-loads` and the
-- scheduled verify job; people without a counted assignment have no row.
CREATE VIEW person_assignment_count_expected AS
SELECT a.person_id,
       (count(*) FILTER (WHERE pr.status = 'planning'))::integer  AS planning,
       (count(*) FILTER (WHERE pr.status = 'active'))::integer    AS active,
       (count(*) FILTER (WHERE pr.status = 'active_ca'))::integer AS active_ca,
       (count(*) FILTER (WHERE pr.status = 'on_hold'))::integer   AS on_hold,
       (count(*) FILTER (WHERE pr.status = 'completed'))::integer AS completed,
       (count(*) FILTER (WHERE pr.status = 'cancelled'))::integer AS cancelled
FROM assignments a
JOIN projects pr ON pr.id = a.project_id AND pr.is_active
WHERE a.is_active
GROUP BY a.person_id;

INSERT INTO person_assignment_count
    (person_id, planning, active, active_ca, on_hold, completed, cancelled)
SELECT person_id, planning, active, active_ca, on_hold, completed, cancelled
FROM person_assignment_count_expected;

-- A row of the status columns (a load's or a count's) as one (status, value) row per
-- status, for comparing kept rows with from-scratch ones status by status.
CREATE FUNCTION by_status(planning integer, active integer, active_ca integer,
                          on_hold integer, completed integer, cancelled integer)
RETURNS TABLE (status text, value integer) LANGUAGE sql IMMUTABLE AS $$
    VALUES ('planning', planning), ('active', active), ('active_ca', active_ca),
           ('on_hold', on_hold), ('completed', completed), ('cancelled', cancelled)
$$;

-- Where the kept counts differ from the from-scratch ones, per person and status (a
-- missing row and a row of zeros are the same); read by the verify command and job.
CREATE VIEW person_assignment_count_drift AS
WITH kept AS (
    SELECT c.person_id, s.status, s.value
    FROM person_assignment_count c
    CROSS JOIN LATERAL by_status(c.planning, c.active, c.active_ca,
                                 c.on_hold, c.completed, c.cancelled) AS s
    WHERE s.value <> 0),
actual AS (
    SELECT e.person_id, s.status, s.value
    FROM person_assignment_count_expected e
    CROSS JOIN LATERAL by_status(e.planning, e.active, e.active_ca,
                                 e.on_hold, e.completed, e.cancelled) AS s
    WHERE s.value <> 0)
SELECT coalesce(k.person_id, a.person_id) AS person_id,
       coalesce(k.status, a.status) AS status,
       coalesce(k.value, 0) AS kept,
       coalesce(a.value, 0) AS actual
FROM kept k
FULL JOIN actual a ON a.person_id = k.person_id AND a.status = k.status
WHERE k.value IS DISTINCT FROM a.value;

-- Closes a race in the kept weekly loads (migration 5).
--
-- The race. Every trigger computes its change from what its statement's snapshot shows.
-- Take tx1 writing hours on a `planning` project while tx2 moves the project to `active`:
--   tx1: INSERT INTO assignment_weeks ...  -- its trigger reads status 'planning'
--                                          -- and adds the hours to `planning`
--   tx2: UPDATE projects SET status = 'active'
--                                          -- its trigger moves the hours it sees from
--                                          -- `planning` to `active`; tx1's uncommitted
--                                          -- weeks are not among them
--   tx1: COMMIT;  tx2: COMMIT
-- Nothing blocks (the foreign keys lock only keys, which neither changes), and tx1's
-- hours stay under `planning` for good. The same happens in the other order (tx2's
-- update uncommitted while tx1's trigger reads the old status), and for a person or an
-- assignment (de)activated, or an assignment moved, while its hours are written.
--
-- The fix. Each trigger takes a transaction-scoped advisory lock on what its change
-- depends on before reading it: writers of hours take shared locks on their projects,
-- people and assignments; the triggers that change what counts (a project's status or
-- active flag, a person's active flag, an assignment's active flag, person or project)
-- take the exclusive lock of what they change. Either the change to what counts waits
-- until the hours commit and its own reading statement then sees them, or the hours
-- wait until the change commits and their reading statement then sees the new state
-- (each statement of a trigger function takes a fresh snapshot in READ COMMITTED, which
-- is why the locking and the reading are separate statements). Writers of hours never
-- wait for each other, and edits that change nothing that counts take no lock.
--
-- Advisory locks rather than row locks: a shared row lock on the project would make
-- every edit of a project wait for hours writers, and a writer that then updated the
-- same row would deadlock with another doing the same. Keys are buckets of the id (128
-- per kind), so a bulk write (the demo seed, an import) takes at most 384 locks instead
-- of one per row, which would fill the shared lock table; two ids sharing a bucket only
-- wait for each other briefly.

-- Takes the advisory lock of every bucket of `ids` of `kind` (1 project, 2 person,
-- 3 assignment), shared or exclusive, in key order so two lockers cannot deadlock.
CREATE FUNCTION lock_load_sources(kind integer, ids bigint[], exclusive boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF exclusive THEN
        PERFORM pg_advisory_xact_lock(7001, kind * 1000 + b)
        FROM (SELECT DISTINCT (id % 128)::integer AS b FROM unnest(ids) AS id ORDER BY 1) AS k;
    ELSE
        PERFORM pg_advisory_xact_lock_shared(7001, kind * 1000 + b)
        FROM (SELECT DISTINCT (id % 128)::integer AS b FROM unnest(ids) AS id ORDER BY 1) AS k;
    END IF;
END
$$;

-- Week rows added, changed or removed: shared locks on the assignments, projects and
-- people they count for, then the same change as before with a fresh snapshot.
CREATE OR REPLACE FUNCTION assignment_weeks_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
    assignment_ids bigint[];
    project_ids bigint[];
    person_ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT assignment_id) INTO changed FROM new_weeks;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT assignment_id) INTO changed FROM old_weeks;
    ELSE
        SELECT array_agg(DISTINCT assignment_id) INTO changed
        FROM (SELECT assignment_id FROM old_weeks UNION SELECT assignment_id FROM new_weeks) AS w;
    END IF;
    PERFORM lock_load_sources(3, changed, false);
    SELECT array_agg(DISTINCT a.project_id), array_agg(DISTINCT a.person_id)
    INTO project_ids, person_ids
    FROM assignments a WHERE a.id = ANY (changed);
    PERFORM lock_load_sources(1, project_ids, false);
    PERFORM lock_load_sources(2, person_ids, false);
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

-- Assignments activated, deactivated or moved: exclusive on the assignments (so their
-- weeks' writers wait), shared on the projects and people, old and new, whose state the
-- change reads.
CREATE OR REPLACE FUNCTION assignments_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
    project_ids bigint[];
    person_ids bigint[];
BEGIN
    SELECT array_agg(n.id),
           array_agg(DISTINCT o.project_id) || array_agg(DISTINCT n.project_id),
           array_agg(DISTINCT o.person_id) || array_agg(DISTINCT n.person_id)
    INTO moved, project_ids, person_ids
    FROM old_assignments o
    JOIN new_assignments n ON n.id = o.id
    WHERE (o.is_active, o.person_id, o.project_id) IS DISTINCT FROM (n.is_active, n.person_id, n.project_id);
    IF moved IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM lock_load_sources(3, moved, true);
    PERFORM lock_load_sources(1, project_ids, false);
    PERFORM lock_load_sources(2, person_ids, false);
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
    WHERE n.id = ANY (moved);
    RETURN NULL;
END
$$;

-- A deleted assignment: exclusive on it, shared on its project and person.
CREATE OR REPLACE FUNCTION assignments_release_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lock_load_sources(3, ARRAY[OLD.id], true);
    PERFORM lock_load_sources(1, ARRAY[OLD.project_id], false);
    PERFORM lock_load_sources(2, ARRAY[OLD.person_id], false);
    PERFORM apply_load_changes(array_agg(c::load_change))
    FROM projects pr
    JOIN people p ON p.id = OLD.person_id
    CROSS JOIN LATERAL load_changes(OLD.id, OLD.person_id, OLD.project_id, pr.status, -1,
                                    OLD.is_active, pr.is_active, p.is_active) AS c
    WHERE pr.id = OLD.project_id;
    RETURN OLD;
END
$$;

-- A project changing status or active flag: exclusive on it, then the move reads the
-- weeks with a snapshot that holds every hours write committed before it.
CREATE OR REPLACE FUNCTION projects_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM apply_load_changes(array_agg(c::load_change))
    FROM old_projects o
    JOIN new_projects n ON n.id = o.id
    JOIN assignments a ON a.project_id = o.id AND a.is_active
    CROSS JOIN LATERAL (
        SELECT * FROM load_changes(a.id, a.person_id, a.project_id, o.status, -1, true, o.is_active, false)
        UNION ALL
        SELECT * FROM load_changes(a.id, a.person_id, a.project_id, n.status, 1, true, n.is_active, false)
    ) AS c
    WHERE n.id = ANY (changed);
    RETURN NULL;
END
$$;

-- A person (de)activated: exclusive on them, as for projects.
CREATE OR REPLACE FUNCTION people_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
BEGIN
    SELECT array_agg(n.id) INTO changed
    FROM old_people o JOIN new_people n ON n.id = o.id
    WHERE o.is_active IS DISTINCT FROM n.is_active;
    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM lock_load_sources(2, changed, true);
    PERFORM apply_load_changes(array_agg(c::load_change))
    FROM old_people o
    JOIN new_people n ON n.id = o.id
    JOIN assignments a ON a.person_id = o.id AND a.is_active
    CROSS JOIN LATERAL (
        SELECT * FROM load_changes(a.id, a.person_id, a.project_id, NULL, -1, true, false, o.is_active)
        UNION ALL
        SELECT * FROM load_changes(a.id, a.person_id, a.project_id, NULL, 1, true, false, n.is_active)
    ) AS c
    WHERE n.id = ANY (changed);
    RETURN NULL;
END
$$;

-- The loads summed from scratch, shaped as the kept tables, for `wt-api verify-loads`
-- and the scheduled verify job to compare against (and repair from). Week rows of zero
-- hours leave no load row, as in the kept tables.
CREATE VIEW person_week_load_expected AS
SELECT a.person_id, w.week,
       (coalesce(sum(w.centihours) FILTER (WHERE pr.status = 'planning'), 0))::integer  AS planning,
       (coalesce(sum(w.centihours) FILTER (WHERE pr.status = 'active'), 0))::integer    AS active,
       (coalesce(sum(w.centihours) FILTER (WHERE pr.status = 'active_ca'), 0))::integer AS active_ca,
       (coalesce(sum(w.centihours) FILTER (WHERE pr.status = 'on_hold'), 0))::integer   AS on_hold,
       (coalesce(sum(w.centihours) FILTER (WHERE pr.status = 'completed'), 0))::integer AS completed,
       (coalesce(sum(w.centihours) FILTER (WHERE pr.status = 'cancelled'), 0))::integer AS cancelled
FROM assignment_weeks w
JOIN assignments a ON a.id = w.assignment_id AND a.is_active
JOIN projects pr ON pr.id = a.project_id AND pr.is_active
WHERE w.centihours <> 0
GROUP BY a.person_id, w.week;

CREATE VIEW project_week_load_expected AS
SELECT a.project_id, w.week, sum(w.centihours)::integer AS centihours
FROM assignment_weeks w
JOIN assignments a ON a.id = w.assignment_id AND a.is_active
JOIN people p ON p.id = a.person_id AND p.is_active
WHERE w.centihours <> 0
GROUP BY a.project_id, w.week;

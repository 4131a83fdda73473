DROP VIEW project_week_load_expected;
DROP VIEW person_week_load_expected;
-- The triggers' functions as migration 5 made them, without the locks.
CREATE OR REPLACE FUNCTION assignment_weeks_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION assignments_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION assignments_release_load() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION projects_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION people_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
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

DROP FUNCTION lock_load_sources(integer, bigint[], boolean);

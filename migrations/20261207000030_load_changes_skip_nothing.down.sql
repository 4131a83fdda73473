-- The functions as migration 27 made them.
CREATE OR REPLACE FUNCTION apply_load_changes(changes load_change[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
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
END
$$;

CREATE OR REPLACE FUNCTION assignment_weeks_track_load() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
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
    IF TG_OP = 'UPDATE' THEN
        PERFORM apply_load_changes(array_agg(ROW(a.person_id, a.project_id, w.week, pr.status,
                    w.centihours, a.is_active AND pr.is_active, a.is_active AND p.is_active)::load_change))
        FROM (SELECT assignment_id, week, -centihours::bigint AS centihours FROM old_weeks
              UNION ALL
              SELECT assignment_id, week, centihours FROM new_weeks) AS w
        JOIN assignments a ON a.id = w.assignment_id AND a.is_active
        JOIN projects pr ON pr.id = a.project_id
        JOIN people p ON p.id = a.person_id;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM apply_load_changes(array_agg(ROW(a.person_id, a.project_id, o.week, pr.status,
                    -o.centihours, a.is_active AND pr.is_active, a.is_active AND p.is_active)::load_change))
        FROM old_weeks o
        JOIN assignments a ON a.id = o.assignment_id AND a.is_active
        JOIN projects pr ON pr.id = a.project_id
        JOIN people p ON p.id = a.person_id;
    ELSE
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

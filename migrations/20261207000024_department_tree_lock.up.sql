-- The department tree's checks (migration 3) walked the tree each with its own snapshot,
-- so two moves at once could both pass: A placed under B while B is placed under A makes
-- a cycle, and two moves that each keep within ten levels can together go deeper. Each
-- change of the tree now takes one transaction-scoped advisory lock first, so the second
-- waits for the first to commit and then walks the tree as the first left it (each
-- statement of a trigger function takes a fresh snapshot in READ COMMITTED). Moves are
-- rare, so one lock for the whole tree costs nothing worth buckets.
-- The depth check now also counts the levels below a department that moves: a subtree
-- moved under a deep parent could push its lowest departments past ten levels.
CREATE OR REPLACE FUNCTION departments_check_tree() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cursor_id bigint := NEW.parent_id;
    depth     integer := 1;
    below     integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(7002, 0);
    WHILE cursor_id IS NOT NULL LOOP
        IF cursor_id = NEW.id THEN
            RAISE EXCEPTION 'department % would be its own ancestor', NEW.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'departments_no_cycle';
        END IF;
        depth := depth + 1;
        IF depth > 10 THEN
            RAISE EXCEPTION 'department tree deeper than 10 levels'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'departments_max_depth';
        END IF;
        SELECT parent_id INTO cursor_id FROM departments WHERE id = cursor_id;
    END LOOP;
    IF TG_OP = 'UPDATE' THEN
        -- Bounded like the walk above, so even corrupt data cannot make it loop.
        WITH RECURSIVE sub (id, level) AS (
            SELECT id, 1 FROM departments WHERE parent_id = NEW.id
            UNION ALL
            SELECT d.id, sub.level + 1 FROM departments d JOIN sub ON d.parent_id = sub.id
            WHERE sub.level < 10
        )
        SELECT coalesce(max(level), 0) INTO below FROM sub;
        IF depth + below > 10 THEN
            RAISE EXCEPTION 'department tree deeper than 10 levels'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'departments_max_depth';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

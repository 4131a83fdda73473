CREATE OR REPLACE FUNCTION departments_check_tree() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cursor_id bigint := NEW.parent_id;
    depth     integer := 1;
BEGIN
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
    RETURN NEW;
END;
$$;

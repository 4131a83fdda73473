-- An active person never holds an inactive role. The API read a role's active holders
-- before deactivating it, so a person given the role (or reactivated) between that read
-- and the update kept an inactive role, and nothing refused giving one outright. The
-- database now keeps the rule, under concurrency too:
--   * deactivating a role: its UPDATE locks the role's row, then the trigger looks for
--     active holders with a fresh snapshot;
--   * giving an active person a role (insert, a new role, or reactivation): once the
--     rows are written, the trigger locks the roles given FOR SHARE and reads them.
-- FOR SHARE and the role's update lock conflict, so of two such writes one waits for
-- the other to commit and then sees it: either the deactivation finds the new holder,
-- or the person's write finds the role inactive. (Each statement of a trigger function
-- takes a fresh snapshot in READ COMMITTED; a lock that waited returns the row as the
-- other transaction left it.) Both refusals are check violations with the constraint
-- names the API maps: `roles_active_holders` and `people_role_active`.

CREATE FUNCTION roles_check_active_holders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM people WHERE role_id = NEW.id AND is_active) THEN
        RAISE EXCEPTION 'role % is held by active people', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'roles_active_holders';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER roles_active_holders
    BEFORE UPDATE OF is_active ON roles
    FOR EACH ROW WHEN (OLD.is_active AND NOT NEW.is_active)
    EXECUTE FUNCTION roles_check_active_holders();

-- Statement-level, so an import's batch of thousands of people locks and reads its roles
-- once. Updates count only when they give a role or reactivate: a person who kept an
-- inactive role from before this rule can still be edited.
CREATE FUNCTION people_check_role_active() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    given bigint[];
    role record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT role_id) INTO given
        FROM written WHERE is_active AND role_id IS NOT NULL;
    ELSE
        SELECT array_agg(DISTINCT w.role_id) INTO given
        FROM written w JOIN replaced r ON r.id = w.id
        WHERE w.is_active AND w.role_id IS NOT NULL
          AND (w.role_id IS DISTINCT FROM r.role_id OR NOT r.is_active);
    END IF;
    IF given IS NULL THEN
        RETURN NULL;
    END IF;
    FOR role IN SELECT id, is_active FROM roles WHERE id = ANY (given) ORDER BY id FOR SHARE LOOP
        IF NOT role.is_active THEN
            RAISE EXCEPTION 'role % is inactive', role.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'people_role_active';
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
CREATE TRIGGER people_role_active_insert
    AFTER INSERT ON people REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION people_check_role_active();
CREATE TRIGGER people_role_active_update
    AFTER UPDATE ON people REFERENCING OLD TABLE AS replaced NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION people_check_role_active();

DROP TRIGGER people_role_active_update ON people;
DROP TRIGGER people_role_active_insert ON people;
DROP FUNCTION people_check_role_active();
DROP TRIGGER roles_active_holders ON roles;
DROP FUNCTION roles_check_active_holders();

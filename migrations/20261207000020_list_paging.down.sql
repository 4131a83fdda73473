DROP TRIGGER departments_list_version ON departments;
DROP TRIGGER projects_list_version ON projects;
DROP TRIGGER people_list_version ON people;
DROP FUNCTION bump_list_version();
DROP TABLE list_versions;
DROP INDEX projects_client_trgm, projects_number_trgm, projects_name_trgm,
    people_email_trgm, people_name_trgm;
DROP INDEX projects_created, projects_client_name, projects_name,
    people_created, people_capacity, people_active_name, people_name;
CREATE INDEX people_name ON people (lower(name));

-- The planning model: departments (a tree), roles, skills, people, projects, assignments
-- with their weekly hours, and deliverables. Constraint names are explicit because the
-- API maps them to stable error codes. Every mutable row carries `version` for ETags.

CREATE TABLE departments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    parent_id   bigint      REFERENCES departments (id) ON DELETE RESTRICT,
    -- The manager is a person; the foreign key follows the people table below.
    manager_id  bigint,
    description text        NOT NULL DEFAULT '',
    is_active   boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 1,
    CONSTRAINT departments_name_check CHECK (name = btrim(name) AND length(name) BETWEEN 1 AND 200),
    CONSTRAINT departments_not_own_parent CHECK (parent_id <> id)
);
CREATE UNIQUE INDEX departments_name_key ON departments (lower(name));
CREATE INDEX departments_parent_id ON departments (parent_id);

-- A department may not sit below itself, and the tree is at most 10 levels deep. The
-- walk is bounded, so even corrupt data cannot make it loop.
CREATE FUNCTION departments_check_tree() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER departments_tree
    BEFORE INSERT OR UPDATE OF parent_id ON departments
    FOR EACH ROW EXECUTE FUNCTION departments_check_tree();

CREATE TABLE roles (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    description text        NOT NULL DEFAULT '',
    is_active   boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 1,
    CONSTRAINT roles_name_check CHECK (name = btrim(name) AND length(name) BETWEEN 1 AND 100)
);
CREATE UNIQUE INDEX roles_name_key ON roles (lower(name));

CREATE TABLE people (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text          NOT NULL,
    email           text,
    weekly_capacity numeric(5, 2) NOT NULL DEFAULT 36,
    role_id         bigint        REFERENCES roles (id) ON DELETE RESTRICT,
    department_id   bigint        REFERENCES departments (id) ON DELETE RESTRICT,
    location        text          NOT NULL DEFAULT '',
    hire_date       date,
    notes           text          NOT NULL DEFAULT '',
    is_active       boolean       NOT NULL DEFAULT true,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    version         bigint        NOT NULL DEFAULT 1,
    CONSTRAINT people_name_check CHECK (name = btrim(name) AND length(name) BETWEEN 1 AND 200),
    CONSTRAINT people_email_check CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$')),
    CONSTRAINT people_capacity_check CHECK (weekly_capacity BETWEEN 0 AND 168)
);
CREATE UNIQUE INDEX people_email_key ON people (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX people_department_id ON people (department_id) WHERE is_active;
CREATE INDEX people_role_id ON people (role_id) WHERE is_active;
CREATE INDEX people_name ON people (lower(name));

ALTER TABLE departments
    ADD CONSTRAINT departments_manager_fkey
    FOREIGN KEY (manager_id) REFERENCES people (id) ON DELETE SET NULL;
ALTER TABLE users
    ADD CONSTRAINT users_person_fkey
    FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX users_person_key ON users (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE skill_tags (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL,
    category   text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 1,
    CONSTRAINT skill_tags_name_check CHECK (name = btrim(name) AND length(name) BETWEEN 1 AND 100)
);
CREATE UNIQUE INDEX skill_tags_name_key ON skill_tags (lower(name));

CREATE TABLE person_skills (
    person_id    bigint      NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    skill_tag_id bigint      NOT NULL REFERENCES skill_tags (id) ON DELETE CASCADE,
    kind         text        NOT NULL DEFAULT 'strength',
    level        text        NOT NULL DEFAULT 'intermediate',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 1,
    PRIMARY KEY (person_id, skill_tag_id),
    CONSTRAINT person_skills_kind_check CHECK (kind IN ('strength', 'development', 'learning')),
    CONSTRAINT person_skills_level_check
        CHECK (level IN ('beginner', 'intermediate', 'advanced', 'expert'))
);
CREATE INDEX person_skills_skill_tag_id ON person_skills (skill_tag_id);

CREATE TABLE projects (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text           NOT NULL,
    project_number  text,
    client          text           NOT NULL DEFAULT 'Internal',
    status          text           NOT NULL DEFAULT 'planning',
    start_date      date,
    end_date        date,
    estimated_hours numeric(10, 2),
    description     text           NOT NULL DEFAULT '',
    notes           text           NOT NULL DEFAULT '',
    is_active       boolean        NOT NULL DEFAULT true,
    created_at      timestamptz    NOT NULL DEFAULT now(),
    updated_at      timestamptz    NOT NULL DEFAULT now(),
    version         bigint         NOT NULL DEFAULT 1,
    CONSTRAINT projects_name_check CHECK (name = btrim(name) AND length(name) BETWEEN 1 AND 200),
    CONSTRAINT projects_status_check
        CHECK (status IN ('planning', 'active', 'active_ca', 'on_hold', 'completed', 'cancelled')),
    CONSTRAINT projects_dates_check CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CONSTRAINT projects_estimated_hours_check CHECK (estimated_hours IS NULL OR estimated_hours >= 0),
    CONSTRAINT projects_number_check CHECK (project_number IS NULL OR length(btrim(project_number)) BETWEEN 1 AND 50)
);
CREATE UNIQUE INDEX projects_number_key ON projects (project_number) WHERE project_number IS NOT NULL;
CREATE INDEX projects_status ON projects (status) WHERE is_active;
CREATE INDEX projects_client ON projects (lower(client));

CREATE TABLE assignments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id       bigint      NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    project_id      bigint      NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    role_on_project text        NOT NULL DEFAULT '',
    notes           text        NOT NULL DEFAULT '',
    is_active       boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 1,
    CONSTRAINT assignments_role_check CHECK (length(role_on_project) <= 100)
);
CREATE UNIQUE INDEX assignments_person_project_role_key
    ON assignments (person_id, project_id, lower(role_on_project)) WHERE is_active;
CREATE INDEX assignments_person_id ON assignments (person_id) WHERE is_active;
CREATE INDEX assignments_project_id ON assignments (project_id) WHERE is_active;

-- The plan itself: one row per assignment and Sunday with hours > 0. Unconstrained
-- numeric plus the rounding check refuses a third decimal instead of rounding it away.
CREATE TABLE assignment_weeks (
    assignment_id bigint  NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    week          date    NOT NULL,
    hours         numeric NOT NULL,
    PRIMARY KEY (assignment_id, week),
    CONSTRAINT assignment_weeks_week_sunday CHECK (extract(isodow FROM week) = 7),
    CONSTRAINT assignment_weeks_week_range CHECK (week BETWEEN DATE '2000-01-02' AND DATE '2100-12-26'),
    CONSTRAINT assignment_weeks_hours_range CHECK (hours > 0 AND hours <= 168),
    CONSTRAINT assignment_weeks_hours_precision CHECK (hours = round(hours, 2))
);
-- Grid and dashboard windows scan a range of weeks across all assignments.
CREATE INDEX assignment_weeks_week ON assignment_weeks (week) INCLUDE (assignment_id, hours);

CREATE TABLE deliverables (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id     bigint      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    description    text        NOT NULL DEFAULT '',
    percentage     smallint,
    date           date,
    sort_order     integer     NOT NULL DEFAULT 0,
    is_completed   boolean     NOT NULL DEFAULT false,
    completed_date date,
    notes          text        NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 1,
    CONSTRAINT deliverables_percentage_check CHECK (percentage IS NULL OR percentage BETWEEN 0 AND 100),
    CONSTRAINT deliverables_completed_check CHECK (is_completed = (completed_date IS NOT NULL)),
    CONSTRAINT deliverables_description_check CHECK (length(description) <= 200)
);
CREATE INDEX deliverables_project_order ON deliverables (project_id, sort_order, id);
CREATE INDEX deliverables_date ON deliverables (date) WHERE date IS NOT NULL;

CREATE TABLE deliverable_assignments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deliverable_id   bigint      NOT NULL REFERENCES deliverables (id) ON DELETE CASCADE,
    person_id        bigint      NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role_on_milestone text       NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deliverable_assignments_role_check CHECK (length(role_on_milestone) <= 100)
);
CREATE UNIQUE INDEX deliverable_assignments_key
    ON deliverable_assignments (deliverable_id, person_id, lower(role_on_milestone));
CREATE INDEX deliverable_assignments_person_id ON deliverable_assignments (person_id);

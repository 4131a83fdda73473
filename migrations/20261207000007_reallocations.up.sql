-- Automatic hour reallocation: the order in which a project's date changes apply, and the
-- audit of every reallocation with the exact before and after of each week it changed
-- (what the undo restores).

-- One row per project that ever had a date change queued. A PATCH that queues a
-- reallocation takes the next `issued` number by updating this row, which it holds locked
-- until it commits, so numbers follow commit order. The worker applies number n only
-- after n - 1 (or after n - 1 ended without applying) and moves `applied` in the same
-- transaction as the hours, so each number applies once and in order.
CREATE TABLE reallocation_order (
    project_id bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    issued     bigint NOT NULL DEFAULT 0,
    applied    bigint NOT NULL DEFAULT 0,
    CONSTRAINT reallocation_order_applied_check CHECK (applied BETWEEN 0 AND issued)
);

CREATE TABLE reallocations (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deliverable_id      bigint      NOT NULL REFERENCES deliverables (id) ON DELETE CASCADE,
    project_id          bigint      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- Finished jobs leave the ledger after a while; the audit outlives them.
    job_id              bigint      REFERENCES jobs (id) ON DELETE SET NULL,
    sequence            bigint      NOT NULL,
    old_date            date        NOT NULL,
    new_date            date        NOT NULL,
    delta_weeks         integer     NOT NULL,
    assignments_changed integer     NOT NULL,
    touched_week_keys   date[]      NOT NULL,
    -- [{assignmentId, week, before, after}] in hours, exactly as stored (0: no row).
    changes             jsonb       NOT NULL,
    -- [{assignmentId, week, excess}]: hours over a week's 168 that were not kept.
    capped              jsonb       NOT NULL DEFAULT '[]'::jsonb,
    requested_by        bigint      REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    undone_at           timestamptz,
    undone_by           bigint      REFERENCES users (id) ON DELETE SET NULL,
    -- The undo overrode weeks edited since (CLI --force), and whether it put the date back.
    undo_forced         boolean,
    undo_reverted_date  boolean,
    CONSTRAINT reallocations_changes_array CHECK (jsonb_typeof(changes) = 'array'),
    CONSTRAINT reallocations_undo_check CHECK (
        (undone_at IS NULL) = (undo_forced IS NULL) AND (undone_at IS NULL) = (undo_reverted_date IS NULL)
    )
);
-- A job writes its reallocation once, whatever Redis delivers.
CREATE UNIQUE INDEX reallocations_job_key ON reallocations (job_id) WHERE job_id IS NOT NULL;
CREATE UNIQUE INDEX reallocations_project_sequence_key ON reallocations (project_id, sequence);
CREATE INDEX reallocations_deliverable ON reallocations (deliverable_id, id DESC);

-- What `wt-api normalize-weekly-hours` would change: every stored week row with where
-- the current hours policy puts it. Duplicate active assignments of one person, project
-- and role (legacy data, from before assignments_person_project_role_key) merge into the
-- oldest; a week key that is not a Sunday moves to the Sunday on or before it. Rows that
-- land on the same (assignment, week) add up, capped at 168 hours (16800); rows of zero
-- or less go.
CREATE VIEW duplicate_assignments AS
SELECT id, keep FROM (
    SELECT id, min(id) OVER (PARTITION BY person_id, project_id, lower(role_on_project)) AS keep
    FROM assignments WHERE is_active
) a
WHERE id <> keep;

CREATE VIEW weekly_hours_normalization AS
SELECT s.assignment_id, s.week, s.centihours, s.target_id, s.target_week,
       count(*) OVER g AS group_rows,
       row_number() OVER (PARTITION BY s.target_id, s.target_week ORDER BY s.assignment_id, s.week) AS group_index,
       least(sum(greatest(s.centihours, 0)) OVER g, 16800) AS group_centihours,
       s.target_id <> s.assignment_id OR s.target_week <> s.week AS shifted
FROM (
    SELECT w.assignment_id, w.week, w.centihours,
           coalesce(d.keep, w.assignment_id) AS target_id,
           (w.week - extract(dow FROM w.week)::integer) AS target_week
    FROM assignment_weeks w LEFT JOIN duplicate_assignments d ON d.id = w.assignment_id
) s
WINDOW g AS (PARTITION BY s.target_id, s.target_week);

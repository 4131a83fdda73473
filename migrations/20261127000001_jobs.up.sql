-- The job ledger: PostgreSQL is the truth about background work; Redis only carries
-- `{job_id}` to a worker. A row is inserted in the same transaction as the change that
-- causes it and pushed to Redis after commit; the scheduler's reconciler re-pushes rows
-- left `queued`, so a crash between commit and push, or a flushed Redis, loses nothing.
CREATE TABLE jobs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text        NOT NULL,
    payload          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- At most one unfinished job per dedupe key (see jobs_dedupe_key_unfinished).
    dedupe_key       text,
    state            text        NOT NULL DEFAULT 'queued',
    attempts         integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL DEFAULT 5,
    progress         smallint    NOT NULL DEFAULT 0,
    message          text,
    result           jsonb,
    error_code       text,
    error_message    text,
    -- The user who asked; the users table arrives with sign-in and adds the foreign key.
    requested_by     bigint,
    lease_owner      text,
    lease_expires_at timestamptz,
    pushed_at        timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    version          bigint      NOT NULL DEFAULT 1,
    CONSTRAINT jobs_state_check
        CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT jobs_kind_check CHECK (kind ~ '^[a-z][a-z0-9_]{0,63}$'),
    CONSTRAINT jobs_attempts_check CHECK (attempts >= 0 AND max_attempts >= 1),
    CONSTRAINT jobs_progress_check CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT jobs_finished_check CHECK (
        (state IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL)
    ),
    CONSTRAINT jobs_error_check CHECK ((error_code IS NULL) = (error_message IS NULL))
);

CREATE UNIQUE INDEX jobs_dedupe_key_unfinished
    ON jobs (dedupe_key)
    WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running');

-- The reconciler's scan: queued rows by when they were last handed to Redis.
CREATE INDEX jobs_queued_pushed_at
    ON jobs (coalesce(pushed_at, created_at))
    WHERE state = 'queued';

-- "My jobs" and the admin job list, newest first.
CREATE INDEX jobs_requested_by_created_at ON jobs (requested_by, created_at DESC);
CREATE INDEX jobs_created_at ON jobs (created_at DESC);

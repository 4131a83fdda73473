-- The job system for long jobs, crashed workers and operators. Each job travels on a
-- named queue (operators scale workers per queue); a running job's lease is renewed by
-- its worker's heartbeat; a retry waits until `run_after` (the backoff survives a Redis
-- flush because it lives here); a running job is asked to stop through
-- `cancel_requested_at`; a job reports the stage it is in. `started_at` is now the start
-- of the latest attempt, so run times measure one attempt.
ALTER TABLE jobs
    ADD COLUMN queue               text,
    ADD COLUMN stage               text,
    ADD COLUMN run_after           timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN cancel_requested_at timestamptz;

UPDATE jobs
SET queue = CASE kind WHEN 'email' THEN 'mail' WHEN 'warm_cache' THEN 'cache' ELSE 'maintenance' END;

ALTER TABLE jobs
    ALTER COLUMN queue SET NOT NULL,
    DROP CONSTRAINT jobs_attempts_check,
    ADD CONSTRAINT jobs_attempts_check CHECK (attempts >= 0 AND attempts <= max_attempts),
    ADD CONSTRAINT jobs_queue_check CHECK (queue ~ '^[a-z][a-z0-9_]{0,63}$'),
    ADD CONSTRAINT jobs_stage_check CHECK (char_length(stage) <= 200),
    ADD CONSTRAINT jobs_message_check CHECK (char_length(message) <= 2000);

-- Lists page by id (newest first), alone or filtered.
DROP INDEX jobs_created_at;
DROP INDEX jobs_requested_by_created_at;
CREATE INDEX jobs_requested_by_id ON jobs (requested_by, id DESC);
CREATE INDEX jobs_kind_id ON jobs (kind, id DESC);
CREATE INDEX jobs_state_id ON jobs (state, id DESC);

-- Unfinished work per queue: depths, the stats and the metrics.
CREATE INDEX jobs_open_by_queue ON jobs (queue, state) WHERE state IN ('queued', 'running');
-- The reconciler's scan for leases that ran out, and each worker's lease renewal.
CREATE INDEX jobs_running_lease ON jobs (lease_expires_at) WHERE state = 'running';
CREATE INDEX jobs_running_owner ON jobs (lease_owner) WHERE state = 'running';
-- Run times of the last hour, and the daily deletion of old finished jobs.
CREATE INDEX jobs_finished_at ON jobs (finished_at) WHERE finished_at IS NOT NULL;

-- `Prefer: wait` answers as soon as the job ends: each api process listens here.
CREATE FUNCTION jobs_notify_finished() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('wt_job_finished', NEW.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_notify_finished
    AFTER UPDATE OF state ON jobs
    FOR EACH ROW
    WHEN (NEW.state IN ('succeeded', 'failed', 'cancelled') AND OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION jobs_notify_finished();

-- One row per schedule slot that fired: the primary key makes a second scheduler's
-- attempt at the same slot a no-op. A slot's row goes when its job is deleted.
CREATE TABLE schedule_slots (
    schedule text        NOT NULL,
    slot     timestamptz NOT NULL,
    job_id   bigint      NOT NULL,
    fired_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT schedule_slots_pkey PRIMARY KEY (schedule, slot),
    CONSTRAINT schedule_slots_job_id_fkey FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
);
CREATE INDEX schedule_slots_job_id ON schedule_slots (job_id);

DROP TABLE schedule_slots;
DROP TRIGGER jobs_notify_finished ON jobs;
DROP FUNCTION jobs_notify_finished();
DROP INDEX jobs_finished_at;
DROP INDEX jobs_running_owner;
DROP INDEX jobs_running_lease;
DROP INDEX jobs_open_by_queue;
DROP INDEX jobs_state_id;
DROP INDEX jobs_kind_id;
DROP INDEX jobs_requested_by_id;
CREATE INDEX jobs_requested_by_created_at ON jobs (requested_by, created_at DESC);
CREATE INDEX jobs_created_at ON jobs (created_at DESC);
ALTER TABLE jobs
    DROP CONSTRAINT jobs_message_check,
    DROP CONSTRAINT jobs_stage_check,
    DROP CONSTRAINT jobs_queue_check,
    DROP CONSTRAINT jobs_attempts_check,
    ADD CONSTRAINT jobs_attempts_check CHECK (attempts >= 0 AND max_attempts >= 1),
    DROP COLUMN cancel_requested_at,
    DROP COLUMN run_after,
    DROP COLUMN stage,
    DROP COLUMN queue;

-- Writers of hours lock the kept weekly loads they will change before changing any, in
-- one sorted order, so two saves cannot deadlock on them.
--
-- A save of weeks is up to three statements on assignment_weeks (an upsert fires an
-- insert trigger and an update trigger, then a delete), and each trigger upserts the
-- load rows of its own rows in sorted order. Across the phases the order breaks: save A
-- inserts project 7's week and then updates project 3's, while save B inserts project 3's
-- and then updates project 7's. Under load (the benchmark's 32 concurrent saves with the
-- worker busy) that deadlocked a few times a second; PostgreSQL finds a deadlock only
-- after deadlock_timeout (1 s), so a save's p95 rose from about 80 ms to 1.3 s, though
-- the api ran each victim again and nothing failed.
--
-- Now a writer first takes exclusive advisory locks on buckets of the people and the
-- projects whose loads its weeks count for (1,024 per kind), in key order: two saves
-- sharing a load row share its bucket, so the second waits before locking anything else.
-- A write spanning more than 256 buckets (an import) takes one lock on all of them
-- instead of filling the lock table; every writer takes that one first, shared.
CREATE FUNCTION lock_load_rows(assignment_ids bigint[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    buckets integer[];
BEGIN
    SELECT array_agg(DISTINCT b ORDER BY b) INTO buckets
    FROM assignments a
    CROSS JOIN LATERAL (VALUES ((a.person_id % 1024)::integer),
                               (1024 + (a.project_id % 1024)::integer)) AS k(b)
    WHERE a.id = ANY (assignment_ids);
    IF cardinality(buckets) > 256 THEN
        PERFORM pg_advisory_xact_lock(7002, -1);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(7002, -1);
        PERFORM pg_advisory_xact_lock(7002, b) FROM unnest(buckets) WITH ORDINALITY AS u(b, n) ORDER BY n;
    END IF;
END
$$;

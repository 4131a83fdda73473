-- The load of each active person over a window of weeks, the building block of the
-- dashboard, the heatmap sorted by utilization and the availability search
-- (crate wt-analytics). A single SELECT in SQL, so the planner inlines it into the calling
-- query and the window is one index range scan of the kept person_week_load.
--
-- People of `root`'s department scope (NULL root: everyone), with, over the Sundays
-- first_week ..= last_week and counting hours on projects in `statuses`
-- (load_in_statuses): their weekly capacity, total allocated and total available hours
-- (per week max(0, capacity - allocated), summed), the peak week (highest single-week
-- percentage, the first of equals; with zero capacity every week is 0 % so the first week)
-- with its hours, and how many weeks are over capacity. All hours in hundredths.
CREATE FUNCTION person_window_load(
    first_week date, last_week date, statuses text[], root bigint, include_children boolean
) RETURNS TABLE (
    person_id bigint, capacity bigint, allocated bigint, available bigint,
    peak_week date, peak bigint, over_weeks bigint
) LANGUAGE sql STABLE AS $$
    SELECT p.id,
           p.cap,
           coalesce(sum(l.c), 0)::bigint,
           -- least() skips NULLs, so the empty row of someone without load is filtered out.
           (p.cap * ((last_week - first_week) / 7 + 1)
            - coalesce(sum(least(l.c, p.cap)) FILTER (WHERE l.c IS NOT NULL), 0))::bigint,
           -- The peak as one max(): hours * 64 plus the week's distance from the window's
           -- end (windows are at most 52 weeks), so the larger hours win and, among equal
           -- hours, the earlier week; a plain max keeps this a hash aggregate, no sort.
           CASE WHEN p.cap > 0 AND count(l.week) > 0
                THEN first_week + 7 * (63 - max(l.c * 64 + 63 - (l.week - first_week) / 7) % 64)::integer
                ELSE first_week END,
           (CASE WHEN p.cap > 0 THEN coalesce(max(l.c), 0)
                 ELSE coalesce(max(l.c) FILTER (WHERE l.week = first_week), 0) END)::bigint,
           count(l.week) FILTER (WHERE l.c > p.cap)
    FROM (
        SELECT pp.id, (pp.weekly_capacity * 100)::bigint AS cap
        FROM people pp
        WHERE pp.is_active
          AND (root IS NULL OR pp.department_id IN (SELECT department_scope(root, include_children)))
    ) AS p
    LEFT JOIN (
        SELECT pl.person_id, pl.week, load_in_statuses(pl, statuses) AS c
        FROM person_week_load pl
        WHERE pl.week BETWEEN first_week AND last_week AND load_in_statuses(pl, statuses) > 0
    ) AS l ON l.person_id = p.id
    GROUP BY p.id, p.cap
$$;

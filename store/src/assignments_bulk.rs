//! Many assignments and weeks of hours at once, for imports: the stored assignments of
//! some projects with their weeks, inserts and updates of assignments, and weekly hours
//! written or removed by the thousand per statement.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sqlx::PgConnection;

use crate::StoreError;
use crate::assignments::AssignmentFields;
use crate::bulk::BATCH;

/// A stored assignment with its weeks (Sunday -> hundredths of an hour).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAssignment {
    pub id: i64,
    pub fields: AssignmentFields,
    pub weeks: BTreeMap<NaiveDate, i32>,
}

/// The assignments of `projects`, with their weeks.
pub async fn of_projects(
    conn: &mut PgConnection,
    projects: &[i64],
) -> Result<Vec<StoredAssignment>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT id, person_id, project_id, role_on_project, notes, is_active
           FROM assignments WHERE project_id = ANY($1) ORDER BY id"#,
        projects,
    )
    .fetch_all(&mut *conn)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let weeks = sqlx::query!(
        r#"SELECT assignment_id, week, centihours FROM assignment_weeks
           WHERE assignment_id = ANY($1)"#,
        &ids,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut stored: Vec<StoredAssignment> = rows
        .into_iter()
        .map(|row| StoredAssignment {
            id: row.id,
            fields: AssignmentFields {
                person_id: row.person_id,
                project_id: row.project_id,
                role_on_project: row.role_on_project,
                notes: row.notes,
                is_active: row.is_active,
            },
            weeks: BTreeMap::new(),
        })
        .collect();
    let at: std::collections::HashMap<i64, usize> = stored
        .iter()
        .enumerate()
        .map(|(at, a)| (a.id, at))
        .collect();
    for week in weeks {
        if let Some(index) = at.get(&week.assignment_id) {
            stored[*index].weeks.insert(week.week, week.centihours);
        }
    }
    Ok(stored)
}

/// Creates `assignments`; returns their ids in order.
pub async fn insert(
    conn: &mut PgConnection,
    assignments: &[AssignmentFields],
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(assignments.len());
    for batch in assignments.chunks(BATCH) {
        let people: Vec<i64> = batch.iter().map(|a| a.person_id).collect();
        let projects: Vec<i64> = batch.iter().map(|a| a.project_id).collect();
        let roles: Vec<String> = batch.iter().map(|a| a.role_on_project.clone()).collect();
        let notes: Vec<String> = batch.iter().map(|a| a.notes.clone()).collect();
        let active: Vec<bool> = batch.iter().map(|a| a.is_active).collect();
        let created = sqlx::query_scalar!(
            r#"INSERT INTO assignments (person_id, project_id, role_on_project, notes, is_active)
               SELECT person_id, project_id, role, notes, is_active
               FROM UNNEST($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::boolean[])
                    WITH ORDINALITY AS u(person_id, project_id, role, notes, is_active, ord)
               ORDER BY ord
               RETURNING id"#,
            &people,
            &projects,
            &roles,
            &notes,
            &active,
        )
        .fetch_all(&mut *conn)
        .await?;
        ids.extend(created);
    }
    Ok(ids)
}

/// Replaces the notes and active flag of assignments, bumping their version.
pub async fn update(
    conn: &mut PgConnection,
    changes: &[(i64, AssignmentFields)],
) -> Result<(), StoreError> {
    for batch in changes.chunks(BATCH) {
        let ids: Vec<i64> = batch.iter().map(|(id, _)| *id).collect();
        let notes: Vec<String> = batch.iter().map(|(_, a)| a.notes.clone()).collect();
        let active: Vec<bool> = batch.iter().map(|(_, a)| a.is_active).collect();
        sqlx::query!(
            r#"UPDATE assignments a
               SET notes = u.notes, is_active = u.is_active, updated_at = now(),
                   version = a.version + 1
               FROM UNNEST($1::bigint[], $2::text[], $3::boolean[]) AS u(id, notes, is_active)
               WHERE a.id = u.id"#,
            &ids,
            &notes,
            &active,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// One week of one assignment: its hours in hundredths (0 removes the week).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekHours {
    pub assignment_id: i64,
    pub week: NaiveDate,
    pub centihours: i32,
}

/// Locks the kept weekly loads that writing weeks of `assignments` changes, in one order
/// (`lock_load_rows`, migration 29), so two writers of hours cannot deadlock across their
/// statements. Called by every writer of hours before its first write.
pub(crate) async fn lock_loads(
    conn: &mut PgConnection,
    assignments: impl Iterator<Item = i64>,
) -> Result<(), StoreError> {
    let mut ids: Vec<i64> = assignments.collect();
    ids.sort_unstable();
    ids.dedup();
    sqlx::query!("SELECT lock_load_rows($1)", &ids)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Writes `weeks`: sets the non-zero ones, removes the zero ones (after [`lock_loads`]);
/// a week that already has its hours is left as it is, so nothing downstream rewrites it.
pub async fn write_weeks(conn: &mut PgConnection, weeks: &[WeekHours]) -> Result<(), StoreError> {
    lock_loads(conn, weeks.iter().map(|w| w.assignment_id)).await?;
    let (set, remove): (Vec<&WeekHours>, Vec<&WeekHours>) =
        weeks.iter().partition(|w| w.centihours > 0);
    for batch in set.chunks(BATCH) {
        let ids: Vec<i64> = batch.iter().map(|w| w.assignment_id).collect();
        let dates: Vec<NaiveDate> = batch.iter().map(|w| w.week).collect();
        let hours: Vec<i32> = batch.iter().map(|w| w.centihours).collect();
        sqlx::query!(
            r#"INSERT INTO assignment_weeks (assignment_id, week, centihours)
               SELECT * FROM UNNEST($1::bigint[], $2::date[], $3::integer[])
               ON CONFLICT (assignment_id, week) DO UPDATE SET centihours = EXCLUDED.centihours
               WHERE assignment_weeks.centihours <> EXCLUDED.centihours"#,
            &ids,
            &dates,
            &hours,
        )
        .execute(&mut *conn)
        .await?;
    }
    for batch in remove.chunks(BATCH) {
        let ids: Vec<i64> = batch.iter().map(|w| w.assignment_id).collect();
        let dates: Vec<NaiveDate> = batch.iter().map(|w| w.week).collect();
        sqlx::query!(
            r#"DELETE FROM assignment_weeks w
               USING UNNEST($1::bigint[], $2::date[]) AS u(assignment_id, week)
               WHERE w.assignment_id = u.assignment_id AND w.week = u.week"#,
            &ids,
            &dates,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

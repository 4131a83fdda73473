//! Assignments (a person on a project, with a role on it) and their weekly hours, stored
//! one row per week in `assignment_weeks`. Hours travel as exact hundredths of an hour.
//! Changing hours bumps the assignment's version, so concurrent editors see each other.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use sqlx::{PgConnection, PgExecutor};

use crate::StoreError;
use crate::assignments_bulk::WeekHours;

/// An assignment with its names and its planned hours (week -> hundredths of an hour).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub project_id: i64,
    pub project_name: String,
    pub role_on_project: String,
    pub notes: String,
    pub is_active: bool,
    pub version: i64,
    pub weeks: BTreeMap<NaiveDate, i32>,
}

/// The writable fields of an assignment (hours change through [`write_weeks`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentFields {
    pub person_id: i64,
    pub project_id: i64,
    pub role_on_project: String,
    pub notes: String,
    pub is_active: bool,
}

/// Which assignments to list; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct AssignmentFilter {
    pub person_id: Option<i64>,
    pub project_id: Option<i64>,
    pub active: Option<bool>,
    pub limit: i64,
    pub offset: i64,
}

struct Row {
    id: i64,
    person_id: i64,
    person_name: String,
    project_id: i64,
    project_name: String,
    role_on_project: String,
    notes: String,
    is_active: bool,
    version: i64,
}

/// The planned weeks of `ids`, in one query.
async fn weeks_of(
    ex: impl PgExecutor<'_>,
    ids: &[i64],
) -> Result<HashMap<i64, BTreeMap<NaiveDate, i32>>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT assignment_id, week, centihours
           FROM assignment_weeks WHERE assignment_id = ANY($1)"#,
        ids,
    )
    .fetch_all(ex)
    .await?;
    let mut weeks: HashMap<i64, BTreeMap<NaiveDate, i32>> = HashMap::new();
    for row in rows {
        weeks
            .entry(row.assignment_id)
            .or_default()
            .insert(row.week, row.centihours);
    }
    Ok(weeks)
}

fn with_weeks(
    rows: Vec<Row>,
    mut weeks: HashMap<i64, BTreeMap<NaiveDate, i32>>,
) -> Vec<Assignment> {
    rows.into_iter()
        .map(|r| Assignment {
            weeks: weeks.remove(&r.id).unwrap_or_default(),
            id: r.id,
            person_id: r.person_id,
            person_name: r.person_name,
            project_id: r.project_id,
            project_name: r.project_name,
            role_on_project: r.role_on_project,
            notes: r.notes,
            is_active: r.is_active,
            version: r.version,
        })
        .collect()
}

/// One page of assignments (by person name, then project name) and the total.
pub async fn list(
    conn: &mut PgConnection,
    filter: &AssignmentFilter,
) -> Result<(Vec<Assignment>, i64), StoreError> {
    let rows = sqlx::query!(
        r#"SELECT a.id, a.person_id, p.name AS person_name, a.project_id,
                  pr.name AS project_name, a.role_on_project, a.notes, a.is_active, a.version,
                  count(*) OVER () AS "total!"
           FROM assignments a
           JOIN people p ON p.id = a.person_id
           JOIN projects pr ON pr.id = a.project_id
           WHERE ($1::bigint IS NULL OR a.person_id = $1)
             AND ($2::bigint IS NULL OR a.project_id = $2)
             AND ($3::bool IS NULL OR a.is_active = $3)
           ORDER BY lower(p.name), lower(pr.name), a.id
           LIMIT $4 OFFSET $5"#,
        filter.person_id,
        filter.project_id,
        filter.active,
        filter.limit,
        filter.offset,
    )
    .fetch_all(&mut *conn)
    .await?;
    let total = rows.first().map_or(0, |r| r.total);
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let weeks = weeks_of(&mut *conn, &ids).await?;
    let rows = rows
        .into_iter()
        .map(|r| Row {
            id: r.id,
            person_id: r.person_id,
            person_name: r.person_name,
            project_id: r.project_id,
            project_name: r.project_name,
            role_on_project: r.role_on_project,
            notes: r.notes,
            is_active: r.is_active,
            version: r.version,
        })
        .collect();
    Ok((with_weeks(rows, weeks), total))
}

pub async fn find(conn: &mut PgConnection, id: i64) -> Result<Option<Assignment>, StoreError> {
    let row = sqlx::query_as!(
        Row,
        r#"SELECT a.id, a.person_id, p.name AS person_name, a.project_id,
                  pr.name AS project_name, a.role_on_project, a.notes, a.is_active, a.version
           FROM assignments a
           JOIN people p ON p.id = a.person_id
           JOIN projects pr ON pr.id = a.project_id
           WHERE a.id = $1"#,
        id,
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let weeks = weeks_of(&mut *conn, &[id]).await?;
    Ok(with_weeks(vec![row], weeks).pop())
}

pub async fn insert(conn: &mut PgConnection, f: &AssignmentFields) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar!(
        r#"INSERT INTO assignments (person_id, project_id, role_on_project, notes, is_active)
           VALUES ($1, $2, $3, $4, $5) RETURNING id"#,
        f.person_id,
        f.project_id,
        f.role_on_project,
        f.notes,
        f.is_active,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Replaces the writable fields at `expected_version`; `false` when gone or changed.
pub async fn update(
    ex: impl PgExecutor<'_>,
    id: i64,
    f: &AssignmentFields,
    expected_version: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"UPDATE assignments
           SET role_on_project = $2, notes = $3, is_active = $4, updated_at = now(),
               version = version + 1
           WHERE id = $1 AND version = $5"#,
        id,
        f.role_on_project,
        f.notes,
        f.is_active,
        expected_version,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Locks the assignments `ids` for this transaction and returns (id, person, version) of
/// those that exist.
pub async fn lock(
    conn: &mut PgConnection,
    ids: &[i64],
) -> Result<Vec<(i64, i64, i64)>, StoreError> {
    let rows = sqlx::query!(
        "SELECT id, person_id, version FROM assignments WHERE id = ANY($1) ORDER BY id FOR UPDATE",
        ids,
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.id, r.person_id, r.version))
        .collect())
}

/// Merges `weeks` (hundredths; 0 removes the week) into assignment `id` and bumps its
/// version; returns the new version. Run inside the caller's transaction, after [`lock`].
pub async fn write_weeks(
    conn: &mut PgConnection,
    id: i64,
    weeks: &BTreeMap<NaiveDate, i32>,
) -> Result<i64, StoreError> {
    let versions = write_many_weeks(conn, &[(id, weeks)]).await?;
    versions
        .get(&id)
        .copied()
        .ok_or_else(|| StoreError::Corrupt(format!("assignment {id} vanished while locked")))
}

/// [`write_weeks`] for several assignments in one go: every week of every assignment in
/// a fixed three statements, however many there are, since the week-load triggers cost
/// per statement (a save of one person's eight assignments ran twenty-four). A later
/// entry for the same assignment and week wins. Returns each assignment's new version.
pub async fn write_many_weeks(
    conn: &mut PgConnection,
    changes: &[(i64, &BTreeMap<NaiveDate, i32>)],
) -> Result<HashMap<i64, i64>, StoreError> {
    let merged: BTreeMap<(i64, NaiveDate), i32> = changes
        .iter()
        .flat_map(|(id, weeks)| {
            weeks
                .iter()
                .map(move |(week, hours)| ((*id, *week), *hours))
        })
        .collect();
    let rows: Vec<WeekHours> = merged
        .into_iter()
        .map(|((assignment_id, week), centihours)| WeekHours {
            assignment_id,
            week,
            centihours,
        })
        .collect();
    crate::assignments_bulk::write_weeks(conn, &rows).await?;
    let mut ids: Vec<i64> = changes.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    ids.dedup();
    let bumped = sqlx::query!(
        r#"UPDATE assignments SET version = version + 1, updated_at = now()
           WHERE id = ANY($1) RETURNING id, version"#,
        &ids,
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(bumped.into_iter().map(|r| (r.id, r.version)).collect())
}

/// Deletes an assignment and its hours. `false` when gone or changed meanwhile.
pub async fn delete(
    ex: impl PgExecutor<'_>,
    id: i64,
    expected_version: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        "DELETE FROM assignments WHERE id = $1 AND version = $2",
        id,
        expected_version,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

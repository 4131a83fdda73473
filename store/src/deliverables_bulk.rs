//! Many deliverables at once, for imports and a new project's defaults: the stored
//! deliverables of some projects, and inserts and updates by the thousand per statement.
//! A deliverable is completed exactly when it has a completion date, as the table's check
//! says.

use chrono::NaiveDate;
use sqlx::PgConnection;

use crate::StoreError;
use crate::bulk::BATCH;

/// A deliverable's fields as an import compares and writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliverableData {
    pub project_id: i64,
    pub description: String,
    pub percentage: Option<i16>,
    pub date: Option<NaiveDate>,
    pub sort_order: i32,
    /// Set when completed.
    pub completed_date: Option<NaiveDate>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDeliverable {
    pub id: i64,
    pub data: DeliverableData,
}

/// The deliverables of `projects`.
pub async fn of_projects(
    conn: &mut PgConnection,
    projects: &[i64],
) -> Result<Vec<StoredDeliverable>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT id, project_id, description, percentage, date, sort_order, completed_date, notes
           FROM deliverables WHERE project_id = ANY($1) ORDER BY project_id, sort_order, id"#,
        projects,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| StoredDeliverable {
            id: row.id,
            data: DeliverableData {
                project_id: row.project_id,
                description: row.description,
                percentage: row.percentage,
                date: row.date,
                sort_order: row.sort_order,
                completed_date: row.completed_date,
                notes: row.notes,
            },
        })
        .collect())
}

#[derive(Default)]
struct Columns {
    projects: Vec<i64>,
    descriptions: Vec<String>,
    percentages: Vec<Option<i16>>,
    dates: Vec<Option<NaiveDate>>,
    orders: Vec<i32>,
    completed: Vec<Option<NaiveDate>>,
    notes: Vec<String>,
}

impl Columns {
    fn of<'a>(rows: impl Iterator<Item = &'a DeliverableData>) -> Self {
        let mut c = Columns::default();
        for d in rows {
            c.projects.push(d.project_id);
            c.descriptions.push(d.description.clone());
            c.percentages.push(d.percentage);
            c.dates.push(d.date);
            c.orders.push(d.sort_order);
            c.completed.push(d.completed_date);
            c.notes.push(d.notes.clone());
        }
        c
    }
}

/// Creates `rows`.
pub async fn insert(conn: &mut PgConnection, rows: &[DeliverableData]) -> Result<(), StoreError> {
    for batch in rows.chunks(BATCH) {
        let c = Columns::of(batch.iter());
        sqlx::query!(
            r#"INSERT INTO deliverables (project_id, description, percentage, date, sort_order,
                                         is_completed, completed_date, notes)
               SELECT project_id, description, percentage, date, sort_order,
                      completed_date IS NOT NULL, completed_date, notes
               FROM UNNEST($1::bigint[], $2::text[], $3::smallint[], $4::date[], $5::integer[],
                           $6::date[], $7::text[])
                    AS u(project_id, description, percentage, date, sort_order, completed_date,
                         notes)"#,
            &c.projects,
            &c.descriptions,
            &c.percentages as &[Option<i16>],
            &c.dates as &[Option<NaiveDate>],
            &c.orders,
            &c.completed as &[Option<NaiveDate>],
            &c.notes,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Replaces the fields of the deliverables `changes` names, bumping their version.
pub async fn update(
    conn: &mut PgConnection,
    changes: &[(i64, DeliverableData)],
) -> Result<(), StoreError> {
    for batch in changes.chunks(BATCH) {
        let ids: Vec<i64> = batch.iter().map(|(id, _)| *id).collect();
        let c = Columns::of(batch.iter().map(|(_, d)| d));
        sqlx::query!(
            r#"UPDATE deliverables d
               SET description = u.description, percentage = u.percentage, date = u.date,
                   sort_order = u.sort_order, is_completed = u.completed_date IS NOT NULL,
                   completed_date = u.completed_date, notes = u.notes, updated_at = now(),
                   version = d.version + 1
               FROM UNNEST($1::bigint[], $2::text[], $3::smallint[], $4::date[], $5::integer[],
                           $6::date[], $7::text[])
                    AS u(id, description, percentage, date, sort_order, completed_date, notes)
               WHERE d.id = u.id"#,
            &ids,
            &c.descriptions,
            &c.percentages as &[Option<i16>],
            &c.dates as &[Option<NaiveDate>],
            &c.orders,
            &c.completed as &[Option<NaiveDate>],
            &c.notes,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

//! Many projects at once, for imports: the whole table as the matcher needs it, and
//! inserts and updates of thousands of rows per statement (arrays unnested in PostgreSQL).

use chrono::NaiveDate;
use sqlx::PgConnection;

use crate::StoreError;
use crate::people_bulk::BATCH;
use crate::projects::ProjectFields;

/// A stored project with the fields an import compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProject {
    pub id: i64,
    pub fields: ProjectFields,
}

/// Every project (the import matches against all of them).
pub async fn all(conn: &mut PgConnection) -> Result<Vec<StoredProject>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT id, name, project_number, client, status, start_date, end_date,
                  (estimated_hours * 100)::bigint AS estimate, description, notes, is_active
           FROM projects ORDER BY id"#,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| StoredProject {
            id: row.id,
            fields: ProjectFields {
                name: row.name,
                project_number: row.project_number,
                client: row.client,
                status: row.status,
                start_date: row.start_date,
                end_date: row.end_date,
                estimated_centihours: row.estimate,
                description: row.description,
                notes: row.notes,
                is_active: row.is_active,
            },
        })
        .collect())
}

#[derive(Default)]
struct Columns {
    names: Vec<String>,
    numbers: Vec<Option<String>>,
    clients: Vec<String>,
    statuses: Vec<String>,
    starts: Vec<Option<NaiveDate>>,
    ends: Vec<Option<NaiveDate>>,
    estimates: Vec<Option<i64>>,
    descriptions: Vec<String>,
    notes: Vec<String>,
    active: Vec<bool>,
}

impl Columns {
    fn of<'a>(projects: impl Iterator<Item = &'a ProjectFields>) -> Self {
        let mut c = Columns::default();
        for p in projects {
            c.names.push(p.name.clone());
            c.numbers.push(p.project_number.clone());
            c.clients.push(p.client.clone());
            c.statuses.push(p.status.clone());
            c.starts.push(p.start_date);
            c.ends.push(p.end_date);
            c.estimates.push(p.estimated_centihours);
            c.descriptions.push(p.description.clone());
            c.notes.push(p.notes.clone());
            c.active.push(p.is_active);
        }
        c
    }
}

/// Creates `projects` (in batches); returns their ids in order.
pub async fn insert(
    conn: &mut PgConnection,
    projects: &[ProjectFields],
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(projects.len());
    for batch in projects.chunks(BATCH) {
        let c = Columns::of(batch.iter());
        let created = sqlx::query_scalar!(
            r#"INSERT INTO projects (name, project_number, client, status, start_date, end_date,
                                     estimated_hours, description, notes, is_active)
               SELECT name, number, client, status, start_date, end_date, estimate / 100.0,
                      description, notes, is_active
               FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::date[],
                           $6::date[], $7::bigint[], $8::text[], $9::text[], $10::boolean[])
                    WITH ORDINALITY
                    AS u(name, number, client, status, start_date, end_date, estimate,
                         description, notes, is_active, ord)
               ORDER BY ord
               RETURNING id"#,
            &c.names,
            &c.numbers as &[Option<String>],
            &c.clients,
            &c.statuses,
            &c.starts as &[Option<NaiveDate>],
            &c.ends as &[Option<NaiveDate>],
            &c.estimates as &[Option<i64>],
            &c.descriptions,
            &c.notes,
            &c.active,
        )
        .fetch_all(&mut *conn)
        .await?;
        ids.extend(created);
    }
    Ok(ids)
}

/// Replaces the fields of the projects `changes` names, bumping their version.
pub async fn update(
    conn: &mut PgConnection,
    changes: &[(i64, ProjectFields)],
) -> Result<(), StoreError> {
    for batch in changes.chunks(BATCH) {
        let ids: Vec<i64> = batch.iter().map(|(id, _)| *id).collect();
        let c = Columns::of(batch.iter().map(|(_, fields)| fields));
        sqlx::query!(
            r#"UPDATE projects p
               SET name = u.name, project_number = u.number, client = u.client,
                   status = u.status, start_date = u.start_date, end_date = u.end_date,
                   estimated_hours = u.estimate / 100.0, description = u.description,
                   notes = u.notes, is_active = u.is_active, updated_at = now(),
                   version = p.version + 1
               FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                           $6::date[], $7::date[], $8::bigint[], $9::text[], $10::text[],
                           $11::boolean[])
                    AS u(id, name, number, client, status, start_date, end_date, estimate,
                         description, notes, is_active)
               WHERE p.id = u.id"#,
            &ids,
            &c.names,
            &c.numbers as &[Option<String>],
            &c.clients,
            &c.statuses,
            &c.starts as &[Option<NaiveDate>],
            &c.ends as &[Option<NaiveDate>],
            &c.estimates as &[Option<i64>],
            &c.descriptions,
            &c.notes,
            &c.active,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

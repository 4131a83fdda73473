//! Every project as an import compares them (it matches its rows against all of them);
//! its writes go through [`crate::bulk`].

use sqlx::PgConnection;

use crate::StoreError;
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

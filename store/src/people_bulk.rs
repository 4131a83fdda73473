//! Every person as an import compares them (it matches its rows against all of them);
//! its writes go through [`crate::bulk`].

use sqlx::PgConnection;

use crate::StoreError;
use crate::people::PersonFields;

/// A stored person, with the fields an import compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPerson {
    pub id: i64,
    pub fields: PersonFields,
}

/// Every person (the import matches against all of them).
pub async fn all(conn: &mut PgConnection) -> Result<Vec<StoredPerson>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT id, name, email, (weekly_capacity * 100)::integer AS "capacity!", role_id,
                  department_id, location, hire_date, notes, is_active
           FROM people ORDER BY id"#,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| StoredPerson {
            id: row.id,
            fields: PersonFields {
                name: row.name,
                email: row.email,
                capacity_centihours: row.capacity,
                role_id: row.role_id,
                department_id: row.department_id,
                location: row.location,
                hire_date: row.hire_date,
                notes: row.notes,
                is_active: row.is_active,
            },
        })
        .collect())
}

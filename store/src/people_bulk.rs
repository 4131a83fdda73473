//! Many people at once, for imports: the whole table as the matcher needs it, and inserts
//! and updates of thousands of rows per statement (arrays unnested in PostgreSQL), so an
//! import of 100,000 people takes a few dozen statements, not 100,000.

use chrono::NaiveDate;
use sqlx::PgConnection;

use crate::StoreError;
use crate::people::PersonFields;

/// Rows per statement: large enough to amortise the round trip, small enough to keep each
/// statement's arrays a few megabytes.
pub const BATCH: usize = 5_000;

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

/// The columns of `people` as arrays, one element per person.
#[derive(Default)]
struct Columns {
    names: Vec<String>,
    emails: Vec<Option<String>>,
    capacities: Vec<i32>,
    roles: Vec<Option<i64>>,
    departments: Vec<Option<i64>>,
    locations: Vec<String>,
    hire_dates: Vec<Option<NaiveDate>>,
    notes: Vec<String>,
    active: Vec<bool>,
}

impl Columns {
    fn of<'a>(people: impl Iterator<Item = &'a PersonFields>) -> Self {
        let mut columns = Columns::default();
        for person in people {
            columns.names.push(person.name.clone());
            columns.emails.push(person.email.clone());
            columns.capacities.push(person.capacity_centihours);
            columns.roles.push(person.role_id);
            columns.departments.push(person.department_id);
            columns.locations.push(person.location.clone());
            columns.hire_dates.push(person.hire_date);
            columns.notes.push(person.notes.clone());
            columns.active.push(person.is_active);
        }
        columns
    }
}

/// Creates `people` (in batches); returns their ids in order.
pub async fn insert(
    conn: &mut PgConnection,
    people: &[PersonFields],
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(people.len());
    for batch in people.chunks(BATCH) {
        let c = Columns::of(batch.iter());
        let created = sqlx::query_scalar!(
            r#"INSERT INTO people (name, email, weekly_capacity, role_id, department_id,
                                   location, hire_date, notes, is_active)
               SELECT name, email, capacity / 100.0, role_id, department_id, location,
                      hire_date, notes, is_active
               FROM UNNEST($1::text[], $2::text[], $3::integer[], $4::bigint[], $5::bigint[],
                           $6::text[], $7::date[], $8::text[], $9::boolean[])
                    WITH ORDINALITY
                    AS u(name, email, capacity, role_id, department_id, location, hire_date,
                         notes, is_active, ord)
               ORDER BY ord
               RETURNING id"#,
            &c.names,
            &c.emails as &[Option<String>],
            &c.capacities,
            &c.roles as &[Option<i64>],
            &c.departments as &[Option<i64>],
            &c.locations,
            &c.hire_dates as &[Option<NaiveDate>],
            &c.notes,
            &c.active,
        )
        .fetch_all(&mut *conn)
        .await?;
        ids.extend(created);
    }
    Ok(ids)
}

/// Replaces the fields of the people `changes` names (in batches), bumping their version.
pub async fn update(
    conn: &mut PgConnection,
    changes: &[(i64, PersonFields)],
) -> Result<(), StoreError> {
    for batch in changes.chunks(BATCH) {
        let ids: Vec<i64> = batch.iter().map(|(id, _)| *id).collect();
        let c = Columns::of(batch.iter().map(|(_, fields)| fields));
        sqlx::query!(
            r#"UPDATE people p
               SET name = u.name, email = u.email, weekly_capacity = u.capacity / 100.0,
                   role_id = u.role_id, department_id = u.department_id,
                   location = u.location, hire_date = u.hire_date, notes = u.notes,
                   is_active = u.is_active, updated_at = now(), version = p.version + 1
               FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::integer[], $5::bigint[],
                           $6::bigint[], $7::text[], $8::date[], $9::text[], $10::boolean[])
                    AS u(id, name, email, capacity, role_id, department_id, location,
                         hire_date, notes, is_active)
               WHERE p.id = u.id"#,
            &ids,
            &c.names,
            &c.emails as &[Option<String>],
            &c.capacities,
            &c.roles as &[Option<i64>],
            &c.departments as &[Option<i64>],
            &c.locations,
            &c.hire_dates as &[Option<NaiveDate>],
            &c.notes,
            &c.active,
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

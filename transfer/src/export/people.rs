//! The People sheet: one row per person, in the columns of `PEOPLE`, role and department
//! by name, capacity in hours.

use futures::TryStreamExt;
use sqlx::PgConnection;
use wt_domain::transfer::columns::{Field, PEOPLE};
use wt_store::StoreError;
use wt_store::people::{self, Person, PersonFilter};

use super::sink::Value;
use super::{ExportError, Rows};
use crate::import::Stages;

/// Every person `filter` selects, not one page of them.
fn unpaged(filter: &PersonFilter) -> PersonFilter {
    PersonFilter {
        limit: i64::MAX,
        offset: 0,
        ..filter.clone()
    }
}

pub(super) async fn count(
    conn: &mut PgConnection,
    filter: &PersonFilter,
) -> Result<i64, StoreError> {
    people::count(conn, filter).await
}

pub(super) async fn write<S: Stages>(
    conn: &mut PgConnection,
    filter: &PersonFilter,
    rows: &mut Rows<'_, S>,
) -> Result<(), ExportError<S::Stop>> {
    rows.sheet(&PEOPLE, Vec::new()).await?;
    let filter = unpaged(filter);
    let mut people = people::stream(conn, &filter);
    while let Some(person) = people.try_next().await? {
        rows.row(cells(&person)).await?;
    }
    Ok(())
}

fn cells(person: &Person) -> Vec<Value> {
    PEOPLE
        .columns
        .iter()
        .map(|column| match column.field {
            Field::Id => Value::integer(person.id),
            Field::Name => Value::text(&person.name),
            Field::Email => Value::optional_text(person.email.as_deref()),
            Field::WeeklyCapacity => Value::hundredths(i64::from(person.capacity_centihours)),
            Field::Role => Value::optional_text(person.role_name.as_deref()),
            Field::Department => Value::optional_text(person.department_name.as_deref()),
            Field::Location => Value::text(&person.location),
            Field::HireDate => Value::date(person.hire_date),
            Field::Notes => Value::text(&person.notes),
            Field::Active => Value::yes_no(person.is_active),
            _ => Value::Empty,
        })
        .collect()
}

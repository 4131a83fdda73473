//! The People sheet: one row per person, in the columns of `PEOPLE`, role and department
//! by name, capacity in hours.

use futures::TryStreamExt;
use sqlx::PgConnection;
use wt_domain::transfer::columns::{Field, PEOPLE};
use wt_store::listing;
use wt_store::people::{Person, PersonFilter};

use super::sink::Value;
use super::{ExportError, Rows};
use crate::import::Stages;

pub(super) async fn write<S: Stages>(
    conn: &mut PgConnection,
    filter: &PersonFilter,
    rows: &mut Rows<'_, S>,
) -> Result<(), ExportError<S::Stop>> {
    rows.sheet(&PEOPLE, Vec::new()).await?;
    let mut people = listing::stream(conn, filter);
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
            Field::Name => Value::text(&person.fields.name),
            Field::Email => Value::optional_text(person.fields.email.as_deref()),
            Field::WeeklyCapacity => {
                Value::hundredths(i64::from(person.fields.capacity_centihours))
            }
            Field::Role => Value::optional_text(person.shown.role_name.as_deref()),
            Field::Department => Value::optional_text(person.shown.department_name.as_deref()),
            Field::Location => Value::text(&person.fields.location),
            Field::HireDate => Value::date(person.fields.hire_date),
            Field::Notes => Value::text(&person.fields.notes),
            Field::Active => Value::yes_no(person.fields.is_active),
            _ => Value::Empty,
        })
        .collect()
}

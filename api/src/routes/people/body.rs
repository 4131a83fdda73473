//! What a client may send to create or change a person, and the [`Rules`] it is checked
//! by: the name, an optional unique email, a capacity in hours, references that must
//! exist (an active person's role an active one), and a hire date; who may change what;
//! store refusals as problems naming the field.

use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::Value;
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::accounts::Role;
use wt_domain::hours::Hours;
use wt_domain::text::{Email, Location, Notes, PersonName};
use wt_store::StoreError;
use wt_store::people::PersonFields;

use super::People;
use crate::auth::{SignedIn, guard::forbidden};
use crate::extract::nullable;
use crate::problem::{ApiError, FieldError, Problem, field_problem};
use crate::routes::fields;
use crate::routes::resource::Rules;

/// A person as sent by a client; every field optional so one type serves create and PATCH.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonBody {
    name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(nullable)]
    email: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = f64)]
    weekly_capacity: Option<Option<Value>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(nullable)]
    role: Option<Option<i64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(nullable)]
    department: Option<Option<i64>>,
    location: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    hire_date: Option<Option<String>>,
    notes: Option<String>,
    is_active: Option<bool>,
}

impl PersonBody {
    /// Whether the body touches only what a person may change about themselves.
    fn only_contact_details(&self) -> bool {
        self.weekly_capacity.is_none()
            && self.role.is_none()
            && self.department.is_none()
            && self.hire_date.is_none()
            && self.is_active.is_none()
    }
}

impl Rules for People {
    fn blank() -> PersonFields {
        PersonFields {
            name: String::new(),
            email: None,
            capacity_centihours: 3600,
            role_id: None,
            department_id: None,
            location: String::new(),
            hire_date: None,
            notes: String::new(),
            is_active: true,
        }
    }

    fn apply(body: PersonBody, base: PersonFields) -> Result<PersonFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let name = checks.text::<PersonName>("name", body.name, base.name);
        let email = checks.optional_text::<Email>("email", body.email, base.email);
        let capacity = checks.take(capacity(body.weekly_capacity, base.capacity_centihours));
        let role_id = checks.take(fields::reference("role", body.role.unwrap_or(base.role_id)));
        let department_id = checks.take(fields::reference(
            "department",
            body.department.unwrap_or(base.department_id),
        ));
        let location = checks.text::<Location>("location", body.location, base.location);
        let hire_date = checks.take(fields::date("hireDate", body.hire_date, base.hire_date));
        let notes = checks.text::<Notes>("notes", body.notes, base.notes);
        checks.finish()?;
        Ok(PersonFields {
            name,
            email,
            capacity_centihours: capacity,
            role_id,
            department_id,
            location,
            hire_date,
            notes,
            is_active: body.is_active.unwrap_or(base.is_active),
        })
    }

    fn refused(error: StoreError) -> ApiError {
        match &error {
            StoreError::Duplicate(c) if c == "people_email_key" => field_problem(
                StatusCode::CONFLICT,
                "email_taken",
                "email",
                "Another person has this email address.",
            ),
            StoreError::MissingReference(c) if c == "people_role_id_fkey" => field_problem(
                StatusCode::BAD_REQUEST,
                "role_not_found",
                "role",
                "The role does not exist.",
            ),
            StoreError::Invalid(c) if c == "people_role_active" => field_problem(
                StatusCode::BAD_REQUEST,
                "role_inactive",
                "role",
                "The role is inactive. Choose an active role, or reactivate it first.",
            ),
            StoreError::MissingReference(c) if c == "people_department_id_fkey" => field_problem(
                StatusCode::BAD_REQUEST,
                "department_not_found",
                "department",
                "The department does not exist.",
            ),
            _ => error.into(),
        }
    }

    async fn in_use(_db: &PgPool, _id: i64) -> Result<ApiError, ApiError> {
        let detail = "This person has assignments or a user account. Deactivate them instead; their history stays.";
        Ok(Problem::new(StatusCode::CONFLICT, "person_in_use", detail).into())
    }

    /// Managers and admins change anyone; a user changes their own contact details.
    fn may_edit(SignedIn(me): &SignedIn, id: i64, body: &PersonBody) -> Result<(), Problem> {
        let own_profile = me.person_id == Some(id) && body.only_contact_details();
        if me.role.includes(Role::Manager) || own_profile {
            Ok(())
        } else {
            Err(forbidden())
        }
    }
}

/// `null` is checked like any other value (and refused): a person always has a capacity.
fn capacity(raw: Option<Option<Value>>, base: i32) -> Result<i32, FieldError> {
    match raw {
        None => Ok(base),
        Some(value) => Hours::parse_json(&value.unwrap_or(Value::Null))
            .map(|hours| hours.centihours())
            .map_err(|e| FieldError::new("weeklyCapacity", e.code(), e.message())),
    }
}

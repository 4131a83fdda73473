//! `/api/people`: whose time is planned. Anyone who may read lists and opens people;
//! managers and admins create and change them; a user may edit their own linked person's
//! contact details. Deactivating keeps history and stops the person counting; deleting
//! works only for someone nothing refers to.

use axum::extract::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wt_domain::hours::Hours;
use wt_store::people::{self, Person, PersonFilter, PersonSort};
use wt_store::{StoreError, stored_hours};

use crate::auth::{Manager, SignedIn};
use crate::extract::{JsonBody, PageQuery};
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::routes::fields;
use crate::routes::list::{ListPage, SortKey, counted_page, sort_order};
use crate::routes::resource::{RowStamp, Rules};
use crate::state::AppState;

mod body;

pub use body::PersonBody;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonView {
    #[serde(flatten)]
    stamp: RowStamp,
    name: String,
    email: Option<String>,
    #[schema(value_type = f64)]
    weekly_capacity: Hours,
    role: Option<i64>,
    role_name: Option<String>,
    department: Option<i64>,
    department_name: Option<String>,
    location: String,
    hire_date: Option<NaiveDate>,
    notes: String,
    is_active: bool,
}

impl TryFrom<Person> for PersonView {
    type Error = StoreError;

    /// Fails on a stored capacity no week can hold, rather than showing it as zero.
    fn try_from(p: Person) -> Result<Self, StoreError> {
        Ok(PersonView {
            stamp: RowStamp::from(&p),
            name: p.fields.name,
            email: p.fields.email,
            weekly_capacity: stored_hours(
                &format!("person {}", p.id),
                p.fields.capacity_centihours,
            )?,
            role: p.fields.role_id,
            role_name: p.shown.role_name,
            department: p.fields.department_id,
            department_name: p.shown.department_name,
            location: p.fields.location,
            hire_date: p.fields.hire_date,
            notes: p.fields.notes,
            is_active: p.fields.is_active,
        })
    }
}

/// The filters and order of the people list, shared by `GET /api/exports/people`.
#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    department: Option<i64>,
    include_children: Option<bool>,
    role: Option<i64>,
    search: Option<String>,
    active: Option<bool>,
    /// name, weeklyCapacity, department or createdAt; `-` first to reverse.
    sort: Option<String>,
}

impl PeopleQuery {
    /// The store filter these parameters ask for (every row: the caller pages it).
    pub fn filter(self) -> Result<PersonFilter, Problem> {
        Ok(PersonFilter {
            department_id: self.department,
            include_children: self.include_children.unwrap_or(false),
            role_id: self.role,
            search: fields::search(self.search),
            active: self.active,
            sort: sort_order(self.sort.as_deref(), &SORT_KEYS)?,
        })
    }
}

/// The sort keys a client may ask for.
const SORT_KEYS: [SortKey<PersonSort>; 4] = [
    ("name", PersonSort::Name, PersonSort::NameDesc),
    (
        "weeklyCapacity",
        PersonSort::Capacity,
        PersonSort::CapacityDesc,
    ),
    (
        "department",
        PersonSort::Department,
        PersonSort::DepartmentDesc,
    ),
    ("createdAt", PersonSort::Oldest, PersonSort::Newest),
];

/// People as a resource; its [`Rules`](crate::routes::resource::Rules) are in `body`.
pub struct People;

impl People {
    /// The page of people `query` asks for.
    async fn list(
        state: &AppState,
        (paging, query): (PageQuery, PeopleQuery),
    ) -> Result<ListPage<PersonView>, ApiError> {
        // Departments count too: a department filter takes in its sub-departments.
        let counted_from: &[&str] = &["people", "departments"];
        counted_page(state, query.filter()?, paging, Some(counted_from)).await
    }
}

crate::resource_endpoints! {
    resource = People, noun = "The person", row = Person, tag = "people", path = "/api/people",
    item = "/api/people/{id}", view = PersonView, body = PersonBody, editor = SignedIn,
    list = ((PageQuery, PeopleQuery), ListPage<PersonView>),
}

/// Most people one bulk request may move.
const BULK_LIMIT: usize = 1000;

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkDepartment {
    people: Vec<i64>,
    department: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct BulkResult {
    updated: u64,
}

/// `POST /api/people/bulk-department`: moves many people to one department in one
/// transaction; an unknown person or department changes nothing.
#[utoipa::path(
    post, path = "/api/people/bulk-department", tag = "people",
    request_body = BulkDepartment,
    responses((status = 200, description = "Everyone listed was moved", body = BulkResult),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 413, response = r::PayloadTooLarge))
)]
pub async fn bulk_department(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<BulkDepartment>,
) -> Result<axum::Json<BulkResult>, ApiError> {
    let mut ids = body.people;
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() || ids.len() > BULK_LIMIT || ids.iter().any(|id| *id <= 0) {
        let message = format!("List between 1 and {BULK_LIMIT} people by their ids.");
        return Err(
            invalid_fields(vec![FieldError::new("people", "invalid_people", message)]).into(),
        );
    }
    fields::reference("department", body.department).map_err(|e| invalid_fields(vec![e]))?;
    let mut tx = state.db.begin().await?;
    let known = people::lock_existing(&mut *tx, &ids).await?;
    if usize::try_from(known).ok() != Some(ids.len()) {
        let message = "Some of these people do not exist.";
        return Err(
            invalid_fields(vec![FieldError::new("people", "person_not_found", message)]).into(),
        );
    }
    let updated = people::set_department(&mut *tx, &ids, body.department)
        .await
        .map_err(People::refused)?;
    tx.commit().await?;
    Ok(axum::Json(BulkResult { updated }))
}

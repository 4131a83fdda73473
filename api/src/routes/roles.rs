//! `/api/roles`: the job roles people hold. Managers and admins change them. A role can be
//! deleted only while nobody holds it, and deactivated only while no active person does.

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::ToSchema;
use wt_domain::text::{Description, RoleName};
use wt_store::StoreError;
use wt_store::roles::{Role, RoleFields};

use crate::extract::PageQuery;
use crate::problem::{ApiError, FieldError, Problem};
use crate::routes::fields;
use crate::routes::list::{ListPage, NameListQuery};
use crate::routes::resource::{Rules, refused_name};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleView {
    id: i64,
    name: String,
    description: String,
    is_active: bool,
    version: i64,
}

impl From<Role> for RoleView {
    fn from(r: Role) -> Self {
        RoleView {
            id: r.id,
            name: r.fields.name,
            description: r.fields.description,
            is_active: r.fields.is_active,
            version: r.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleBody {
    name: Option<String>,
    description: Option<String>,
    is_active: Option<bool>,
}

/// Job roles as a [`Rules`]; a role held by active people stays active.
pub struct Roles;

impl Rules for Roles {
    fn blank() -> RoleFields {
        RoleFields {
            name: String::new(),
            description: String::new(),
            is_active: true,
        }
    }

    fn apply(body: RoleBody, base: RoleFields) -> Result<RoleFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let name = checks.text::<RoleName>("name", body.name, base.name);
        let description =
            checks.text::<Description>("description", body.description, base.description);
        checks.finish()?;
        Ok(RoleFields {
            name,
            description,
            is_active: body.is_active.unwrap_or(base.is_active),
        })
    }

    /// The database refuses to deactivate a role active people hold
    /// (`roles_active_holders`), even one given to someone while the update ran.
    fn refused(error: StoreError) -> ApiError {
        match &error {
            StoreError::Invalid(c) if c == "roles_active_holders" => {
                in_use("Active people hold this role. Give them another role first.")
            }
            _ => refused_name(error, "roles_name_key", "Another role has this name."),
        }
    }

    async fn in_use(_db: &PgPool, _id: i64) -> Result<ApiError, ApiError> {
        Ok(in_use("People hold this role. Deactivate it instead."))
    }
}

impl Roles {
    /// The list `query` asks for.
    async fn list(
        state: &AppState,
        (paging, query): (PageQuery, NameListQuery),
    ) -> Result<ListPage<RoleView>, ApiError> {
        query.page::<RoleFields, _>(&state.db, paging).await
    }
}

fn in_use(detail: &str) -> ApiError {
    Problem::new(StatusCode::CONFLICT, "role_in_use", detail).into()
}

crate::resource_endpoints!(
    resource = Roles, noun = "The role", row = Role, tag = "roles", path = "/api/roles", item = "/api/roles/{id}",
    view = RoleView, body = RoleBody, list = ((PageQuery, NameListQuery), ListPage<RoleView>),
);

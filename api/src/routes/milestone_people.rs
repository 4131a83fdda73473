//! `/api/deliverables/{id}/people`: the people linked to a milestone, each in a role.
//! Readers see them; managers and admins link and unlink. Links carry no hours: hours live
//! on assignments only.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wt_domain::text::RoleOnMilestone;
use wt_store::StoreError;
use wt_store::deliverables::{self, LinkedPerson};

use crate::auth::{Manager, Reader};
use crate::extract::{JsonBody, PathId};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::routes::deliverables::load;
use crate::routes::fields;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    id: i64,
    person: i64,
    person_name: String,
    role_on_milestone: String,
}

impl From<LinkedPerson> for LinkView {
    fn from(l: LinkedPerson) -> Self {
        LinkView {
            id: l.id,
            person: l.person_id,
            person_name: l.person_name,
            role_on_milestone: l.role_on_milestone,
        }
    }
}

#[utoipa::path(
    get, path = "/api/deliverables/{id}/people", tag = "deliverables",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = Vec<LinkView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn people(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
) -> Result<axum::Json<Vec<LinkView>>, ApiError> {
    load(&state, id).await?;
    let rows = deliverables::people(&state.db, id).await?;
    Ok(axum::Json(rows.into_iter().map(LinkView::from).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LinkBody {
    person: i64,
    #[serde(default)]
    role_on_milestone: String,
}

#[utoipa::path(
    post, path = "/api/deliverables/{id}/people", tag = "deliverables",
    params(("id" = i64, Path)),
    request_body = LinkBody,
    responses((status = 201, description = "Linked", body = LinkView),
        (status = 400, response = r::BadRequest),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge))
)]
pub async fn link(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    JsonBody(body): JsonBody<LinkBody>,
) -> Result<(StatusCode, axum::Json<LinkView>), ApiError> {
    load(&state, id).await?;
    let role = fields::stored::<RoleOnMilestone>("roleOnMilestone", body.role_on_milestone)
        .map_err(|e| invalid_fields(vec![e]))?;
    match deliverables::link_person(&state.db, id, body.person, &role).await {
        Ok(link) => {
            let linked = deliverables::people(&state.db, id).await?;
            let view = linked
                .into_iter()
                .find(|person| person.id == link)
                .map(LinkView::from)
                .ok_or_else(|| Problem::not_found("The link"))?;
            Ok((StatusCode::CREATED, axum::Json(view)))
        }
        Err(StoreError::Duplicate(_)) => Err(Problem::new(
            StatusCode::CONFLICT,
            "already_linked",
            "This person is already linked in this role.",
        )
        .into()),
        Err(StoreError::MissingReference(c)) if c == "deliverable_assignments_person_id_fkey" => {
            let message = "The person does not exist.";
            Err(invalid_fields(vec![FieldError::new("person", "person_not_found", message)]).into())
        }
        // The deliverable was deleted since it was loaded.
        Err(StoreError::MissingReference(_)) => Err(Problem::not_found("The deliverable").into()),
        Err(other) => Err(other.into()),
    }
}

#[utoipa::path(
    delete, path = "/api/deliverables/{id}/people/{link}", tag = "deliverables",
    params(("id" = i64, Path), ("link" = i64, Path)),
    responses((status = 204, description = "Unlinked"), (status = 400, response = r::BadRequest),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound))
)]
pub async fn unlink(
    State(state): State<AppState>,
    Manager(_): Manager,
    Path((id, link)): Path<(i64, i64)>,
) -> Result<StatusCode, ApiError> {
    if deliverables::unlink_person(&state.db, id, link).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(Problem::not_found("The link").into())
    }
}

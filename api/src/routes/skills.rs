//! `/api/skills` (the skill tags) and `/api/people/{id}/skills` (what a person can do).
//! Readers see both; managers and admins change them.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wt_store::StoreError;
use wt_store::skills::{self, PersonSkill, SkillTag};

use crate::auth::{Manager, Reader};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::extract::{JsonBody, PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::routes::fields;
use crate::state::AppState;

const KINDS: [&str; 3] = ["strength", "development", "learning"];
const LEVELS: [&str; 4] = ["beginner", "intermediate", "advanced", "expert"];

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SkillView {
    id: i64,
    name: String,
    category: String,
    version: i64,
}

impl From<SkillTag> for SkillView {
    fn from(t: SkillTag) -> Self {
        SkillView {
            id: t.id,
            name: t.name,
            category: t.category,
            version: t.version,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    search: Option<String>,
}

#[utoipa::path(
    get, path = "/api/skills", tag = "skills",
    params(SearchQuery),
    responses((status = 200, description = "OK", body = Vec<SkillView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized)),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<SearchQuery>,
) -> Result<axum::Json<Vec<SkillView>>, ApiError> {
    let search = fields::search(query.search);
    let tags = skills::list_tags(&state.db, search.as_deref()).await?;
    Ok(axum::Json(tags.into_iter().map(SkillView::from).collect()))
}

#[utoipa::path(
    get, path = "/api/skills/{id}", tag = "skills",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = SkillView),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound)),
    security(("bearer" = []))
)]
pub async fn show(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let tag = skills::find_tag(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The skill"))?;
    Ok(fresh(&headers, tag.version, SkillView::from(tag)))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SkillBody {
    name: Option<String>,
    category: Option<String>,
}

fn checked(body: SkillBody, name: &str, category: &str) -> Result<(String, String), ApiError> {
    let mut checks = fields::Checks::default();
    let name = checks.take(fields::name(
        "name",
        body.name.as_deref().unwrap_or(name),
        100,
    ));
    let category = checks.take(fields::text(
        "category",
        body.category
            .unwrap_or_else(|| category.to_owned())
            .trim()
            .to_owned(),
        100,
    ));
    checks.finish().map_err(invalid_fields)?;
    Ok((name, category))
}

fn refused(error: StoreError) -> ApiError {
    match &error {
        StoreError::Duplicate(c) if c == "skill_tags_name_key" => {
            let message = "Another skill has this name.";
            Problem::new(StatusCode::CONFLICT, "name_taken", message)
                .with_errors(vec![FieldError::new("name", "name_taken", message)])
                .into()
        }
        _ => error.into(),
    }
}

#[utoipa::path(
    post, path = "/api/skills", tag = "skills",
    request_body = SkillBody,
    responses((status = 201, description = "Created; `Location` names it", body = SkillView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 409, response = r::Conflict),
        (status = 413, response = r::PayloadTooLarge)),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<SkillBody>,
) -> Result<Response, ApiError> {
    let (name, category) = checked(body, "", "")?;
    let tag = skills::insert_tag(&state.db, &name, &category)
        .await
        .map_err(refused)?;
    Ok(created(
        format!("/api/skills/{}", tag.id),
        tag.version,
        SkillView::from(tag),
    ))
}

#[utoipa::path(
    patch, path = "/api/skills/{id}", tag = "skills",
    params(("id" = i64, Path)),
    request_body = SkillBody,
    responses((status = 200, description = "OK", body = SkillView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 409, response = r::Conflict), (status = 412, response = r::PreconditionFailed),
        (status = 413, response = r::PayloadTooLarge)),
    security(("bearer" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
    JsonBody(body): JsonBody<SkillBody>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let current = skills::find_tag(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The skill"))?;
    let (name, category) = checked(body, &current.name, &current.category)?;
    let tag = skills::update_tag(
        &state.db,
        id,
        &name,
        &category,
        expected.unwrap_or(current.version),
    )
    .await
    .map_err(refused)?
    .ok_or_else(precondition_failed)?;
    Ok(tagged(tag.version, SkillView::from(tag)))
}

#[utoipa::path(
    delete, path = "/api/skills/{id}", tag = "skills",
    params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"), (status = 400, response = r::BadRequest),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound),
        (status = 409, response = r::Conflict),
        (status = 412, response = r::PreconditionFailed)),
    security(("bearer" = []))
)]
/// Deletes a skill nobody has; a skill people have is refused, as their profiles hang on it.
pub async fn delete(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let expected = if_match(&headers)?;
    let current = skills::find_tag(&state.db, id)
        .await?
        .ok_or_else(|| Problem::not_found("The skill"))?;
    if expected.is_some_and(|version| version != current.version) {
        return Err(precondition_failed().into());
    }
    if skills::delete_unused_tag(&state.db, id, Some(current.version)).await? {
        return Ok(StatusCode::NO_CONTENT);
    }
    let detail = match skills::holders(&state.db, id).await? {
        0 => return Err(precondition_failed().into()),
        1 => "One person has this skill. Take it off their profile first.".to_owned(),
        n => format!("{n} people have this skill. Take it off their profiles first."),
    };
    Err(Problem::new(StatusCode::CONFLICT, "skill_in_use", detail).into())
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonSkillView {
    skill: i64,
    name: String,
    category: String,
    kind: String,
    level: String,
}

impl From<PersonSkill> for PersonSkillView {
    fn from(s: PersonSkill) -> Self {
        PersonSkillView {
            skill: s.skill_tag_id,
            name: s.name,
            category: s.category,
            kind: s.kind,
            level: s.level,
        }
    }
}

#[utoipa::path(
    get, path = "/api/people/{id}/skills", tag = "skills",
    params(("id" = i64, Path)),
    responses((status = 200, description = "OK", body = Vec<PersonSkillView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized)),
    security(("bearer" = []))
)]
pub async fn of_person(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(person): PathId,
) -> Result<axum::Json<Vec<PersonSkillView>>, ApiError> {
    let found = skills::of_person(&state.db, person).await?;
    Ok(axum::Json(
        found.into_iter().map(PersonSkillView::from).collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonSkillBody {
    skill: i64,
    /// strength, development or learning.
    #[serde(default = "default_kind")]
    kind: String,
    /// beginner, intermediate, advanced or expert.
    #[serde(default = "default_level")]
    level: String,
}

fn default_kind() -> String {
    "strength".to_owned()
}

fn default_level() -> String {
    "intermediate".to_owned()
}

/// `PUT /api/people/{id}/skills`: gives the person a skill, or changes its kind and level.
#[utoipa::path(
    put, path = "/api/people/{id}/skills", tag = "skills",
    params(("id" = i64, Path)),
    request_body = PersonSkillBody,
    responses((status = 200, description = "The person's skills after the change", body = Vec<PersonSkillView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
        (status = 413, response = r::PayloadTooLarge)),
    security(("bearer" = []))
)]
pub async fn set_for_person(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(person): PathId,
    JsonBody(body): JsonBody<PersonSkillBody>,
) -> Result<axum::Json<Vec<PersonSkillView>>, ApiError> {
    let mut errors = Vec::new();
    if !KINDS.contains(&body.kind.as_str()) {
        errors.push(FieldError::new(
            "kind",
            "invalid_choice",
            format!("Choose one of {}.", KINDS.join(", ")),
        ));
    }
    if !LEVELS.contains(&body.level.as_str()) {
        errors.push(FieldError::new(
            "level",
            "invalid_choice",
            format!("Choose one of {}.", LEVELS.join(", ")),
        ));
    }
    if !errors.is_empty() {
        return Err(invalid_fields(errors).into());
    }
    match skills::set_person_skill(&state.db, person, body.skill, &body.kind, &body.level).await {
        Ok(()) => {}
        Err(StoreError::MissingReference(c)) if c == "person_skills_person_id_fkey" => {
            return Err(Problem::not_found("The person").into());
        }
        Err(StoreError::MissingReference(_)) => {
            let message = "The skill does not exist.";
            return Err(
                invalid_fields(vec![FieldError::new("skill", "skill_not_found", message)]).into(),
            );
        }
        Err(other) => return Err(other.into()),
    }
    let found = skills::of_person(&state.db, person).await?;
    Ok(axum::Json(
        found.into_iter().map(PersonSkillView::from).collect(),
    ))
}

#[utoipa::path(
    delete, path = "/api/people/{id}/skills/{skill}", tag = "skills",
    params(("id" = i64, Path), ("skill" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 400, response = r::BadRequest),
        (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
        (status = 404, response = r::NotFound)),
    security(("bearer" = []))
)]
pub async fn remove_from_person(
    State(state): State<AppState>,
    Manager(_): Manager,
    Path((person, skill)): Path<(i64, i64)>,
) -> Result<StatusCode, ApiError> {
    if skills::remove_person_skill(&state.db, person, skill).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(Problem::not_found("The person's skill").into())
    }
}

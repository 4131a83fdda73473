//! `/api/skills` (the skill tags) and `/api/people/{id}/skills` (what a person can do).
//! Readers see both; managers and admins change them.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::{IntoParams, ToSchema};
use wt_domain::text::{SkillCategory, SkillName};
use wt_store::StoreError;
use wt_store::skills::{self, PersonSkill, SkillFields, SkillTag};

use crate::auth::{Manager, Reader};
use crate::conditional::precondition_failed;
use crate::extract::{JsonBody, PathId};
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::routes::fields;
use crate::routes::resource::{Rules, refused_name};
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
            name: t.fields.name,
            category: t.fields.category,
            version: t.version,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    search: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SkillBody {
    name: Option<String>,
    category: Option<String>,
}

/// Skill tags as a [`Rules`]; a tag people have cannot be deleted.
pub struct Skills;

impl Rules for Skills {
    fn blank() -> SkillFields {
        SkillFields {
            name: String::new(),
            category: String::new(),
        }
    }

    fn apply(body: SkillBody, base: SkillFields) -> Result<SkillFields, Vec<FieldError>> {
        let mut checks = fields::Checks::default();
        let name = checks.text::<SkillName>("name", body.name, base.name);
        let category = checks.text::<SkillCategory>("category", body.category, base.category);
        checks.finish()?;
        Ok(SkillFields { name, category })
    }

    fn refused(error: StoreError) -> ApiError {
        refused_name(error, "skill_tags_name_key", "Another skill has this name.")
    }

    /// Names how many people hold the skill; none means the delete lost to a change.
    async fn in_use(db: &PgPool, id: i64) -> Result<ApiError, ApiError> {
        let detail = match skills::holders(db, id).await? {
            0 => return Ok(precondition_failed().into()),
            1 => "One person has this skill. Take it off their profile first.".to_owned(),
            n => format!("{n} people have this skill. Take it off their profiles first."),
        };
        Ok(Problem::new(StatusCode::CONFLICT, "skill_in_use", detail).into())
    }
}

impl Skills {
    /// The list `query` asks for.
    async fn list(
        state: &AppState,
        (query,): (SearchQuery,),
    ) -> Result<Vec<SkillView>, StoreError> {
        let search = fields::search(query.search);
        let tags = skills::list_tags(&state.db, search.as_deref()).await?;
        Ok(tags.into_iter().map(SkillView::from).collect())
    }
}

crate::resource_endpoints!(
    resource = Skills, noun = "The skill", row = SkillTag, tag = "skills", path = "/api/skills", item = "/api/skills/{id}",
    view = SkillView, body = SkillBody, list = ((SearchQuery), Vec<SkillView>),
    delete_summary = " Deletes a skill nobody has; a skill people have is refused, as their profiles hang on it.",
);

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
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
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
        (status = 413, response = r::PayloadTooLarge))
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
        (status = 404, response = r::NotFound))
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

//! `GET /api/projects/{id}/candidates`: who could join a project. Active people not on it,
//! with capacity, planned and free hours over 1 to 52 weeks and the wanted skills they
//! have, ranked by the database (most matched skills, then most free hours).

use std::collections::HashMap;

use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wt_domain::hours::{Hours, HoursTotal};
use wt_domain::weeks::Week;
use wt_store::candidates::{self, CandidateSearch, MatchedSkill};
use wt_store::{StoreError, stored_hours};

use crate::auth::Reader;
use crate::extract::{PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::ApiError;
use crate::routes::fields;
use crate::routes::grid::{MAX_WEEKS, bad, window};
use crate::routes::projects::Projects;
use crate::routes::resource::found;
use crate::state::AppState;

/// Most skills one search may name.
const MAX_SKILLS: usize = 50;
const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 200;

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct CandidateQuery {
    /// The first Sunday (default: this week).
    #[param(value_type = Option<chrono::NaiveDate>)]
    start: Option<String>,
    /// How many weeks, 1 to 52 (default 4).
    weeks: Option<u32>,
    /// Comma-separated skill ids; only people with at least one of them are listed.
    skills: Option<String>,
    department: Option<i64>,
    /// With `department`: people in its sub-departments too (default true).
    include_children: Option<bool>,
    search: Option<String>,
    /// How many candidates, 1 to 200 (default 50).
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MatchedSkillView {
    id: i64,
    name: String,
    kind: String,
    level: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CandidateView {
    id: i64,
    name: String,
    department_name: Option<String>,
    role_name: Option<String>,
    #[schema(value_type = f64)]
    weekly_capacity: Hours,
    /// Capacity over the window.
    #[schema(value_type = f64)]
    capacity: HoursTotal,
    #[schema(value_type = f64)]
    planned: HoursTotal,
    /// Capacity minus planned; negative when already over-allocated.
    #[schema(value_type = f64)]
    free: HoursTotal,
    matched_skills: Vec<MatchedSkillView>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CandidatesView {
    #[schema(value_type = Vec<chrono::NaiveDate>)]
    week_keys: Vec<Week>,
    items: Vec<CandidateView>,
}

/// `1,2,3` as skill ids: positive, at most [`MAX_SKILLS`], duplicates dropped.
fn skill_ids(raw: Option<&str>) -> Result<Vec<i64>, ApiError> {
    let mut ids = Vec::new();
    for part in raw.unwrap_or("").split(',').map(str::trim) {
        if part.is_empty() {
            continue;
        }
        match part.parse::<i64>() {
            Ok(id) if id > 0 => ids.push(id),
            _ => {
                return Err(bad(format!(
                    "skills must be skill ids; {part:?} is not one."
                )));
            }
        }
    }
    ids.sort_unstable();
    ids.dedup();
    if ids.len() > MAX_SKILLS {
        return Err(bad(format!("Ask for at most {MAX_SKILLS} skills.")));
    }
    Ok(ids)
}

fn limit(raw: Option<i64>) -> Result<i64, ApiError> {
    match raw.unwrap_or(DEFAULT_LIMIT) {
        n if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        _ => Err(bad(format!("limit must be between 1 and {MAX_LIMIT}."))),
    }
}

fn skills_by_person(rows: Vec<MatchedSkill>) -> HashMap<i64, Vec<MatchedSkillView>> {
    let mut by_person: HashMap<i64, Vec<MatchedSkillView>> = HashMap::new();
    for row in rows {
        by_person
            .entry(row.person_id)
            .or_default()
            .push(MatchedSkillView {
                id: row.skill_id,
                name: row.name,
                kind: row.kind,
                level: row.level,
            });
    }
    by_person
}

#[utoipa::path(
    get, path = "/api/projects/{id}/candidates", tag = "projects",
    params(("id" = i64, Path), CandidateQuery),
    responses((status = 200, description = "OK", body = CandidatesView),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn candidates(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
    QueryParams(query): QueryParams<CandidateQuery>,
) -> Result<axum::Json<CandidatesView>, ApiError> {
    let weeks = window(
        query.start.as_deref(),
        query.weeks.unwrap_or(4),
        1..=MAX_WEEKS,
    )?;
    let search = CandidateSearch {
        project_id: found::<Projects>(&state.db, id).await?.id,
        first_week: weeks[0].as_date(),
        last_week: weeks[weeks.len() - 1].as_date(),
        weeks: weeks.len() as i32,
        skills: skill_ids(query.skills.as_deref())?,
        department_id: query.department,
        include_children: query.include_children.unwrap_or(true),
        search: fields::search(query.search),
        limit: limit(query.limit)?,
    };
    let found = candidates::rank(&state.db, &search).await?;
    let ids: Vec<i64> = found.iter().map(|c| c.id).collect();
    let mut skills =
        skills_by_person(candidates::matched_skills(&state.db, &ids, &search.skills).await?);
    let items = found
        .into_iter()
        .map(|c| {
            let weekly = i64::from(c.weekly_capacity_centihours);
            let capacity = HoursTotal::from_centihours(weekly * i64::from(search.weeks));
            let planned = HoursTotal::from_centihours(c.planned_centihours);
            Ok(CandidateView {
                matched_skills: skills.remove(&c.id).unwrap_or_default(),
                id: c.id,
                name: c.name,
                department_name: c.department_name,
                role_name: c.role_name,
                weekly_capacity: stored_hours(
                    &format!("person {}", c.id),
                    c.weekly_capacity_centihours,
                )?,
                free: HoursTotal::from_centihours(capacity.centihours() - planned.centihours()),
                capacity,
                planned,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(axum::Json(CandidatesView {
        week_keys: weeks,
        items,
    }))
}

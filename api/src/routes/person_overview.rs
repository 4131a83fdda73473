//! `GET /api/people/{id}/overview`: everything the person page shows in one request: the
//! person, their weeks (hours against capacity, with the band every screen uses), their
//! assignments and their skills. Read concurrently, each from its own store query.

use axum::Json;
use axum::extract::State;

use serde::Serialize;
use utoipa::ToSchema;
use wt_analytics::{PersonWeek, person_weeks};
use wt_store::assignments::{self, AssignmentFilter};
use wt_store::people::Person;
use wt_store::skills;
use wt_store::stored::Stored;

use crate::auth::Reader;
use crate::extract::{PathId, QueryParams};
use crate::openapi::responses as r;
use crate::problem::{ApiError, Problem};
use crate::routes::aggregates::WeeksQuery;
use crate::routes::assignments::AssignmentView;
use crate::routes::people::PersonView;
use crate::routes::skills::PersonSkillView;
use crate::state::AppState;

/// The most active assignments the page lists: far more than anyone holds at once.
const ASSIGNMENTS_SHOWN: i64 = 500;

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonOverview {
    person: PersonView,
    /// From `start` (default this week), `weeks` weeks (default 12).
    weeks: Vec<PersonWeek>,
    /// Their active assignments (at most 500).
    assignments: Vec<AssignmentView>,
    skills: Vec<PersonSkillView>,
}

#[utoipa::path(
    get, path = "/api/people/{id}/overview", tag = "people",
    params(("id" = i64, Path), WeeksQuery),
    responses((status = 200, description = "OK", body = PersonOverview),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 404, response = r::NotFound))
)]
pub async fn overview(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
    QueryParams(window): QueryParams<WeeksQuery>,
) -> Result<Json<PersonOverview>, ApiError> {
    let (start, weeks) = window.parse()?;
    let bands = &state.settings.utilization_bands;
    let filter = AssignmentFilter {
        person_id: Some(id),
        project_id: None,
        active: Some(true),
        limit: ASSIGNMENTS_SHOWN,
        offset: 0,
    };
    let mut conn = state.db.acquire().await?;
    let (person, planned, (held, _), skills) = tokio::try_join!(
        async { Ok::<_, ApiError>(Person::find(&state.db, id).await?) },
        async { Ok(person_weeks(&state.aggregates_db, bands, id, start, weeks).await?) },
        async { Ok(assignments::list(&mut conn, &filter).await?) },
        async { Ok(skills::of_person(&state.db, id).await?) },
    )?;
    let (Some(person), Some(planned)) = (person, planned) else {
        return Err(Problem::not_found("The person").into());
    };
    Ok(Json(PersonOverview {
        person: PersonView::try_from(person)?,
        weeks: planned.weeks,
        assignments: held.into_iter().map(AssignmentView::from).collect(),
        skills: skills.into_iter().map(PersonSkillView::from).collect(),
    }))
}

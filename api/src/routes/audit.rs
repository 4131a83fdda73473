//! `GET /api/audit`: the audit trail, newest first, for admins.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use crate::auth::Admin;
use crate::extract::{PageQuery, QueryParams};
use crate::openapi::responses as r;
use crate::problem::ApiError;
use crate::routes::list::ListPage;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct ActorView {
    id: i64,
    username: String,
}

#[derive(Serialize, ToSchema)]
pub struct TargetView {
    #[serde(rename = "type")]
    kind: String,
    id: Option<i64>,
    label: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    id: i64,
    actor: Option<ActorView>,
    action: String,
    target: TargetView,
    details: Value,
    created_at: DateTime<Utc>,
}

impl From<wt_store::audit::Event> for EventView {
    fn from(event: wt_store::audit::Event) -> Self {
        let actor = event
            .actor_id
            .zip(event.actor_username)
            .map(|(id, username)| ActorView { id, username });
        EventView {
            id: event.id,
            actor,
            action: event.action,
            target: TargetView {
                kind: event.target_type,
                id: event.target_id,
                label: event.target_label,
            },
            details: event.details,
            created_at: event.created_at,
        }
    }
}

#[utoipa::path(
    get, path = "/api/audit", tag = "audit",
    params(PageQuery),
    responses((status = 200, description = "OK", body = ListPage<EventView>),
        (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
        (status = 403, response = r::Forbidden))
)]
pub async fn list(
    State(state): State<AppState>,
    Admin(_): Admin,
    QueryParams(query): QueryParams<PageQuery>,
) -> Result<Json<ListPage<EventView>>, ApiError> {
    let page = query.page(50);
    let (events, total) = wt_store::audit::list(&state.db, page.page_size, page.offset()).await?;
    Ok(Json(ListPage::new(
        events.into_iter().map(EventView::from).collect(),
        page,
        total,
    )))
}

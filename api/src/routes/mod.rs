//! One module per resource; `api_router` mounts them under `/api`.

pub mod health;
pub mod jobs;

use axum::Router;
use axum::routing::{any, get, post};

use crate::problem::Problem;
use crate::state::AppState;

/// Every `/api` route. Unknown `/api` paths answer a 404 problem, never the web app.
pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health::health))
        .route("/api/jobs/warm-cache", post(jobs::warm_cache))
        .route("/api/jobs/{id}", get(jobs::show))
        .route("/api", any(unknown_api_path))
        .route("/api/{*rest}", any(unknown_api_path))
}

async fn unknown_api_path() -> Problem {
    Problem::not_found("This API path")
}

//! `GET /api/health`: liveness and readiness for load balancers, the status page and
//! `make run`. Checks PostgreSQL, Redis and worker heartbeats concurrently, each bounded
//! in time, and answers 200 when all are up and 503 naming what is down.

use std::time::{Duration, Instant};

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use wt_jobs::heartbeat;

use crate::state::AppState;

/// No check may hold the answer longer than this.
const CHECK_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    latency_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

impl Check {
    fn up(started: Instant, detail: Option<String>) -> Self {
        Check {
            status: "up",
            latency_ms: Some((started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0),
            detail,
        }
    }

    fn down(detail: impl Into<String>) -> Self {
        Check {
            status: "down",
            latency_ms: None,
            detail: Some(detail.into()),
        }
    }

    fn is_up(&self) -> bool {
        self.status == "up"
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Checks {
    database: Check,
    redis: Check,
    worker: Check,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HealthReport {
    status: &'static str,
    version: &'static str,
    checks: Checks,
}

#[utoipa::path(
    get, path = "/api/health", tag = "health",
    responses((status = 200, description = "All checks are up", body = HealthReport),
        (status = 503, description = "Something is down", body = HealthReport))
)]
pub async fn health(State(state): State<AppState>) -> Response {
    let (database, (redis, worker)) = tokio::join!(check_database(&state), check_redis(&state));
    let ok = database.is_up() && redis.is_up() && worker.is_up();
    let report = HealthReport {
        status: if ok { "ok" } else { "degraded" },
        version: env!("CARGO_PKG_VERSION"),
        checks: Checks {
            database,
            redis,
            worker,
        },
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let mut response = (status, Json(report)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn check_database(state: &AppState) -> Check {
    let started = Instant::now();
    let ping = sqlx::query("SELECT 1").execute(&state.db);
    match tokio::time::timeout(CHECK_TIMEOUT, ping).await {
        Ok(Ok(_)) => Check::up(started, None),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health: database check failed");
            Check::down("PostgreSQL is unreachable")
        }
        Err(_) => Check::down("PostgreSQL did not answer within 2 s"),
    }
}

/// Checks Redis, then the worker heartbeats that live in it.
async fn check_redis(state: &AppState) -> (Check, Check) {
    let started = Instant::now();
    let probe = async {
        let mut conn = state.redis.connection().await.map_err(|e| e.to_string())?;
        let _: String = redis::cmd("PING")
            .query_async(&mut conn)
            .await
            .map_err(|e| e.to_string())?;
        let redis_latency = Check::up(started, None);
        let window = state.settings.jobs.worker_timeout();
        let alive = heartbeat::alive(&mut conn, state.namespace(), window)
            .await
            .map_err(|e| e.to_string())?;
        Ok::<_, String>((redis_latency, alive, window))
    };
    match tokio::time::timeout(CHECK_TIMEOUT, probe).await {
        Ok(Ok((redis, alive, window))) => {
            let worker = if alive > 0 {
                Check::up(started, Some(format!("{alive} worker(s) alive")))
            } else {
                Check::down(format!(
                    "no worker heartbeat in the last {} s",
                    window.as_secs()
                ))
            };
            (redis, worker)
        }
        Ok(Err(error)) => {
            tracing::warn!(%error, "health: Redis check failed");
            (
                Check::down("Redis is unreachable"),
                Check::down("unknown: worker heartbeats live in Redis"),
            )
        }
        Err(_) => (
            Check::down("Redis did not answer within 2 s"),
            Check::down("unknown: worker heartbeats live in Redis"),
        ),
    }
}

//! The HTTP surface of the skeleton against the real PostgreSQL and Redis: health (all
//! up, Redis down, no worker), jobs, problem+json for bad ids, request ids, the web app
//! fallback with its caching, and the refusal of insecure production settings.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clap::Parser;
use http_body_util::BodyExt;
use serde_json::Value;
use sqlx::PgPool;
use tower::ServiceExt;
use wt_api::AppState;
use wt_runtime::Settings;

#[derive(Parser)]
struct TestCli {
    #[command(flatten)]
    settings: Settings,
}

fn settings(extra: &[&str]) -> Settings {
    let namespace = format!("--queue-namespace=test-{}", uuid::Uuid::new_v4());
    let mut args = vec!["test", "--debug=true", namespace.as_str()];
    args.extend_from_slice(extra);
    TestCli::try_parse_from(args)
        .expect("valid test settings")
        .settings
}

fn app_with(pool: PgPool, settings: Settings, dist: &std::path::Path) -> (AppState, TestApp) {
    let state = AppState::new(settings, pool, dist.to_path_buf()).expect("valid state");
    (state.clone(), TestApp(wt_api::router(state)))
}

struct TestApp(tower_http::normalize_path::NormalizePath<axum::Router>);

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", |v| v.to_str().unwrap())
    }
}

impl TestApp {
    async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.0.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }
}

fn no_dist() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

async fn publish_heartbeat(state: &AppState) {
    let mut conn = state.redis.connection().await.expect("Redis is running");
    wt_jobs::heartbeat::publish(&mut conn, &state.queues.namespace, "test-worker")
        .await
        .unwrap();
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn health_is_ok_when_database_redis_and_a_worker_are_up(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    publish_heartbeat(&state).await;
    for path in ["/api/health", "/api/health/"] {
        let answer = app.get(path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        let body = answer.json();
        assert_eq!(body["status"], "ok");
        assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
        for check in ["database", "redis", "worker"] {
            assert_eq!(body["checks"][check]["status"], "up", "{check}: {body}");
        }
        assert_eq!(answer.header("cache-control"), "no-store");
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn health_names_redis_when_it_is_down(pool: PgPool) {
    let dist = no_dist();
    // Port 1 is closed: nothing listens there.
    let (_, app) = app_with(
        pool,
        settings(&["--redis-url=redis://127.0.0.1:1/0"]),
        dist.path(),
    );
    let answer = app.get("/api/health/").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    let body = answer.json();
    assert_eq!(body["status"], "degraded");
    assert_eq!(body["checks"]["redis"]["status"], "down");
    assert_eq!(body["checks"]["database"]["status"], "up");
    assert_eq!(body["checks"]["worker"]["status"], "down");
    assert!(
        !answer.body.is_empty() && !String::from_utf8_lossy(&answer.body).contains("127.0.0.1:1")
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn health_names_the_worker_when_no_heartbeat_arrives(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let answer = app.get("/api/health").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    let body = answer.json();
    assert_eq!(body["checks"]["worker"]["status"], "down");
    assert_eq!(body["checks"]["redis"]["status"], "up");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn health_names_the_database_when_it_is_down(pool: PgPool) {
    let dist = no_dist();
    let (state, _) = app_with(pool, settings(&[]), dist.path());
    let unreachable = settings(&["--database-url=postgres://postgres@127.0.0.1:1/none"]);
    let down_pool = wt_runtime::database_pool(&unreachable).unwrap();
    let (_, app) = app_with(down_pool, unreachable, dist.path());
    publish_heartbeat(&state).await;
    let answer = app.get("/api/health").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.json()["checks"]["database"]["status"], "down");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn warm_cache_answers_202_with_a_job_to_watch(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let post = || {
        Request::post("/api/jobs/warm-cache")
            .body(Body::empty())
            .unwrap()
    };
    let first = app.send(post()).await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    let body = first.json();
    let id = body["jobId"].as_i64().unwrap();
    assert_eq!(body["state"], "queued");
    assert_eq!(body["statusUrl"], format!("/api/jobs/{id}"));
    assert_eq!(first.header("location"), format!("/api/jobs/{id}"));

    // While one warm-up waits, asking again returns the same job.
    let second = app.send(post()).await;
    assert_eq!(second.json()["jobId"], id);

    let job = app.get(&format!("/api/jobs/{id}")).await;
    assert_eq!(job.status, StatusCode::OK);
    let job = job.json();
    assert_eq!(job["kind"], "warm_cache");
    assert_eq!(job["state"], "queued");
    assert_eq!(job["progress"], 0);
    assert_eq!(job["attempts"], 0);
    assert!(job["error"].is_null() && job["result"].is_null());
    assert!(job["createdAt"].is_string());
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn bad_and_unknown_job_ids_are_problems(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    for id in [
        "0",
        "-1",
        "9223372036854775808",
        "abc",
        "1.5",
        "%27%20OR%201=1",
    ] {
        let answer = app.get(&format!("/api/jobs/{id}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{id}");
        assert_eq!(answer.header("content-type"), "application/problem+json");
        let body = answer.json();
        assert_eq!(body["code"], "invalid_id");
        assert_eq!(body["status"], 400);
    }
    let missing = app.get("/api/jobs/9223372036854775807").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["code"], "not_found");

    let unknown = app.get("/api/no-such-thing").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.header("content-type"), "application/problem+json");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn request_ids_are_kept_when_sane_and_created_otherwise(pool: PgPool) {
    let dist = no_dist();
    let (_, app) = app_with(pool, settings(&[]), dist.path());
    let kept = app
        .send(
            Request::get("/api/health")
                .header("x-request-id", "edge-42.a")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(kept.header("x-request-id"), "edge-42.a");

    let created = app.get("/api/health").await;
    assert_eq!(created.header("x-request-id").len(), 36, "a fresh UUID");

    let replaced = app
        .send(
            Request::get("/api/health")
                .header("x-request-id", "a b\"c")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(replaced.header("x-request-id").len(), 36);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_web_app_is_served_with_fallback_and_caching(pool: PgPool) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>WT</title>",
    )
    .unwrap();
    std::fs::create_dir(dist.path().join("assets")).unwrap();
    std::fs::write(dist.path().join("assets/index-abc123.js"), "export {}").unwrap();
    let (_, app) = app_with(pool, settings(&[]), dist.path());

    for path in ["/", "/status", "/planning/people/12"] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(String::from_utf8_lossy(&page.body).contains("<title>WT</title>"));
        assert_eq!(page.header("cache-control"), "no-cache", "{path}");
    }
    let asset = app.get("/assets/index-abc123.js").await;
    assert_eq!(asset.status, StatusCode::OK);
    assert_eq!(
        asset.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(
        asset
            .header(header::CONTENT_TYPE.as_str())
            .contains("javascript")
    );

    let missing_asset = app.get("/assets/gone-999.js").await;
    assert_eq!(missing_asset.status, StatusCode::NOT_FOUND);
}

fn run_api(vars: &[(&str, &str)]) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_wt-api"));
    command.arg("serve").env("PORT", "0");
    for (name, value) in vars {
        command.env(name, value);
    }
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the api binary runs");
    // A refusal exits at once; anything still running after a while has started.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    child.wait_with_output().unwrap()
}

const STRONG_SECRET: &str = "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a59687";

#[test]
fn the_api_refuses_insecure_production_settings() {
    let cases = [
        (
            "SECRET_KEY",
            [
                ("SECRET_KEY", "insecure-development-secret-change-me"),
                ("COOKIE_REFRESH_AUTH", "true"),
                ("ALLOWED_HOSTS", "plan.example.com"),
            ],
        ),
        (
            "SECRET_KEY",
            [
                ("SECRET_KEY", "short-secret"),
                ("COOKIE_REFRESH_AUTH", "true"),
                ("ALLOWED_HOSTS", "plan.example.com"),
            ],
        ),
        (
            "COOKIE_REFRESH_AUTH",
            [
                ("SECRET_KEY", STRONG_SECRET),
                ("COOKIE_REFRESH_AUTH", "false"),
                ("ALLOWED_HOSTS", "plan.example.com"),
            ],
        ),
        (
            "ALLOWED_HOSTS",
            [
                ("SECRET_KEY", STRONG_SECRET),
                ("COOKIE_REFRESH_AUTH", "true"),
                ("ALLOWED_HOSTS", ""),
            ],
        ),
    ];
    for (named, vars) in cases {
        let mut all = vec![("DEBUG", "false")];
        all.extend_from_slice(&vars);
        let output = run_api(&all);
        assert_eq!(output.status.code(), Some(2), "{named}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(named), "{named}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
    }
}

/// A port nothing listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Reads one HTTP request from a connection and answers 200; returns the request head.
fn accept_one(listener: &std::net::TcpListener) -> String {
    use std::io::{Read, Write};
    let (mut stream, _) = listener.accept().unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut buffer = vec![0; 64 * 1024];
    let read = stream.read(&mut buffer).unwrap_or(0);
    let _ =
        stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}");
    String::from_utf8_lossy(&buffer[..read]).into_owned()
}

#[test]
fn internal_errors_reach_sentry_when_a_dsn_is_set() {
    // A stand-in Sentry: a real HTTP listener that records what the api sends it.
    let sentry = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dsn = format!(
        "http://publickey@127.0.0.1:{}/42",
        sentry.local_addr().unwrap().port()
    );
    let (sent_tx, sent_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for _ in 0..5 {
            let _ = sent_tx.send(accept_one(&sentry));
        }
    });

    let port = free_port();
    let mut api = std::process::Command::new(env!("CARGO_BIN_EXE_wt-api"))
        .arg("serve")
        .env("DEBUG", "true")
        .env("RUN_MIGRATIONS_ON_START", "false")
        .env("PORT", port.to_string())
        // PostgreSQL is unreachable, so reading a job is an internal error.
        .env("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none")
        .env("SENTRY_DSN", &dsn)
        .env("RUST_LOG", "error")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let answer = (0..100).find_map(|_| {
        std::thread::sleep(Duration::from_millis(100));
        http_get(port, "/api/jobs/1")
    });
    let event = sent_rx.recv_timeout(Duration::from_secs(15));
    let _ = api.kill();
    let _ = api.wait();

    let answer = answer.expect("the api answered");
    assert!(answer.starts_with("HTTP/1.1 500"), "{answer}");
    assert!(
        answer.contains("internal_error") && !answer.contains("127.0.0.1:1"),
        "{answer}"
    );
    let event = event.expect("an event reached the Sentry listener");
    assert!(event.starts_with("POST /api/42/envelope/"), "{event}");
}

/// A minimal blocking GET, returning the raw response (None when nothing listens yet).
fn http_get(port: u16, path: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

//! Shared helpers of the HTTP integration tests: settings from flags, an in-process app
//! and its answers, and a few raw-socket helpers for tests that run the real binary.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clap::Parser;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;
use wt_api::AppState;
use wt_runtime::Settings;

#[derive(Parser)]
struct TestCli {
    #[command(flatten)]
    settings: Settings,
}

pub fn settings(extra: &[&str]) -> Settings {
    let namespace = format!("--queue-namespace=test-{}", uuid::Uuid::new_v4());
    let mut args = vec!["test", namespace.as_str()];
    // Development unless the test asks otherwise (clap refuses `--debug` twice).
    if !extra.iter().any(|arg| arg.starts_with("--debug")) {
        args.push("--debug=true");
    }
    args.extend_from_slice(extra);
    TestCli::try_parse_from(args)
        .expect("valid test settings")
        .settings
}

pub fn app_with(pool: PgPool, settings: Settings, dist: &std::path::Path) -> (AppState, TestApp) {
    let state = AppState::new(settings, pool, dist.to_path_buf()).expect("valid state");
    (state.clone(), TestApp(wt_api::router(state)))
}

pub struct TestApp(pub tower_http::normalize_path::NormalizePath<axum::Router>);

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", |v| v.to_str().unwrap())
    }
}

impl TestApp {
    /// Sends the request; a request without `Host` gets `localhost` (one of the
    /// development hosts), as any real HTTP/1.1 client would send one.
    pub async fn send(&self, mut request: Request<Body>) -> Answer {
        if !request.headers().contains_key(header::HOST) {
            request
                .headers_mut()
                .insert(header::HOST, header::HeaderValue::from_static("localhost"));
        }
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

    pub async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }
}

pub fn no_dist() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

pub async fn publish_heartbeat(state: &AppState) {
    let mut conn = state.redis.connection().await.expect("Redis is running");
    wt_jobs::heartbeat::publish(&mut conn, state.namespace(), "test-worker")
        .await
        .unwrap();
}

/// A secret long enough for production settings.
pub const STRONG_SECRET: &str = "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a59687";

/// The password every test user gets.
pub const PASSWORD: &str = "correct horse battery staple";

/// Creates a user with `role` (through the same code as the CLI).
pub async fn create_user(
    state: &AppState,
    username: &str,
    role: wt_domain::accounts::Role,
) -> wt_store::users::User {
    let email = format!("{username}@example.com");
    wt_api::commands::upsert_user(&state.db, username, &email, PASSWORD, role)
        .await
        .expect("user created")
        .0
}

/// A valid access token for `user`.
pub fn access_token(state: &AppState, user: &wt_store::users::User) -> String {
    state
        .access_keys
        .issue(user.id, user.role, user.token_version)
        .expect("a signed token")
        .0
}

/// A request with an optional bearer token and an optional JSON body.
pub fn request(method: &str, uri: &str, token: Option<&str>, body: Option<Value>) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(uri);
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    match body {
        Some(json) => builder
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json.to_string()))
            .unwrap(),
        None => builder.body(Body::empty()).unwrap(),
    }
}

/// A manager signed in to a fresh app: the client most planning tests drive.
pub struct Planner {
    pub app: TestApp,
    pub state: wt_api::AppState,
    pub token: String,
    _dist: tempfile::TempDir,
}

impl Planner {
    pub async fn new(pool: PgPool) -> Self {
        Self::with_settings(pool, settings(&[])).await
    }

    pub async fn with_settings(pool: PgPool, settings: Settings) -> Self {
        let dist = no_dist();
        let (state, app) = app_with(pool, settings, dist.path());
        let manager = create_user(&state, "scheduler", wt_domain::accounts::Role::Manager).await;
        let token = access_token(&state, &manager);
        Planner {
            app,
            state,
            token,
            _dist: dist,
        }
    }

    pub async fn call(&self, method: &str, uri: &str, body: Option<Value>) -> Answer {
        self.app
            .send(request(method, uri, Some(&self.token), body))
            .await
    }

    pub async fn id_of(&self, uri: &str, body: Value) -> i64 {
        let answer = self.call("POST", uri, Some(body)).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
        answer.json()["id"].as_i64().unwrap()
    }

    pub async fn assignment(&self, person: i64, project: i64, hours: Value) -> Value {
        let body = json!({ "person": person, "project": project, "weeklyHours": hours });
        let answer = self.call("POST", "/api/assignments", Some(body)).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
        answer.json()
    }
}

/// A worker running in the test process against the app's database and Redis namespace,
/// with probes allowed to inject faults; stopped (cleanly) by [`TestWorker::stop`].
pub struct TestWorker {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl TestWorker {
    /// Starts a worker; `customize` adjusts its state (a mailer, say).
    pub async fn start(
        state: &AppState,
        customize: impl FnOnce(wt_worker::WorkerState) -> wt_worker::WorkerState,
    ) -> Self {
        let redis = state.redis.connection().await.expect("Redis is running");
        let owner = format!("test-worker-{}", uuid::Uuid::new_v4());
        let worker = wt_worker::WorkerState {
            fault_injection: true,
            backups_dir: state.settings.backups_dir.clone(),
            ..wt_worker::WorkerState::new(state.db.clone(), redis, state.jobs.clone(), owner)
        };
        let second = std::time::Duration::from_secs(1);
        let options = wt_worker::RunOptions::every_queue(2, second, 5 * second);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(wt_worker::run(customize(worker), options, async move {
            let _ = stopped.await;
        }));
        TestWorker {
            stop: Some(stop),
            task,
        }
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let outcome =
            tokio::time::timeout(std::time::Duration::from_secs(30), &mut self.task).await;
        assert!(
            matches!(outcome, Ok(Ok(Ok(())))),
            "worker stops cleanly: {outcome:?}"
        );
    }
}

/// A URL for the test's own database, for commands run as separate processes.
pub fn database_url(pool: &sqlx::PgPool) -> String {
    let options = pool.connect_options();
    format!(
        "postgres://{}@{}:{}/{}",
        options.get_username(),
        options.get_host(),
        options.get_port(),
        options.get_database().unwrap_or("postgres")
    )
}

/// Runs a `wt-api` command on the database at `url`.
pub async fn manage(url: &str, args: &[&str]) -> std::process::Output {
    // tokio's process, not std's: the test's runtime must keep running meanwhile (a
    // connection going back to the pool rolls back there; blocking would leave its locks
    // held while the command waits for them).
    tokio::process::Command::new(env!("CARGO_BIN_EXE_wt-api"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .output()
        .await
        .expect("the api binary runs")
}

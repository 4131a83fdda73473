//! The real `wt-api` binary: refusal of unsafe production settings, and Sentry delivery
//! of internal errors to a listener standing in for Sentry.

use std::time::Duration;

use crate::support::*;

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
        // Open reads, so the request reaches the database without a user.
        .env("AUTH_ENFORCED", "false")
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

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_guides_create_dev_user_command_works(pool: sqlx::PgPool) {
    let url = database_url(&pool);
    let admin = manage(
        &url,
        &[
            "create-dev-user",
            "--username",
            "admin",
            "--password",
            "strongpass",
            "--email",
            "admin@example.com",
            "--staff",
            "--superuser",
        ],
    )
    .await;
    assert!(
        admin.status.success(),
        "{}",
        String::from_utf8_lossy(&admin.stderr)
    );
    assert!(String::from_utf8_lossy(&admin.stdout).contains("User admin created"));
    let staff = manage(
        &url,
        &[
            "create-dev-user",
            "--username",
            "planner",
            "--password",
            "another strong one",
            "--email",
            "planner@example.com",
            "--staff",
        ],
    )
    .await;
    assert!(staff.status.success());
    let weak = manage(
        &url,
        &[
            "create-dev-user",
            "--username",
            "weak",
            "--password",
            "weak",
            "--email",
            "weak@example.com",
        ],
    )
    .await;
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password refused"));

    let roles: Vec<(String, String)> =
        sqlx::query_as("SELECT username, role FROM users ORDER BY username")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        roles,
        [
            ("admin".into(), "admin".into()),
            ("planner".into(), "manager".into())
        ]
    );

    let demo = manage(&url, &["create-demo-admin"]).await;
    assert!(String::from_utf8_lossy(&demo.stdout).contains("exists already"));
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_demo_admin_is_created_once_with_a_printed_password(pool: sqlx::PgPool) {
    let url = database_url(&pool);
    let first = manage(&url, &["create-demo-admin"]).await;
    let out = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(out.contains("Demo admin created"), "{out}");
    let password = out
        .split("password ")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .trim();
    assert_eq!(password.len(), 20);
    let second = manage(&url, &["create-demo-admin"]).await;
    assert!(String::from_utf8_lossy(&second.stdout).contains("exists already"));
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn seed_demo_fills_an_empty_database_once(pool: sqlx::PgPool) {
    let url = database_url(&pool);
    let first = manage(&url, &["seed-demo", "--people", "40"]).await;
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("40 people"));
    let skipped = manage(&url, &["seed-demo", "--if-empty"]).await;
    assert!(String::from_utf8_lossy(&skipped.stdout).contains("no demo data was loaded"));
    let refused = manage(&url, &["seed-demo"]).await;
    assert!(!refused.status.success());

    let (people, departments, projects, weeks, deliverables): (i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM departments), \
         (SELECT count(*) FROM projects), (SELECT count(*) FROM assignment_weeks), \
         (SELECT count(*) FROM deliverables)",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!((people, departments, projects), (40, 8, 16));
    assert!(weeks > 40 * 40, "about a year of hours: {weeks}");
    assert_eq!(deliverables, projects * 4);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn seed_demo_takes_a_size_and_keeps_the_weekly_loads(pool: sqlx::PgPool) {
    let url = database_url(&pool);
    let seed = async |args: &str| {
        let args: Vec<&str> = args.split(' ').collect();
        manage(&url, &args).await
    };
    let too_many = seed("seed-demo --people 10 --projects 10 --assignments 200").await;
    assert!(
        !too_many.status.success(),
        "ten projects cannot give 20 each"
    );
    let seeded = seed("seed-demo --people 30 --projects 14 --assignments 100 --weeks 10").await;
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let (people, projects, assignments, busiest, distinct, weeks): (i64, i64, i64, i64, bool, i64) =
        sqlx::query_as(
            "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM projects), \
             (SELECT count(*) FROM assignments), \
             (SELECT max(n) FROM (SELECT count(*) AS n FROM assignments GROUP BY person_id) c), \
             (SELECT count(*) = count(DISTINCT (person_id, project_id)) FROM assignments), \
             (SELECT count(*) FROM assignment_weeks)",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!((people, projects, assignments, busiest), (30, 14, 100, 4));
    assert!(distinct, "each person's projects are distinct");
    assert!(
        weeks > 100 * 8 && weeks <= 100 * 10,
        "ten weeks each, a few gaps: {weeks}"
    );
    let verified = manage(&url, &["verify-loads"]).await;
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
}

//! `POST /api/imports/people` with a real worker: a dry run reports and writes nothing, a
//! file with a bad row is refused whole unless bad rows are skipped, stored people are
//! updated only when asked, the same upload twice is one job, and an upload past the size
//! limit is cut off with 413 and leaves no file behind.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;
use sqlx::PgPool;

use crate::jobs::{Crew, ended};
use crate::support::*;

const BOUNDARY: &str = "wt-test-boundary";

/// A multipart body with `file` and the given option fields.
pub fn form(file_name: &str, content: &[u8], options: &[(&str, &str)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in options {
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend(format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    ).as_bytes());
    body.extend_from_slice(content);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub fn upload_request(token: &str, kind: &str, body: Vec<u8>, with_length: bool) -> Request<Body> {
    let mut builder = Request::post(format!("/api/imports/{kind}"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if with_length {
        builder = builder.header(header::CONTENT_LENGTH, body.len());
    }
    builder.body(Body::from(body)).unwrap()
}

impl Crew {
    /// Uploads `content` as a people import and waits for its job to end; answers the job.
    pub async fn import(
        &self,
        kind: &str,
        name: &str,
        content: &[u8],
        options: &[(&str, &str)],
    ) -> Value {
        let answer = self
            .app
            .send(upload_request(
                &self.admin,
                kind,
                form(name, content, options),
                true,
            ))
            .await;
        assert_eq!(answer.status, StatusCode::ACCEPTED, "{:?}", answer.json());
        let id = answer.json()["jobId"].as_i64().unwrap();
        self.job_when(id, ended).await
    }
}

async fn people_count(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM people")
        .fetch_one(pool)
        .await
        .unwrap()
}

fn counts(report: &Value, entity: &str) -> Value {
    report["counts"][entity].clone()
}

const PEOPLE_CSV: &str = "Name,Email,Weekly capacity (h),Role,Department,Hire date,Active\n\
Ada Byron,ada@example.com,36,Engineer,Design,2024-03-01,yes\n\
Bob Stone,not-an-email,40,Engineer,Design,2024-03-02,yes\n\
Cy Twombly,cy@example.com,32.5,Painter,Art,04.05.2023,no\n";

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_dry_run_reports_every_row_and_writes_nothing(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let job = crew
        .import(
            "people",
            "people.csv",
            PEOPLE_CSV.as_bytes(),
            &[("dryRun", "true")],
        )
        .await;
    assert_eq!(job["state"], "succeeded", "{job}");
    let report = &job["result"];
    assert_eq!(
        (report["dryRun"].as_bool(), report["applied"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(
        (report["rows"].as_i64(), report["errors"].as_i64()),
        (Some(3), Some(1))
    );
    let issue = &report["issues"][0];
    assert_eq!(
        (issue["row"].as_i64(), issue["code"].as_str()),
        (Some(3), Some("invalid_email"))
    );
    assert_eq!(
        (issue["column"].as_str(), issue["value"].as_str()),
        (Some("Email"), Some("not-an-email"))
    );
    let people = counts(report, "person");
    assert_eq!(
        (people["created"].as_i64(), people["skipped"].as_i64()),
        (Some(2), Some(1))
    );
    assert_eq!(counts(report, "role")["created"], 2);
    assert_eq!(people_count(&crew.state.db).await, 0);
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn one_bad_row_stops_the_file_unless_bad_rows_are_skipped(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let refused = crew
        .import("people", "people.csv", PEOPLE_CSV.as_bytes(), &[])
        .await;
    assert_eq!(refused["result"]["applied"], false, "{refused}");
    assert_eq!(people_count(&crew.state.db).await, 0, "all or nothing");
    let roles: i64 = sqlx::query_scalar("SELECT count(*) FROM roles")
        .fetch_one(&crew.state.db)
        .await
        .unwrap();
    assert_eq!(roles, 0);

    let skipped = crew
        .import(
            "people",
            "people.csv",
            PEOPLE_CSV.as_bytes(),
            &[("skipBadRows", "true")],
        )
        .await;
    assert_eq!(skipped["result"]["applied"], true, "{skipped}");
    assert_eq!(people_count(&crew.state.db).await, 2);
    let cy: (String, String, bool, String) = sqlx::query_as(
        "SELECT weekly_capacity::text, r.name, p.is_active, d.name FROM people p
         JOIN roles r ON r.id = p.role_id JOIN departments d ON d.id = p.department_id
         WHERE p.email = 'cy@example.com'",
    )
    .fetch_one(&crew.state.db)
    .await
    .unwrap();
    assert_eq!(cy, ("32.50".into(), "Painter".into(), false, "Art".into()));
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn stored_people_change_only_when_updating_is_asked(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let first = "Name,Email,Weekly capacity (h)\nAda Byron,ada@example.com,36\n";
    crew.import("people", "a.csv", first.as_bytes(), &[]).await;
    let changed = "Name,Email,Weekly capacity (h)\nAda Byron,ADA@example.com,30\nNew Person,,20\n";
    let kept = crew
        .import("people", "b.csv", changed.as_bytes(), &[])
        .await;
    let people = counts(&kept["result"], "person");
    assert_eq!(
        (people["created"].as_i64(), people["skipped"].as_i64()),
        (Some(1), Some(1)),
        "{kept}"
    );
    let updated = crew
        .import(
            "people",
            "b.csv",
            changed.as_bytes(),
            &[("updateExisting", "true")],
        )
        .await;
    let people = counts(&updated["result"], "person");
    assert_eq!(
        (people["updated"].as_i64(), people["created"].as_i64()),
        (Some(1), Some(0)),
        "{updated}"
    );
    let again = crew
        .import(
            "people",
            "b.csv",
            changed.as_bytes(),
            &[("updateExisting", "true")],
        )
        .await;
    assert_eq!(
        counts(&again["result"], "person")["unchanged"],
        2,
        "{again}"
    );
    let capacity: String =
        sqlx::query_scalar("SELECT weekly_capacity::text FROM people WHERE name = 'Ada Byron'")
            .fetch_one(&crew.state.db)
            .await
            .unwrap();
    assert_eq!(capacity, "30.00");
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn the_same_upload_twice_is_one_job(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let send = || {
        crew.app.send(upload_request(
            &crew.admin,
            "people",
            form("p.csv", PEOPLE_CSV.as_bytes(), &[]),
            true,
        ))
    };
    let first = send().await.json()["jobId"].as_i64().unwrap();
    let second = send().await.json()["jobId"].as_i64().unwrap();
    assert_eq!(first, second);
    let staged = std::fs::read_dir(crew.state.settings.backups_dir.join("incoming/people"))
        .unwrap()
        .count();
    assert_eq!(staged, 1, "the second copy was not kept");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn uploads_past_the_limit_are_cut_off_and_removed(pool: PgPool) {
    let dist = no_dist();
    let backups = tempfile::tempdir().unwrap();
    let dir = format!("--backups-dir={}", backups.path().display());
    let (state, app) = app_with(
        pool,
        settings(&["--people-upload-max-bytes=1000", &dir]),
        dist.path(),
    );
    let admin = create_user(&state, "boss", wt_domain::accounts::Role::Admin).await;
    let token = access_token(&state, &admin);
    let big = vec![b'x'; 5_000];
    for with_length in [true, false] {
        let answer = app
            .send(upload_request(
                &token,
                "people",
                form("big.csv", &big, &[]),
                with_length,
            ))
            .await;
        assert_eq!(
            answer.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "length header: {with_length}"
        );
        assert_eq!(answer.json()["code"], "upload_too_large");
    }
    let incoming = backups.path().join("incoming/people");
    let left = std::fs::read_dir(&incoming)
        .map(|dir| dir.count())
        .unwrap_or(0);
    assert_eq!(left, 0, "no partial file is left");
    let jobs: i64 = sqlx::query_scalar("SELECT count(*) FROM jobs")
        .fetch_one(&state.db)
        .await
        .unwrap();
    assert_eq!(jobs, 0);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn imports_refuse_plain_users_unknown_kinds_and_bad_forms(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let body = || form("p.csv", PEOPLE_CSV.as_bytes(), &[]);
    let user = crew
        .app
        .send(upload_request(&crew.user, "people", body(), true))
        .await;
    assert_eq!(user.status, StatusCode::FORBIDDEN);
    let unknown = crew
        .app
        .send(upload_request(&crew.admin, "planets", body(), true))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let cases = [
        (form("p.csv", b"", &[]), "empty_file"),
        (
            form("p.csv", PEOPLE_CSV.as_bytes(), &[("dryRun", "perhaps")]),
            "invalid_flag",
        ),
        (
            form("p.csv", PEOPLE_CSV.as_bytes(), &[("shoeSize", "9")]),
            "unknown_field",
        ),
        (
            b"--wt-test-boundary\r\nnonsense".to_vec(),
            "invalid_multipart",
        ),
    ];
    for (body, code) in cases {
        let answer = crew
            .app
            .send(upload_request(&crew.admin, "people", body, true))
            .await;
        assert_eq!(
            (answer.status, answer.json()["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some(code))
        );
    }
    let without_file = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\ntrue\r\n--{BOUNDARY}--\r\n"
    );
    let answer = crew
        .app
        .send(upload_request(
            &crew.admin,
            "people",
            without_file.into_bytes(),
            true,
        ))
        .await;
    assert_eq!(answer.json()["code"], "file_required");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_active_person_is_not_given_an_inactive_role(pool: PgPool) {
    let crew = Crew::new(pool).await;
    sqlx::query("INSERT INTO roles (name, is_active) VALUES ('Retired', false)")
        .execute(&crew.state.db)
        .await
        .unwrap();
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let csv = "Name,Role,Active\nAda Byron,retired,yes\nCy Twombly,Retired,no\n";
    let job = crew
        .import(
            "people",
            "people.csv",
            csv.as_bytes(),
            &[("dryRun", "true")],
        )
        .await;
    assert_eq!(job["state"], "succeeded", "{job}");
    let report = &job["result"];
    assert_eq!(report["errors"], 1, "{report}");
    let issue = &report["issues"][0];
    assert_eq!(
        (issue["row"].as_i64(), issue["code"].as_str()),
        (Some(2), Some("role_inactive"))
    );
    assert_eq!(counts(report, "person")["created"], 1);
    worker.stop().await;
}

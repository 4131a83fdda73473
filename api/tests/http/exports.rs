//! `GET /api/exports/{people|projects}`, the import templates and `GET
//! /api/jobs/{id}/download`: the files hold the export columns with formula-looking text
//! defused and dates as dates; the list filters apply; only managers and admins export;
//! an export past `EXPORT_INLINE_MAX_ROWS` becomes a job whose file only its requester
//! (or an admin) downloads, and a download names nothing outside the job's folder.

use std::io::Cursor;

use axum::http::StatusCode;
use calamine::{Data, Reader, Xlsx};
use sqlx::PgPool;
use wt_domain::accounts::Role;
use wt_domain::transfer::columns::{PEOPLE, PROJECT_WORKBOOK};

use crate::jobs::{Crew, ended};
use crate::support::*;

/// A small company: two departments, a role, three people (one inactive, one with a
/// formula in their notes), two projects with assignments, weekly hours and deliverables.
pub async fn seed(pool: &PgPool) {
    let statements = [
        "INSERT INTO departments (name) VALUES ('Design'), ('Build')",
        "INSERT INTO roles (name) VALUES ('Engineer'), ('Painter')",
        "INSERT INTO people (name, email, weekly_capacity, role_id, department_id, location,
                             hire_date, notes, is_active)
         VALUES ('Ada Byron', 'ada@example.com', 36.5, (SELECT id FROM roles WHERE name = 'Engineer'),
                 (SELECT id FROM departments WHERE name = 'Design'), 'London', '2024-03-01',
                 '=HYPERLINK(\"http://x\")', true),
                ('Bob Stone', NULL, 40, NULL, (SELECT id FROM departments WHERE name = 'Build'),
                 '', NULL, '', false),
                ('Cy Twombly', 'cy@example.com', 32.25, (SELECT id FROM roles WHERE name = 'Painter'),
                 NULL, 'Rome', '2023-05-04', '-5 days notice', true)",
        "INSERT INTO projects (name, project_number, client, status, start_date, end_date,
                               estimated_hours, description, notes, is_active)
         VALUES ('Bridge', 'P-1', 'City', 'active', '2026-01-04', '2026-12-27', 1200.5,
                 'A bridge', '+ urgent', true),
                ('Tunnel', NULL, 'State', 'on_hold', NULL, NULL, NULL, '', '', true)",
        "INSERT INTO assignments (person_id, project_id, role_on_project, notes, is_active)
         SELECT pe.id, pr.id, a.role, a.notes, true FROM (VALUES
             ('Ada Byron', 'Bridge', 'Lead', 'keeps the plan'),
             ('Bob Stone', 'Bridge', '', ''),
             ('Cy Twombly', 'Tunnel', 'Painter', '')) AS a(person, project, role, notes)
         JOIN people pe ON pe.name = a.person JOIN projects pr ON pr.name = a.project",
        "INSERT INTO assignment_weeks (assignment_id, week, centihours)
         SELECT a.id, w.week::date, w.centihours FROM (VALUES
             ('Ada Byron', '2026-11-29', 800), ('Ada Byron', '2026-12-13', 1250),
             ('Bob Stone', '2026-12-06', 2000), ('Cy Twombly', '2027-01-03', 425))
             AS w(person, week, centihours)
         JOIN people pe ON pe.name = w.person JOIN assignments a ON a.person_id = pe.id",
        "INSERT INTO deliverables (project_id, description, percentage, date, sort_order,
                                   is_completed, completed_date, notes)
         SELECT id, 'SD', 35, DATE '2026-03-01', 0, true, DATE '2026-02-27', 'signed off' FROM projects WHERE name = 'Bridge'
         UNION ALL SELECT id, 'DD', NULL, NULL::date, 1, false, NULL::date, '' FROM projects WHERE name = 'Bridge'
         UNION ALL SELECT id, '@ opening', 100, DATE '2027-02-07', 0, false, NULL, '' FROM projects WHERE name = 'Tunnel'",
    ];
    for statement in statements {
        sqlx::query(statement).execute(pool).await.unwrap();
    }
}

/// Every sheet of a workbook: its name and its rows.
pub fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

fn texts(row: &[Data]) -> Vec<String> {
    row.iter().map(ToString::to_string).collect()
}

fn headers(sheet: &wt_domain::transfer::columns::Sheet) -> Vec<String> {
    sheet.columns.iter().map(|c| c.header.to_owned()).collect()
}

async fn get(crew: &Crew, token: &str, uri: &str) -> Answer {
    crew.call(token, "GET", uri, None).await
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn people_go_out_as_a_workbook_and_as_csv(pool: PgPool) {
    let crew = Crew::new(pool).await;
    seed(&crew.state.db).await;
    let answer = get(&crew, &crew.admin, "/api/exports/people").await;
    assert_eq!(answer.status, StatusCode::OK);
    let today = chrono::Utc::now().date_naive();
    assert_eq!(
        answer.header("content-disposition"),
        format!("attachment; filename=\"people-{today}.xlsx\"")
    );
    assert!(answer.header("content-type").contains("spreadsheetml"));
    let book = sheets(&answer.body);
    assert_eq!(book.len(), 1);
    let (name, rows) = &book[0];
    assert_eq!(name, "People");
    assert_eq!(texts(&rows[0]), headers(&PEOPLE));
    assert_eq!(rows.len(), 4, "header and three people, by name");
    let ada = &rows[1];
    assert_eq!(ada[1], Data::String("Ada Byron".into()));
    assert_eq!(ada[3], Data::Float(36.5));
    assert_eq!(ada[4], Data::String("Engineer".into()));
    assert!(
        matches!(ada[7], Data::DateTime(_)),
        "a real date: {:?}",
        ada[7]
    );
    assert_eq!(ada[8], Data::String("'=HYPERLINK(\"http://x\")".into()));
    assert_eq!(rows[2][9], Data::String("no".into()));

    let csv = get(&crew, &crew.admin, "/api/exports/people?format=csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header("content-type").starts_with("text/csv"));
    let text = String::from_utf8(csv.body.clone()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], headers(&PEOPLE).join(","));
    assert!(lines[1].contains(",36.5,Engineer,Design,London,2024-03-01,"));
    assert!(lines[3].contains(",'-5 days notice,yes"), "{}", lines[3]);
    let bad = get(&crew, &crew.admin, "/api/exports/people?format=pdf").await;
    assert_eq!(
        (bad.status, bad.json()["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_format"))
    );
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn exports_follow_the_list_filters(pool: PgPool) {
    let crew = Crew::new(pool).await;
    seed(&crew.state.db).await;
    let rows = |answer: Answer| {
        sheets(&answer.body)[0]
            .1
            .iter()
            .skip(1)
            .map(|row| row[1].to_string())
            .collect::<Vec<_>>()
    };
    let active = get(&crew, &crew.admin, "/api/exports/people?active=true").await;
    assert_eq!(rows(active), ["Ada Byron", "Cy Twombly"]);
    let sorted = get(
        &crew,
        &crew.admin,
        "/api/exports/people?sort=-name&search=o",
    )
    .await;
    assert_eq!(rows(sorted), ["Cy Twombly", "Bob Stone", "Ada Byron"]);
    let held = get(&crew, &crew.admin, "/api/exports/projects?status=on_hold").await;
    let book = sheets(&held.body);
    let names: Vec<&str> = book.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, PROJECT_WORKBOOK.map(|sheet| sheet.name));
    assert_eq!(texts(&book[0].1[0]), headers(&PROJECT_WORKBOOK[0]));
    assert_eq!(book[0].1.len(), 2, "only Tunnel");
    assert_eq!(book[1].1.len(), 2, "only Tunnel's assignment");
    assert_eq!(book[1].1[0].len(), PROJECT_WORKBOOK[1].columns.len() + 1);
    assert!(
        matches!(book[1].1[0].last(), Some(Data::DateTime(_))),
        "a week column"
    );
    assert_eq!(book[2].1[1][3], Data::String("'@ opening".into()));
    let bad = get(&crew, &crew.admin, "/api/exports/projects?sort=budget").await;
    assert_eq!(bad.json()["code"], "invalid_sort");
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn only_managers_and_admins_export_and_fetch_templates(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let manager = create_user(&crew.state, "mia", Role::Manager).await;
    let manager = access_token(&crew.state, &manager);
    for uri in [
        "/api/exports/people",
        "/api/exports/projects?format=csv",
        "/api/imports/people/template",
    ] {
        assert_eq!(
            get(&crew, &crew.user, uri).await.status,
            StatusCode::FORBIDDEN
        );
        let anonymous = crew.app.send(request("GET", uri, None, None)).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED, "{uri}");
        assert_eq!(
            get(&crew, &manager, uri).await.status,
            StatusCode::OK,
            "{uri}"
        );
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn templates_are_blank_workbooks_with_instructions(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let people = get(&crew, &crew.admin, "/api/imports/people/template").await;
    assert_eq!(
        people.header("content-disposition"),
        "attachment; filename=\"people-template.xlsx\""
    );
    let book = sheets(&people.body);
    assert_eq!(book[0].0, "People");
    assert_eq!(book[0].1, vec![book[0].1[0].clone()], "headers only");
    assert_eq!(texts(&book[0].1[0]), headers(&PEOPLE));
    let (name, rows) = &book[1];
    assert_eq!(name, "Instructions");
    assert!(
        rows.iter()
            .any(|row| row[1] == Data::String("Weekly capacity (h)".into()))
    );

    let projects = get(&crew, &crew.admin, "/api/imports/projects/template").await;
    let book = sheets(&projects.body);
    let names: Vec<&str> = book.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Projects",
            "Assignments",
            "Hours",
            "Deliverables",
            "Instructions"
        ]
    );
    let instructions = &book[4].1;
    assert!(
        instructions
            .iter()
            .any(|row| row[1] == Data::String("Week columns".into()))
    );
    assert!(
        instructions
            .iter()
            .any(|row| row[1] == Data::String("Limits".into()))
    );
    let unknown = get(&crew, &crew.admin, "/api/imports/budgets/template").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_large_export_is_a_job_with_a_download(pool: PgPool) {
    let crew = Crew::with_settings(pool, &["--export-inline-max-rows=2"]).await;
    seed(&crew.state.db).await;
    let queued = get(&crew, &crew.admin, "/api/exports/projects?format=xlsx").await;
    assert_eq!(queued.status, StatusCode::ACCEPTED, "{:?}", queued.json());
    let id = queued.json()["jobId"].as_i64().unwrap();
    let again = get(&crew, &crew.admin, "/api/exports/projects?format=xlsx").await;
    assert_eq!(again.json()["jobId"], id, "the same export while it waits");
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    let job = crew.job_when(id, ended).await;
    assert_eq!(
        (job["state"].as_str(), job["kind"].as_str()),
        (Some("succeeded"), Some("export")),
        "{job}"
    );
    let result = &job["result"];
    let today = chrono::Utc::now().date_naive();
    assert_eq!(result["download"]["name"], format!("projects-{today}.xlsx"));
    assert_eq!(
        (result["rows"].as_i64(), result["format"].as_str()),
        (Some(8), Some("xlsx"))
    );
    assert_eq!(result["kind"], "projects");

    let url = format!("/api/jobs/{id}/download");
    let file = get(&crew, &crew.admin, &url).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(
        file.body.len() as i64,
        result["download"]["bytes"].as_i64().unwrap()
    );
    assert_eq!(
        sheets(&file.body)[1].1.len(),
        4,
        "header and three assignments"
    );
    let stranger = get(&crew, &crew.user, &url).await;
    assert_eq!(
        stranger.status,
        StatusCode::NOT_FOUND,
        "another's job does not exist"
    );
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn downloads_answer_only_for_files_a_job_left(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let probe = crew.probe(serde_json::json!({"steps": 0})).await;
    let none = get(&crew, &crew.admin, &format!("/api/jobs/{probe}/download")).await;
    assert_eq!(
        (none.status, none.json()["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("download_not_found"))
    );
    let backups = &crew.state.settings.backups_dir;
    std::fs::write(backups.join("secret.txt"), "not yours").unwrap();
    for name in ["../../secret.txt", ".hidden", "gone.csv"] {
        let result =
            serde_json::json!({"download": {"name": name, "contentType": "text/csv", "bytes": 9}});
        sqlx::query("UPDATE jobs SET result = $1 WHERE id = $2")
            .bind(&result)
            .bind(probe)
            .execute(&crew.state.db)
            .await
            .unwrap();
        let answer = get(&crew, &crew.admin, &format!("/api/jobs/{probe}/download")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{name}");
        assert_eq!(answer.json()["code"], "download_not_found");
    }
    let folder = wt_transfer::files::job_dir(backups, probe);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("gone.csv"), "a,b\n1,2\n").unwrap();
    let found = get(&crew, &crew.admin, &format!("/api/jobs/{probe}/download")).await;
    assert_eq!(
        (found.status, found.body.as_slice()),
        (StatusCode::OK, &b"a,b\n1,2\n"[..])
    );
    assert!(found.header("content-type").starts_with("text/csv"));
    let invalid = get(&crew, &crew.admin, "/api/jobs/abc/download").await;
    assert_eq!(invalid.status, StatusCode::BAD_REQUEST);
}

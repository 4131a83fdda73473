//! `POST /api/imports/projects` with a real worker: a workbook of projects with weekly
//! hours wide (Assignments) and long (Hours) and deliverables goes in whole; its week
//! dates land on Sundays with a warning; importing it again changes nothing; a row naming
//! an unknown person keeps the whole file out.

use rust_xlsxwriter::Workbook;
use serde_json::Value;
use sqlx::PgPool;

use crate::jobs::Crew;
use crate::support::*;

/// A projects workbook: two projects, Ada on the first with three weeks (one header on a
/// Wednesday), Bob on the second through the Hours sheet, two deliverables.
fn workbook(bob_email: &str) -> Vec<u8> {
    let mut book = Workbook::new();
    let rows: [&[&str]; 3] = [
        &[
            "Name",
            "Project number",
            "Client",
            "Status",
            "Start date",
            "Estimated hours",
        ],
        &["Bridge", "P-1", "City", "Active", "2026-01-04", "1200.5"],
        &["Tunnel", "P-2", "State", "on hold", "2026-02-01", ""],
    ];
    let sheet = book.add_worksheet().set_name("Projects").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *value).unwrap();
        }
    }
    let sheet = book.add_worksheet().set_name("Assignments").unwrap();
    for (c, value) in [
        "Project number",
        "Person email",
        "Role on project",
        "2026-11-29",
        "2026-12-09",
        "2026-12-13",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *value).unwrap();
    }
    sheet.write_string(1, 0, "P-1").unwrap();
    sheet.write_string(1, 1, "ada@example.com").unwrap();
    sheet.write_string(1, 2, "Lead").unwrap();
    sheet.write_number(1, 3, 8.0).unwrap();
    sheet.write_number(1, 4, 12.5).unwrap();
    sheet.write_number(1, 5, 4.0).unwrap();
    let sheet = book.add_worksheet().set_name("Hours").unwrap();
    for (c, value) in ["Project", "Person email", "Week", "Hours"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *value).unwrap();
    }
    sheet.write_string(1, 0, "Tunnel").unwrap();
    sheet.write_string(1, 1, bob_email).unwrap();
    sheet.write_string(1, 2, "2026-11-29").unwrap();
    sheet.write_number(1, 3, 20.0).unwrap();
    let sheet = book.add_worksheet().set_name("Deliverables").unwrap();
    for (c, value) in [
        "Project number",
        "Description",
        "Percentage",
        "Date",
        "Completed",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *value).unwrap();
    }
    for (r, (description, percent)) in [("SD", 35.0), ("DD", 75.0)].iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, "P-1").unwrap();
        sheet.write_string(r, 1, *description).unwrap();
        sheet.write_number(r, 2, *percent).unwrap();
        sheet.write_string(r, 3, "2026-12-20").unwrap();
        sheet
            .write_string(r, 4, if r == 1 { "yes" } else { "no" })
            .unwrap();
    }
    book.save_to_buffer().unwrap()
}

async fn seed_people(crew: &Crew) {
    let csv = "Name,Email\nAda Byron,ada@example.com\nBob Stone,bob@example.com\n";
    let job = crew
        .import("people", "people.csv", csv.as_bytes(), &[])
        .await;
    assert_eq!(job["result"]["applied"], true, "{job}");
}

fn count_of(report: &Value, entity: &str, outcome: &str) -> i64 {
    report["counts"][entity][outcome].as_i64().unwrap_or(0)
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_projects_workbook_goes_in_whole_and_again_changes_nothing(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    seed_people(&crew).await;
    let job = crew
        .import(
            "projects",
            "projects.xlsx",
            &workbook("bob@example.com"),
            &[],
        )
        .await;
    let report = &job["result"];
    assert_eq!(
        (job["state"].as_str(), report["applied"].as_bool()),
        (Some("succeeded"), Some(true)),
        "{job}"
    );
    assert_eq!(count_of(report, "project", "created"), 2);
    assert_eq!(count_of(report, "assignment", "created"), 2);
    assert_eq!(count_of(report, "weekly_hours", "created"), 4);
    assert_eq!(count_of(report, "deliverable", "created"), 2);
    let moved = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "week_moved_to_sunday");
    assert!(
        moved.is_some_and(|i| i["column"] == "2026-12-09"),
        "{report}"
    );

    let weeks: Vec<(String, String, i32)> = sqlx::query_as(
        "SELECT p.project_number, w.week::text, w.centihours FROM assignment_weeks w
         JOIN assignments a ON a.id = w.assignment_id JOIN projects p ON p.id = a.project_id
         ORDER BY 1, 2",
    )
    .fetch_all(&crew.state.db)
    .await
    .unwrap();
    assert_eq!(
        weeks,
        vec![
            ("P-1".into(), "2026-11-29".into(), 800),
            ("P-1".into(), "2026-12-06".into(), 1250),
            ("P-1".into(), "2026-12-13".into(), 400),
            ("P-2".into(), "2026-11-29".into(), 2000),
        ]
    );
    let tunnel: (String, Option<String>) =
        sqlx::query_as("SELECT status, estimated_hours::text FROM projects WHERE name = 'Tunnel'")
            .fetch_one(&crew.state.db)
            .await
            .unwrap();
    assert_eq!(tunnel, ("on_hold".into(), None));
    let done: (bool, bool) = sqlx::query_as(
        "SELECT bool_or(is_completed), bool_and(completed_date IS NOT NULL) FILTER (WHERE is_completed) FROM deliverables",
    )
    .fetch_one(&crew.state.db)
    .await
    .unwrap();
    assert_eq!(done, (true, true));

    let again = crew
        .import(
            "projects",
            "projects.xlsx",
            &workbook("bob@example.com"),
            &[("updateExisting", "true")],
        )
        .await;
    let report = &again["result"];
    for entity in ["project", "assignment", "weekly_hours", "deliverable"] {
        assert_eq!(
            count_of(report, entity, "created") + count_of(report, entity, "updated"),
            0,
            "{entity}: {report}"
        );
    }
    assert_eq!(count_of(report, "weekly_hours", "unchanged"), 4);
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_unknown_person_keeps_the_whole_workbook_out(pool: PgPool) {
    let crew = Crew::new(pool).await;
    let worker = TestWorker::start(&crew.state, |worker| worker).await;
    seed_people(&crew).await;
    let job = crew
        .import(
            "projects",
            "projects.xlsx",
            &workbook("nobody@example.com"),
            &[],
        )
        .await;
    let report = &job["result"];
    assert_eq!(report["applied"], false, "{job}");
    let unknown = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "unknown_person")
        .unwrap();
    assert_eq!(
        (unknown["sheet"].as_str(), unknown["row"].as_i64()),
        (Some("Hours"), Some(2))
    );
    let projects: i64 = sqlx::query_scalar("SELECT count(*) FROM projects")
        .fetch_one(&crew.state.db)
        .await
        .unwrap();
    assert_eq!(projects, 0, "nothing went in");
    worker.stop().await;
}

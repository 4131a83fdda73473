//! What the store's integration tests share: field sets for a person and a project, a
//! person, project and assignment made from them, the Sunday their plans start from, and
//! the kept weekly loads compared with the plan summed from scratch, and a property-test
//! runner that drives async checks.

use chrono::NaiveDate;
use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use sqlx::PgConnection;
use wt_store::assignments::{self, AssignmentFields};
use wt_store::people::{Person, PersonFields};
use wt_store::projects::{Project, ProjectFields};
use wt_store::stored::Stored;

pub fn first_sunday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date")
}

pub fn person(name: String) -> PersonFields {
    PersonFields {
        name,
        email: None,
        capacity_centihours: 3600,
        role_id: None,
        department_id: None,
        location: String::new(),
        hire_date: None,
        notes: String::new(),
        is_active: true,
    }
}

pub fn project(name: String) -> ProjectFields {
    ProjectFields {
        name,
        project_number: None,
        client: "Internal".to_owned(),
        status: "active".to_owned(),
        start_date: None,
        end_date: None,
        estimated_centihours: None,
        description: String::new(),
        notes: String::new(),
        is_active: true,
    }
}

pub async fn new_person(conn: &mut PgConnection, name: &str) -> i64 {
    Person::insert(conn, &person(name.into()))
        .await
        .expect("person")
        .id
}

pub async fn new_project(conn: &mut PgConnection, name: &str) -> i64 {
    Project::insert(conn, &project(name.into()))
        .await
        .expect("project")
        .id
}

pub async fn assign(conn: &mut PgConnection, person_id: i64, project_id: i64, role: String) -> i64 {
    let fields = AssignmentFields {
        person_id,
        project_id,
        role_on_project: role,
        notes: String::new(),
        is_active: true,
    };
    assignments::insert(conn, &fields)
        .await
        .expect("assignment")
}

/// Rows of the maintained loads and assignment counts that differ from the plan summed
/// (or counted) from scratch, both ways.
pub async fn mismatches(conn: &mut PgConnection) -> Vec<String> {
    sqlx::query_scalar(
        r#"WITH counted AS (
               SELECT a.person_id, a.project_id, w.week, w.centihours, pr.status,
                      pr.is_active AS project_active, p.is_active AS person_active
               FROM assignment_weeks w
               JOIN assignments a ON a.id = w.assignment_id AND a.is_active
               JOIN projects pr ON pr.id = a.project_id
               JOIN people p ON p.id = a.person_id),
           person_expected AS (
               SELECT person_id, week,
                      coalesce(sum(centihours) FILTER (WHERE status = 'planning'), 0) AS planning,
                      coalesce(sum(centihours) FILTER (WHERE status = 'active'), 0) AS active,
                      coalesce(sum(centihours) FILTER (WHERE status = 'active_ca'), 0) AS active_ca,
                      coalesce(sum(centihours) FILTER (WHERE status = 'on_hold'), 0) AS on_hold,
                      coalesce(sum(centihours) FILTER (WHERE status = 'completed'), 0) AS completed,
                      coalesce(sum(centihours) FILTER (WHERE status = 'cancelled'), 0) AS cancelled
               FROM counted WHERE project_active GROUP BY person_id, week),
           person_kept AS (
               SELECT person_id, week, planning::bigint, active::bigint, active_ca::bigint,
                      on_hold::bigint, completed::bigint, cancelled::bigint
               FROM person_week_load),
           project_expected AS (
               SELECT project_id, week, sum(centihours) AS centihours
               FROM counted WHERE person_active GROUP BY project_id, week),
           project_kept AS (
               SELECT project_id, week, centihours::bigint FROM project_week_load),
           count_expected AS (
               SELECT a.person_id,
                      count(*) FILTER (WHERE pr.status = 'planning') AS planning,
                      count(*) FILTER (WHERE pr.status = 'active') AS active,
                      count(*) FILTER (WHERE pr.status = 'active_ca') AS active_ca,
                      count(*) FILTER (WHERE pr.status = 'on_hold') AS on_hold,
                      count(*) FILTER (WHERE pr.status = 'completed') AS completed,
                      count(*) FILTER (WHERE pr.status = 'cancelled') AS cancelled
               FROM assignments a JOIN projects pr ON pr.id = a.project_id AND pr.is_active
               WHERE a.is_active GROUP BY a.person_id),
           count_kept AS (
               SELECT person_id, planning::bigint, active::bigint, active_ca::bigint,
                      on_hold::bigint, completed::bigint, cancelled::bigint
               FROM person_assignment_count
               WHERE (planning, active, active_ca, on_hold, completed, cancelled)
                     <> (0, 0, 0, 0, 0, 0))
           SELECT 'person missing ' || e::text
           FROM (SELECT * FROM person_expected EXCEPT SELECT * FROM person_kept) e
           UNION ALL
           SELECT 'person extra ' || k::text
           FROM (SELECT * FROM person_kept EXCEPT SELECT * FROM person_expected) k
           UNION ALL
           SELECT 'project missing ' || e::text
           FROM (SELECT * FROM project_expected EXCEPT SELECT * FROM project_kept) e
           UNION ALL
           SELECT 'project extra ' || k::text
           FROM (SELECT * FROM project_kept EXCEPT SELECT * FROM project_expected) k
           UNION ALL
           SELECT 'count missing ' || e::text
           FROM (SELECT * FROM count_expected EXCEPT SELECT * FROM count_kept) e
           UNION ALL
           SELECT 'count extra ' || k::text
           FROM (SELECT * FROM count_kept EXCEPT SELECT * FROM count_expected) k"#,
    )
    .fetch_all(conn)
    .await
    .expect("loads compared")
}

/// Runs `check` on `cases` values of `strategy` from a blocking thread (proptest's runner
/// is synchronous; the checks talk to PostgreSQL), panicking with the shrunk failure.
pub async fn run_cases<S, F, Fut>(cases: u32, strategy: S, check: F)
where
    S: Strategy + Send + 'static,
    S::Value: Send,
    F: Fn(S::Value) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<(), TestCaseError>>,
{
    let mut runner = TestRunner::new(Config {
        cases,
        ..Config::default()
    });
    let handle = tokio::runtime::Handle::current();
    let outcome =
        tokio::task::spawn_blocking(move || runner.run(&strategy, |v| handle.block_on(check(v))))
            .await
            .expect("the property test ran");
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
}

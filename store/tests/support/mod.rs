//! What the store's integration tests share: field sets for a person and a project, the
//! Sunday their plans start from, and a property-test runner that drives async checks.

use chrono::NaiveDate;
use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use wt_store::people::PersonFields;
use wt_store::projects::ProjectFields;

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

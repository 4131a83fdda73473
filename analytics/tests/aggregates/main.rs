//! Property test of the aggregates against the real PostgreSQL: for random companies
//! (a department tree, people with capacities including 0, active or not, projects in
//! every status, active or not, assignments active or not with weekly hours inside and
//! outside the window), the dashboard, forecast, heatmap and department rollup report
//! exactly what a plain computation over the same plan gives: totals, percentages, bands,
//! peaks (first wins), over-allocation counts, rankings and sub-department rollups.
//!
//! The random companies are made and stored in [`company`], the plain computation is
//! [`model`], and each aggregate is compared with it in [`checks`].

mod checks;
mod company;
mod model;
#[path = "../../../store/tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::Duration;
use proptest::prelude::*;
use serde_json::Value;
use sqlx::PgPool;
use wt_analytics::{Aggregate, DashboardParams, HeatmapParams, HeatmapSort, Window};
use wt_domain::utilization::Bands;
use wt_domain::weeks::Week;

use checks::{check_dashboard, check_forecast, check_heatmap, check_rollup};
use company::{companies, store};
use support::{first_sunday, run_cases};

const STATUSES: [&str; 6] = [
    "planning",
    "active",
    "active_ca",
    "on_hold",
    "completed",
    "cancelled",
];
const COUNTED: [&str; 3] = ["planning", "active", "active_ca"];

#[derive(Debug, Clone)]
struct Person {
    /// Index of the department (into `Company::parents`), if any.
    department: Option<usize>,
    capacity: i64,
    active: bool,
}

#[derive(Debug, Clone)]
struct Assignment {
    person: usize,
    project: usize,
    active: bool,
    /// Week offset from the first Sunday -> hundredths.
    weeks: BTreeMap<i64, i64>,
}

#[derive(Debug, Clone)]
struct Company {
    /// Each department's parent, always an earlier one (so the tree is valid).
    parents: Vec<Option<usize>>,
    people: Vec<Person>,
    /// (status, active) per project.
    projects: Vec<(usize, bool)>,
    assignments: Vec<Assignment>,
    weeks: u32,
    /// The department filter: (department, include children).
    scope: Option<(usize, bool)>,
    team_limit: u32,
}

/// The plain computation: one person's counted hours per window week.
struct Load {
    index: usize,
    name: String,
    capacity: i64,
    weeks: Vec<i64>,
}

async fn render(pool: &PgPool, aggregate: Aggregate) -> Value {
    let body = aggregate.render(pool, &Bands::default()).await.unwrap();
    serde_json::from_slice(&body).unwrap()
}

async fn check(pool: &PgPool, company: &Company) -> Result<(), TestCaseError> {
    let (departments, _) = store(pool, company).await;
    let window = Window {
        start: Week::from_sunday(first_sunday()).unwrap(),
        weeks: company.weeks,
        department: company.scope.map(|(d, _)| departments[d]),
        include_children: company.scope.is_none_or(|(_, children)| children),
    };
    let dashboard = render(
        pool,
        Aggregate::Dashboard(DashboardParams {
            window,
            team_limit: company.team_limit,
        }),
    )
    .await;
    check_dashboard(company, &dashboard)?;
    check_forecast(company, &render(pool, Aggregate::Forecast(window)).await)?;
    let heatmap = Aggregate::Heatmap(HeatmapParams {
        window,
        offset: 0,
        limit: 100,
        sort: HeatmapSort::Name,
    });
    check_heatmap(company, &render(pool, heatmap).await)?;
    let whole_tree = Window {
        department: None,
        ..window
    };
    let rollup = render(pool, Aggregate::DepartmentRollup(whole_tree)).await;
    check_rollup(company, &departments, &rollup)
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn aggregates_match_a_plain_computation(pool: PgPool) {
    run_cases(12, companies(), move |company| {
        let pool = pool.clone();
        async move { check(&pool, &company).await }
    })
    .await;
}

//! Property test of the aggregates against the real PostgreSQL: for random companies
//! (a department tree, people with capacities including 0, active or not, projects in
//! every status, active or not, assignments active or not with weekly hours inside and
//! outside the window), the dashboard, forecast, heatmap and department rollup report
//! exactly what a plain computation over the same plan gives: totals, percentages, bands,
//! peaks (first wins), over-allocation counts, rankings and sub-department rollups.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::Duration;
use proptest::prelude::*;
use serde_json::Value;
use sqlx::PgPool;
use wt_analytics::{Aggregate, DashboardParams, HeatmapParams, HeatmapSort, Window};
use wt_domain::utilization::Bands;
use wt_domain::weeks::Week;

#[path = "../../store/tests/support/mod.rs"]
#[allow(dead_code)]
mod support;
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

fn companies() -> impl Strategy<Value = Company> {
    let parents = prop::collection::vec(prop::option::of(0usize..4), 1..5).prop_map(|raw| {
        raw.iter()
            .enumerate()
            .map(|(i, p)| p.filter(|_| i > 0).map(|p| p % i))
            .collect::<Vec<_>>()
    });
    let capacity = prop_oneof![Just(0i64), Just(3600), Just(4000), 0i64..=5000];
    let people = prop::collection::vec(
        (
            prop::option::of(0usize..5),
            capacity,
            prop::bool::weighted(0.85),
        ),
        1..8,
    );
    let projects = prop::collection::vec((0usize..6, prop::bool::weighted(0.85)), 1..4);
    let hours = prop_oneof![1i64..=16_800, 1000i64..=2000];
    let assignments = prop::collection::vec(
        (
            0usize..8,
            0usize..4,
            prop::bool::weighted(0.85),
            prop::collection::btree_map(-2i64..8, hours, 0..6),
        ),
        0..14,
    );
    (
        parents,
        people,
        projects,
        assignments,
        1u32..=6,
        prop::option::of((0usize..5, any::<bool>())),
        1u32..=4,
    )
        .prop_map(
            |(parents, people, projects, assignments, weeks, scope, team_limit)| {
                let departments = parents.len();
                Company {
                    people: people
                        .into_iter()
                        .map(|(department, capacity, active)| Person {
                            department: department.filter(|d| *d < departments),
                            capacity,
                            active,
                        })
                        .collect(),
                    assignments: assignments
                        .into_iter()
                        .map(|(person, project, active, weeks)| Assignment {
                            person,
                            project: project % projects.len(),
                            active,
                            weeks,
                        })
                        .collect(),
                    scope: scope.map(|(d, children)| (d % departments, children)),
                    parents,
                    projects,
                    weeks,
                    team_limit,
                }
            },
        )
}

/// Stores the company (people beyond those generated are dropped from assignments).
async fn store(pool: &PgPool, company: &Company) -> (Vec<i64>, Vec<i64>) {
    sqlx::query("TRUNCATE departments, people, projects, roles, skill_tags CASCADE")
        .execute(pool)
        .await
        .unwrap();
    let mut departments: Vec<i64> = Vec::new();
    for (i, parent) in company.parents.iter().enumerate() {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO departments (name, parent_id) VALUES ($1, $2) RETURNING id",
        )
        .bind(format!("D{i}"))
        .bind(parent.map(|p| departments[p]))
        .fetch_one(pool)
        .await
        .unwrap();
        departments.push(id);
    }
    let mut people = Vec::new();
    for (i, person) in company.people.iter().enumerate() {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO people (name, weekly_capacity, department_id, is_active) \
             VALUES ($1, $2::numeric / 100, $3, true) RETURNING id",
        )
        .bind(format!("P{i}"))
        .bind(person.capacity)
        .bind(person.department.map(|d| departments[d]))
        .fetch_one(pool)
        .await
        .unwrap();
        people.push(id);
    }
    let mut projects = Vec::new();
    for (i, (status, _)) in company.projects.iter().enumerate() {
        let id: i64 =
            sqlx::query_scalar("INSERT INTO projects (name, status) VALUES ($1, $2) RETURNING id")
                .bind(format!("J{i}"))
                .bind(STATUSES[*status])
                .fetch_one(pool)
                .await
                .unwrap();
        projects.push(id);
    }
    for (i, a) in company.assignments.iter().enumerate() {
        let Some(person) = people.get(a.person) else {
            continue;
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO assignments (person_id, project_id, role_on_project) \
             VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(person)
        .bind(projects[a.project])
        .bind(format!("r{i}"))
        .fetch_one(pool)
        .await
        .unwrap();
        for (offset, centihours) in &a.weeks {
            sqlx::query(
                "INSERT INTO assignment_weeks (assignment_id, week, centihours) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(first_sunday() + Duration::weeks(*offset))
            .bind(*centihours as i32)
            .execute(pool)
            .await
            .unwrap();
        }
        if !a.active {
            sqlx::query("UPDATE assignments SET is_active = false WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .unwrap();
        }
    }
    // Deactivated after their hours went in, so the kept loads must take them out.
    for (i, (_, active)) in company.projects.iter().enumerate() {
        sqlx::query("UPDATE projects SET is_active = $2 WHERE id = $1")
            .bind(projects[i])
            .bind(active)
            .execute(pool)
            .await
            .unwrap();
    }
    for (i, person) in company.people.iter().enumerate() {
        sqlx::query("UPDATE people SET is_active = $2 WHERE id = $1")
            .bind(people[i])
            .bind(person.active)
            .execute(pool)
            .await
            .unwrap();
    }
    (departments, people)
}

/// The plain computation: one person's counted hours per window week.
struct Load {
    index: usize,
    name: String,
    capacity: i64,
    weeks: Vec<i64>,
}

impl Load {
    fn total(&self) -> i64 {
        self.weeks.iter().sum()
    }

    /// Average utilization as a fraction (numerator, denominator); 0 without capacity.
    fn average(&self) -> (i64, i64) {
        if self.capacity == 0 {
            (0, 1)
        } else {
            (self.total(), self.capacity * self.weeks.len() as i64)
        }
    }

    /// The first week with the highest percentage.
    fn peak(&self) -> usize {
        let mut best = 0;
        for (i, h) in self.weeks.iter().enumerate() {
            if self.capacity > 0 && *h > self.weeks[best] {
                best = i;
            }
        }
        best
    }

    fn available(&self) -> i64 {
        self.weeks.iter().map(|h| (self.capacity - h).max(0)).sum()
    }

    fn over_weeks(&self) -> usize {
        self.weeks.iter().filter(|h| **h > self.capacity).count()
    }
}

fn percent(allocated: i64, capacity: i64) -> f64 {
    if capacity == 0 {
        0.0
    } else {
        (allocated * 100) as f64 / capacity as f64
    }
}

/// Fractions compared exactly.
fn cmp_fraction(a: (i64, i64), b: (i64, i64)) -> Ordering {
    (i128::from(a.0) * i128::from(b.1)).cmp(&(i128::from(b.0) * i128::from(a.1)))
}

/// The band of a load against a capacity with the default thresholds, as documented.
fn band(allocated: i64, capacity: i64) -> &'static str {
    let p = percent(allocated, capacity);
    if (capacity == 0 && allocated > 0) || p > 100.0 {
        "over_allocated"
    } else if p >= 85.0 {
        "high"
    } else if p >= 70.0 {
        "optimal"
    } else {
        "available"
    }
}

/// Departments at or below `root`.
fn subtree(parents: &[Option<usize>], root: usize) -> Vec<usize> {
    (0..parents.len())
        .filter(|d| {
            let mut at = Some(*d);
            while let Some(x) = at {
                if x == root {
                    return true;
                }
                at = parents[x];
            }
            false
        })
        .collect()
}

fn in_scope(company: &Company, person: &Person) -> bool {
    match company.scope {
        None => true,
        Some((root, children)) => person.department.is_some_and(|d| {
            d == root || (children && subtree(&company.parents, root).contains(&d))
        }),
    }
}

/// The counted load of every active person (in scope when `scoped`), by name.
fn loads(company: &Company, scoped: bool) -> Vec<Load> {
    let weeks = company.weeks as usize;
    let mut loads: Vec<Load> = company
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.active && (!scoped || in_scope(company, p)))
        .map(|(index, p)| Load {
            index,
            name: format!("P{index}"),
            capacity: p.capacity,
            weeks: vec![0; weeks],
        })
        .collect();
    for a in &company.assignments {
        let (status, project_active) = company.projects[a.project];
        if !a.active || !project_active || !COUNTED.contains(&STATUSES[status]) {
            continue;
        }
        if let Some(load) = loads.iter_mut().find(|l| l.index == a.person) {
            for (offset, hours) in &a.weeks {
                if (0..weeks as i64).contains(offset) {
                    load.weeks[*offset as usize] += hours;
                }
            }
        }
    }
    loads
}

/// Percentages read back from JSON: serde_json's default float parser may land one ulp
/// off the serialized value, so they are compared to within a billionth.
fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-9 * want.abs().max(1.0)
}

fn hours(value: &Value) -> f64 {
    value.as_f64().expect("a number")
}

fn h(centihours: i64) -> f64 {
    centihours as f64 / 100.0
}

fn date(week: usize) -> String {
    (first_sunday() + Duration::weeks(week as i64)).to_string()
}

async fn render(pool: &PgPool, aggregate: Aggregate) -> Value {
    let body = aggregate.render(pool, &Bands::default()).await.unwrap();
    serde_json::from_slice(&body).unwrap()
}

fn check_dashboard(company: &Company, dashboard: &Value) -> Result<(), TestCaseError> {
    let loads = loads(company, true);
    let summary = &dashboard["summary"];
    prop_assert_eq!(summary["people"].as_u64(), Some(loads.len() as u64));
    let total: i64 = loads.iter().map(Load::total).sum();
    let capacity: i64 = loads.iter().map(|l| l.capacity).sum::<i64>() * i64::from(company.weeks);
    prop_assert!(close(
        hours(&summary["averageUtilization"]),
        percent(total, capacity)
    ));
    let over = loads.iter().filter(|l| l.over_weeks() > 0).count();
    prop_assert_eq!(summary["overAllocated"].as_u64(), Some(over as u64));
    for band_name in ["available", "optimal", "high", "over_allocated"] {
        let expected = loads
            .iter()
            .filter(|l| band(l.total(), l.capacity * i64::from(company.weeks)) == band_name)
            .count();
        let reported = dashboard["distribution"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["band"] == band_name)
            .map(|d| d["people"].as_u64().unwrap());
        prop_assert_eq!(reported, Some(expected as u64), "band {}", band_name);
    }
    // Team: fullest average first, then name.
    let mut team: Vec<&Load> = loads.iter().collect();
    team.sort_by(|a, b| cmp_fraction(b.average(), a.average()).then(a.name.cmp(&b.name)));
    let rows = dashboard["team"]["rows"].as_array().unwrap();
    prop_assert_eq!(
        dashboard["team"]["total"].as_u64(),
        Some(loads.len() as u64)
    );
    prop_assert_eq!(rows.len(), team.len().min(company.team_limit as usize));
    for (row, load) in rows.iter().zip(&team) {
        prop_assert_eq!(row["name"].as_str(), Some(load.name.as_str()));
        prop_assert_eq!(hours(&row["allocated"]), h(load.total()));
        prop_assert_eq!(hours(&row["capacity"]), h(load.capacity));
        let window_capacity = load.capacity * i64::from(company.weeks);
        prop_assert!(close(
            hours(&row["percent"]),
            percent(load.total(), window_capacity)
        ));
        prop_assert_eq!(
            row["band"].as_str(),
            Some(band(load.total(), window_capacity))
        );
        let peak = load.peak();
        prop_assert_eq!(&row["peakWeek"], &Value::from(date(peak)));
        prop_assert!(close(
            hours(&row["peakPercent"]),
            percent(load.weeks[peak], load.capacity)
        ));
    }
    // Most available: most free hours first, then name.
    let mut free: Vec<&Load> = loads.iter().collect();
    free.sort_by(|a, b| b.available().cmp(&a.available()).then(a.name.cmp(&b.name)));
    let listed: Vec<(&str, f64)> = dashboard["mostAvailable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), hours(&r["availableHours"])))
        .collect();
    let expected: Vec<(&str, f64)> = free
        .iter()
        .take(10)
        .map(|l| (l.name.as_str(), h(l.available())))
        .collect();
    prop_assert_eq!(listed, expected);
    // Over-allocated: fullest peak first, then more weeks over, then name.
    let peak_ratio = |l: &Load| {
        if l.capacity == 0 {
            (0, 1)
        } else {
            (l.weeks[l.peak()], l.capacity)
        }
    };
    let mut overs: Vec<&Load> = loads.iter().filter(|l| l.over_weeks() > 0).collect();
    overs.sort_by(|a, b| {
        cmp_fraction(peak_ratio(b), peak_ratio(a))
            .then(b.over_weeks().cmp(&a.over_weeks()))
            .then(a.name.cmp(&b.name))
    });
    let listed: Vec<(&str, u64, &str)> = dashboard["overAllocated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["overWeeks"].as_u64().unwrap(),
                r["peakWeek"].as_str().unwrap(),
            )
        })
        .collect();
    let peak_dates: Vec<String> = overs.iter().map(|l| date(l.peak())).collect();
    let expected: Vec<(&str, u64, &str)> = overs
        .iter()
        .zip(&peak_dates)
        .map(|(l, d)| (l.name.as_str(), l.over_weeks() as u64, d.as_str()))
        .collect();
    prop_assert_eq!(listed, expected);
    // The peak: the highest single week of anyone, earliest week then name among equals.
    let mut best: Option<(&Load, usize)> = None;
    for load in loads.iter().filter(|l| l.capacity > 0) {
        for (week, hours) in load.weeks.iter().enumerate() {
            if *hours == 0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((b, bw)) => cmp_fraction((*hours, load.capacity), (b.weeks[bw], b.capacity))
                    .then(bw.cmp(&week))
                    .then(b.name.cmp(&load.name))
                    .is_gt(),
            };
            if better {
                best = Some((load, week));
            }
        }
    }
    match best {
        None => prop_assert!(summary["peak"].is_null()),
        Some((load, week)) => {
            prop_assert_eq!(summary["peak"]["name"].as_str(), Some(load.name.as_str()));
            prop_assert_eq!(&summary["peak"]["week"], &Value::from(date(week)));
            prop_assert!(close(
                hours(&summary["peak"]["percent"]),
                percent(load.weeks[week], load.capacity)
            ));
        }
    }
    Ok(())
}

fn check_forecast(company: &Company, forecast: &Value) -> Result<(), TestCaseError> {
    let loads = loads(company, true);
    let weeks = forecast["weeks"].as_array().unwrap();
    prop_assert_eq!(weeks.len(), company.weeks as usize);
    for (w, row) in weeks.iter().enumerate() {
        let capacity: i64 = loads.iter().map(|l| l.capacity).sum();
        let allocated: i64 = loads.iter().map(|l| l.weeks[w]).sum();
        let free: i64 = loads.iter().map(|l| (l.capacity - l.weeks[w]).max(0)).sum();
        prop_assert_eq!(&row["week"], &Value::from(date(w)));
        prop_assert_eq!(row["people"].as_u64(), Some(loads.len() as u64));
        prop_assert_eq!(hours(&row["capacity"]), h(capacity));
        prop_assert_eq!(hours(&row["allocated"]), h(allocated));
        prop_assert_eq!(hours(&row["available"]), h(free));
        prop_assert!(close(
            hours(&row["utilization"]),
            percent(allocated, capacity)
        ));
        prop_assert_eq!(row["band"].as_str(), Some(band(allocated, capacity)));
        let mut over: Vec<&Load> = loads.iter().filter(|l| l.weeks[w] > l.capacity).collect();
        prop_assert_eq!(row["overAllocatedCount"].as_u64(), Some(over.len() as u64));
        let ratio = |l: &Load| {
            if l.capacity == 0 {
                (0, 1)
            } else {
                (l.weeks[w], l.capacity)
            }
        };
        over.sort_by(|a, b| cmp_fraction(ratio(b), ratio(a)).then(a.name.cmp(&b.name)));
        let listed: Vec<&str> = row["overAllocated"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = over.iter().take(10).map(|l| l.name.as_str()).collect();
        prop_assert_eq!(listed, expected);
    }
    Ok(())
}

fn check_heatmap(company: &Company, heatmap: &Value) -> Result<(), TestCaseError> {
    let mut loads = loads(company, true);
    loads.sort_by(|a, b| a.name.cmp(&b.name));
    prop_assert_eq!(heatmap["total"].as_u64(), Some(loads.len() as u64));
    let rows = heatmap["rows"].as_array().unwrap();
    prop_assert_eq!(rows.len(), loads.len());
    for (row, load) in rows.iter().zip(&loads) {
        prop_assert_eq!(row["name"].as_str(), Some(load.name.as_str()));
        let got: Vec<f64> = row["hours"].as_array().unwrap().iter().map(hours).collect();
        let want: Vec<f64> = load.weeks.iter().map(|c| h(*c)).collect();
        prop_assert_eq!(got, want);
        let got: Vec<f64> = row["percent"]
            .as_array()
            .unwrap()
            .iter()
            .map(hours)
            .collect();
        let want: Vec<f64> = load
            .weeks
            .iter()
            .map(|c| percent(*c, load.capacity))
            .collect();
        prop_assert!(got.len() == want.len() && got.iter().zip(&want).all(|(g, w)| close(*g, *w)));
    }
    Ok(())
}

/// Every department (the whole tree): people and weekly figures of its subtree.
fn check_rollup(
    company: &Company,
    departments: &[i64],
    rollup: &Value,
) -> Result<(), TestCaseError> {
    let loads = loads(company, false);
    let listed = rollup["departments"].as_array().unwrap();
    prop_assert_eq!(listed.len(), company.parents.len());
    for row in listed {
        let index = departments
            .iter()
            .position(|id| Some(*id) == row["id"].as_i64())
            .expect("a known department");
        let below = subtree(&company.parents, index);
        let members: Vec<&Load> = loads
            .iter()
            .filter(|l| {
                company.people[l.index]
                    .department
                    .is_some_and(|d| below.contains(&d))
            })
            .collect();
        prop_assert_eq!(row["people"].as_u64(), Some(members.len() as u64));
        for (w, week) in row["weeks"].as_array().unwrap().iter().enumerate() {
            let capacity: i64 = members.iter().map(|l| l.capacity).sum();
            let allocated: i64 = members.iter().map(|l| l.weeks[w]).sum();
            prop_assert_eq!(hours(&week["capacity"]), h(capacity));
            prop_assert_eq!(hours(&week["allocated"]), h(allocated));
            prop_assert!(close(
                hours(&week["utilization"]),
                percent(allocated, capacity)
            ));
        }
    }
    Ok(())
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

//! The read-only aggregates behind the dashboard and the people, project, department and
//! personal overviews: which views exist ([`Aggregate`]), their canonical cache keys, and
//! rendering each to its JSON body. Totals, ranking, peaks, band counts and department
//! rollups are computed by PostgreSQL over the normalised tables and the trigger-kept
//! week loads; Rust maps rows to views, with percentages and bands from
//! `wt_domain::utilization` so every screen agrees.

mod available;
mod dashboard;
mod error;
mod forecast;
mod heatmap;
mod my_work;
mod person_weeks;
mod rollup;
mod staffing;
pub mod views;

use chrono::NaiveDate;
use sqlx::PgPool;
use wt_domain::hours::Hours;
use wt_domain::utilization::Bands;
use wt_domain::weeks::Week;

pub use available::{AvailablePerson, AvailableView};
pub use dashboard::{
    DashboardView, MostAvailable, OverAllocatedPerson, PeakView, RecentChange, Summary, TeamRow,
    TeamView,
};
pub use error::AnalyticsError;
pub use forecast::{ForecastView, ForecastWeek, OverAllocatedInWeek, RoleForecast, RoleWeek};
pub use heatmap::{HeatmapRow, HeatmapView};
pub use my_work::{MyAlert, MyDeliverable, MyPerson, MyProject, MyWorkView};
pub use person_weeks::{PersonWeek, PersonWeeks, person_weeks};
pub use rollup::{DepartmentRollup, RollupView, RollupWeek};
pub use staffing::{
    DeliverablePerson, StaffingDeliverable, StaffingPerson, StaffingProject, StaffingView,
};
pub use views::BandCount;

/// The project statuses whose hours count in every aggregate: the planning grid's default
/// filter ("active and planning").
pub const COUNTED_STATUSES: [&str; 3] = ["planning", "active", "active_ca"];

/// [`COUNTED_STATUSES`] as the queries bind them.
fn counted() -> Vec<String> {
    COUNTED_STATUSES.map(str::to_owned).to_vec()
}

/// The weeks and the people an aggregate covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The first Sunday.
    pub start: Week,
    /// How many weeks (the API allows 1 to 52).
    pub weeks: u32,
    /// Only people of this department (`None`: everyone).
    pub department: Option<i64>,
    /// With `department`: its sub-departments' people too.
    pub include_children: bool,
}

impl Window {
    /// Every Sunday of the window, in order.
    pub fn week_keys(&self) -> Vec<Week> {
        Week::range(self.start, self.weeks as usize).collect()
    }

    /// The first and last Sunday, inclusive.
    fn bounds(&self) -> (NaiveDate, NaiveDate) {
        span(self.start, self.weeks)
    }

    fn key(&self) -> String {
        let department = self.department.map_or("-".to_owned(), |id| id.to_string());
        format!(
            "{}:{}:d{department}:c{}",
            self.start,
            self.weeks,
            u8::from(self.include_children)
        )
    }
}

/// The first and last Sunday of `weeks` weeks from `start`.
fn span(start: Week, weeks: u32) -> (NaiveDate, NaiveDate) {
    let first = start.as_date();
    (
        first,
        first + chrono::Duration::weeks(i64::from(weeks.max(1)) - 1),
    )
}

/// `GET /api/dashboard`: the window and how many team rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardParams {
    pub window: Window,
    /// Team rows, 1 to 500.
    pub team_limit: u32,
}

/// The heatmap's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeatmapSort {
    /// By name.
    Name,
    /// Fullest first (average over the window), then by name.
    Utilization,
}

impl HeatmapSort {
    pub fn as_str(self) -> &'static str {
        match self {
            HeatmapSort::Name => "name",
            HeatmapSort::Utilization => "utilization",
        }
    }
}

/// `GET /api/people/capacity-heatmap`: one page of people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatmapParams {
    pub window: Window,
    pub offset: u32,
    pub limit: u32,
    pub sort: HeatmapSort,
}

/// `GET /api/people/available`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailableParams {
    pub window: Window,
    /// Skill names as asked for (matched case-insensitively), without duplicates.
    pub skills: Vec<String>,
    /// Least average free hours per week.
    pub min_hours: Hours,
    pub limit: u32,
}

/// `GET /api/projects/{id}/staffing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffingParams {
    pub project_id: i64,
    pub start: Week,
    pub weeks: u32,
}

/// `GET /api/me/work`: one person's view; `today` decides which deliverables are next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyWorkParams {
    pub person_id: i64,
    pub start: Week,
    pub weeks: u32,
    pub today: NaiveDate,
}

/// One aggregate view with everything that decides its content (besides the data and
/// the configured bands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Aggregate {
    Dashboard(DashboardParams),
    Heatmap(HeatmapParams),
    Forecast(Window),
    Available(AvailableParams),
    Staffing(StaffingParams),
    DepartmentRollup(Window),
    MyWork(MyWorkParams),
}

impl Aggregate {
    /// What kind of view this is (`dashboard`, `heatmap`, ...), for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            Aggregate::Dashboard(_) => "dashboard",
            Aggregate::Heatmap(_) => "heatmap",
            Aggregate::Forecast(_) => "forecast",
            Aggregate::Available(_) => "available",
            Aggregate::Staffing(_) => "staffing",
            Aggregate::DepartmentRollup(_) => "rollup",
            Aggregate::MyWork(_) => "my_work",
        }
    }

    /// The canonical key of this view: equal parameters give equal keys, different ones
    /// different keys (`dashboard:2026-12-06:12:d5:c1:t50`). Skill names go last, so
    /// their text cannot run into another field.
    pub fn cache_key(&self) -> String {
        let kind = self.kind();
        match self {
            Aggregate::Dashboard(p) => format!("{kind}:{}:t{}", p.window.key(), p.team_limit),
            Aggregate::Heatmap(p) => format!(
                "{kind}:{}:o{}:l{}:s{}",
                p.window.key(),
                p.offset,
                p.limit,
                p.sort.as_str()
            ),
            Aggregate::Forecast(w) | Aggregate::DepartmentRollup(w) => {
                format!("{kind}:{}", w.key())
            }
            Aggregate::Available(p) => format!(
                "{kind}:{}:m{}:l{}:k{}",
                p.window.key(),
                p.min_hours.centihours(),
                p.limit,
                p.skills.join(",")
            ),
            Aggregate::Staffing(p) => {
                format!("{kind}:p{}:{}:{}", p.project_id, p.start, p.weeks)
            }
            Aggregate::MyWork(p) => format!(
                "{kind}:u{}:{}:{}:t{}",
                p.person_id, p.start, p.weeks, p.today
            ),
        }
    }

    /// The view as its JSON body.
    pub async fn render(&self, pool: &PgPool, bands: &Bands) -> Result<Vec<u8>, AnalyticsError> {
        let body = match self {
            Aggregate::Dashboard(p) => {
                serde_json::to_vec(&dashboard::render(pool, bands, p).await?)
            }
            Aggregate::Heatmap(p) => serde_json::to_vec(&heatmap::render(pool, p).await?),
            Aggregate::Forecast(w) => serde_json::to_vec(&forecast::render(pool, bands, w).await?),
            Aggregate::Available(p) => serde_json::to_vec(&available::render(pool, p).await?),
            Aggregate::Staffing(p) => serde_json::to_vec(&staffing::render(pool, p).await?),
            Aggregate::DepartmentRollup(w) => serde_json::to_vec(&rollup::render(pool, w).await?),
            Aggregate::MyWork(p) => serde_json::to_vec(&my_work::render(pool, bands, p).await?),
        };
        Ok(body?)
    }
}

/// The team rows a dashboard shows unless asked otherwise.
pub const DEFAULT_TEAM_LIMIT: u32 = 50;

/// The heatmap page size unless asked otherwise.
pub const DEFAULT_HEATMAP_LIMIT: u32 = 200;

/// The window every overview opens with: 12 weeks from this week.
pub const DEFAULT_WEEKS: u32 = 12;

/// The views worth computing before anyone asks: the default dashboard (12 weeks from
/// `today`'s week) of the whole company and of each active top-level department with its
/// sub-departments, and the whole company's first heatmap page and forecast.
pub async fn most_used(pool: &PgPool, today: Week) -> Result<Vec<Aggregate>, AnalyticsError> {
    let window = |department| Window {
        start: today,
        weeks: DEFAULT_WEEKS,
        department,
        include_children: true,
    };
    let dashboard = |department| {
        Aggregate::Dashboard(DashboardParams {
            window: window(department),
            team_limit: DEFAULT_TEAM_LIMIT,
        })
    };
    let top_level = sqlx::query_scalar!(
        "SELECT id FROM departments WHERE parent_id IS NULL AND is_active ORDER BY lower(name), id"
    )
    .fetch_all(pool)
    .await?;
    let mut views = vec![dashboard(None)];
    views.extend(top_level.into_iter().map(|id| dashboard(Some(id))));
    views.push(Aggregate::Heatmap(HeatmapParams {
        window: window(None),
        offset: 0,
        limit: DEFAULT_HEATMAP_LIMIT,
        sort: HeatmapSort::Name,
    }));
    views.push(Aggregate::Forecast(window(None)));
    Ok(views)
}

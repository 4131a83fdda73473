//! One module per resource; `api_router` mounts them under `/api`. Each handler names
//! its permission guard (`Reader`, `SignedIn`, `Admin`) as an extractor.

pub mod aggregates;
pub mod assignments;
pub mod audit;
pub mod backups;
pub mod candidates;
pub mod deliverables;
pub mod departments;
pub mod exports;
pub mod fields;
pub mod files;
pub mod grid;
pub mod grid_rows;
pub mod health;
pub mod hours;
pub mod imports;
pub mod jobs;
pub mod list;
pub mod me;
pub mod milestone_people;
pub mod password_reset;
pub mod people;
pub mod person_choices;
pub mod person_overview;
pub mod project_grid;
pub mod projects;
pub mod reallocation;
pub mod reallocation_history;
pub mod resource;
pub mod roles;
pub mod skills;
pub mod token;
pub mod user_passwords;
pub mod users;
pub mod utilization;
pub mod weekly;

use axum::Router;
use axum::routing::{any, get, post};

use crate::problem::Problem;
use crate::state::AppState;

/// Every `/api` route. Unknown `/api` paths answer a 404 problem, never the web app.
pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health::health))
        .route("/api/token", post(token::obtain))
        .route("/api/token/refresh", post(token::refresh))
        .route("/api/token/logout", post(token::logout))
        .route("/api/auth/me", get(me::show))
        .route(
            "/api/auth/me/settings",
            axum::routing::patch(me::update_settings),
        )
        .route("/api/auth/change-password", post(me::change_password))
        .route("/api/auth/password-reset", post(password_reset::request))
        .route(
            "/api/auth/password-reset/confirm",
            post(password_reset::confirm),
        )
        .route("/api/users", get(users::list).post(users::create))
        .route("/api/users/{id}", get(users::show).patch(users::update))
        .route(
            "/api/users/{id}/password-reset",
            post(user_passwords::send_reset),
        )
        .route(
            "/api/users/{id}/password",
            post(user_passwords::set_password),
        )
        .route("/api/audit", get(audit::list))
        .route("/api/backups", get(backups::list).post(backups::create))
        .route("/api/backups/restore", get(backups::restore::status))
        .route("/api/backups/{id}", axum::routing::delete(backups::delete))
        .route("/api/backups/{id}/download", get(backups::download))
        .route("/api/backups/{id}/restore", post(backups::restore::start))
        .route("/api/dashboard", get(aggregates::dashboard))
        .route("/api/me/work", get(aggregates::my_work))
        .route("/api/departments/rollup", get(aggregates::rollup))
        .route(
            "/api/departments",
            get(departments::list).post(departments::create),
        )
        .route(
            "/api/departments/{id}",
            get(departments::show)
                .patch(departments::update)
                .delete(departments::delete),
        )
        .route(
            "/api/assignments",
            get(assignments::list).post(assignments::create),
        )
        .route(
            "/api/assignments/hours",
            axum::routing::patch(hours::bulk_hours),
        )
        .route("/api/assignments/grid", get(grid::grid))
        .route("/api/assignments/grid/rows", get(grid_rows::rows))
        .route(
            "/api/assignments/project-grid",
            get(project_grid::project_grid),
        )
        .route(
            "/api/assignments/{id}",
            get(assignments::show)
                .patch(assignments::update)
                .delete(assignments::delete),
        )
        .route(
            "/api/deliverables",
            get(deliverables::list).post(deliverables::create),
        )
        .route("/api/deliverables/calendar", get(deliverables::calendar))
        .route(
            "/api/deliverables/{id}",
            get(deliverables::show)
                .patch(deliverables::update)
                .delete(deliverables::delete),
        )
        .route(
            "/api/deliverables/{id}/reallocations",
            get(reallocation_history::history),
        )
        .route(
            "/api/deliverables/{id}/reallocation/undo",
            post(reallocation::undo),
        )
        .route(
            "/api/deliverables/{id}/people",
            get(milestone_people::people).post(milestone_people::link),
        )
        .route(
            "/api/deliverables/{id}/people/{link}",
            axum::routing::delete(milestone_people::unlink),
        )
        .route(
            "/api/projects/{id}/deliverables/reorder",
            post(deliverables::reorder),
        )
        .route("/api/people", get(people::list).post(people::create))
        .route("/api/people/bulk-department", post(people::bulk_department))
        .route("/api/people/capacity-heatmap", get(aggregates::heatmap))
        .route("/api/people/workload-forecast", get(aggregates::forecast))
        .route("/api/people/available", get(aggregates::available))
        .route("/api/people/choices", get(person_choices::choices))
        .route("/api/people/{id}/overview", get(person_overview::overview))
        .route(
            "/api/people/{id}",
            get(people::show)
                .patch(people::update)
                .delete(people::delete),
        )
        .route("/api/projects", get(projects::list).post(projects::create))
        .route(
            "/api/projects/{id}",
            get(projects::show)
                .patch(projects::update)
                .delete(projects::delete),
        )
        .route("/api/projects/{id}/candidates", get(candidates::candidates))
        .route("/api/projects/{id}/staffing", get(aggregates::staffing))
        .route(
            "/api/people/{id}/skills",
            get(skills::of_person).put(skills::set_for_person),
        )
        .route(
            "/api/people/{id}/skills/{skill}",
            axum::routing::delete(skills::remove_from_person),
        )
        .route("/api/skills", get(skills::list).post(skills::create))
        .route(
            "/api/skills/{id}",
            get(skills::show)
                .patch(skills::update)
                .delete(skills::delete),
        )
        .route("/api/roles", get(roles::list).post(roles::create))
        .route(
            "/api/roles/{id}",
            get(roles::show).patch(roles::update).delete(roles::delete),
        )
        .route(
            "/api/imports/{kind}",
            post(imports::upload).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/api/imports/{kind}/template", get(exports::template))
        .route("/api/exports/people", get(exports::people))
        .route("/api/exports/projects", get(exports::projects))
        .route("/api/jobs", get(jobs::list))
        .route("/api/jobs/stats", get(jobs::operations::stats))
        .route("/api/jobs/schedules", get(jobs::operations::schedules))
        .route("/api/jobs/warm-cache", post(jobs::start::warm_cache))
        .route("/api/jobs/probe", post(jobs::start::probe))
        .route("/api/jobs/{id}", get(jobs::show))
        .route("/api/jobs/{id}/download", get(jobs::download::download))
        .route("/api/jobs/{id}/cancel", post(jobs::actions::cancel))
        .route("/api/jobs/{id}/retry", post(jobs::actions::retry))
        .route("/api/utilization/bands", get(utilization::bands))
        .route("/api", any(unknown_api_path))
        .route("/api/{*rest}", any(unknown_api_path))
}

async fn unknown_api_path() -> Problem {
    Problem::not_found("This API path")
}

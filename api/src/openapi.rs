//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes and
//! the `ToSchema` derives on their view and body types, served at `/api/openapi.json` and
//! printed by `wt-api openapi` (the frontend's API types are generated from that output).
//! Swagger UI is served at `/api/docs` from files compiled into the binary; its page is
//! ours rather than Swagger UI's, so it loads only files (no inline script or style) and
//! works under the app's strict CSP, and its asset URLs are absolute because the app trims
//! trailing slashes (`/api/docs/` arrives as `/api/docs`).

use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder, Schema, response};
use utoipa::{Modify, OpenApi, ToResponse};
use utoipa_swagger_ui::Config;
use wt_domain::accounts::Role;
use wt_domain::jobs::{JobKind, JobState, Queue};
use wt_domain::transfer::exports::ExportFormat;

use crate::problem::Problem;
use crate::routes::{
    aggregates, assignments, audit, backups, candidates, deliverables, departments, exports, grid,
    grid_rows, health, hours, imports, jobs, me, milestone_people, password_reset, people,
    person_choices, person_overview, project_grid, projects, reallocation, reallocation_history,
    roles, skills, token, user_passwords, users, utilization,
};
use crate::security::report;

/// Where the document is served.
pub const DOCUMENT_PATH: &str = "/api/openapi.json";

/// Where Swagger UI is served.
pub const DOCS_PATH: &str = "/api/docs";

/// The name operations use to require a bearer token.
pub const BEARER: &str = "bearer";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Workload Tracker API",
        description = "Plan people's weekly hours across projects. Errors are \
            `application/problem+json` with a stable `code`; resources carry a `version` shown \
            as their ETag (`If-None-Match` gives 304, a stale `If-Match` gives 412)."
    ),
    paths(
        health::health, document, report::receive,
        token::obtain, token::refresh, token::logout,
        me::show, me::update_settings, me::change_password,
        password_reset::request, password_reset::confirm,
        users::list, users::create, users::show, users::update, user_passwords::send_reset,
        user_passwords::set_password, audit::list,
        backups::list, backups::create, backups::download, backups::delete,
        backups::restore::start, backups::restore::status,
        departments::list, departments::create, departments::show, departments::update,
        departments::delete,
        roles::list, roles::create, roles::show, roles::update, roles::delete,
        people::list, people::create, people::show, people::update, people::delete,
        people::bulk_department, person_overview::overview,
        person_choices::choices,
        skills::list, skills::create, skills::show, skills::update, skills::delete,
        skills::of_person, skills::set_for_person, skills::remove_from_person,
        projects::list, projects::create, projects::show, projects::update, projects::delete,
        candidates::candidates,
        assignments::list, assignments::create, assignments::show, assignments::update,
        assignments::delete, hours::bulk_hours, grid::grid, grid_rows::rows, project_grid::project_grid,
        deliverables::list, deliverables::calendar, deliverables::create, deliverables::show,
        deliverables::update, deliverables::delete, deliverables::reorder, reallocation::undo,
        reallocation_history::history,
        milestone_people::people, milestone_people::link, milestone_people::unlink,
        jobs::list, jobs::show, jobs::actions::cancel, jobs::actions::retry,
        jobs::operations::stats, jobs::operations::schedules, jobs::start::warm_cache,
        jobs::start::probe, jobs::download::download, imports::upload,
        exports::template, exports::people, exports::projects, utilization::bands,
        aggregates::dashboard, aggregates::heatmap, aggregates::forecast, aggregates::available,
        aggregates::staffing, aggregates::rollup, aggregates::my_work,
    ),
    components(schemas(Problem, imports::ImportReport), responses(
        responses::BadRequest, responses::Unauthorized, responses::Forbidden,
        responses::NotFound, responses::Conflict, responses::PreconditionFailed,
        responses::PayloadTooLarge, responses::TooManyRequests, responses::RateLimitUnavailable,
        responses::Unprocessable,
    )),
    modifiers(&BearerScheme, &BearerByDefault, &TaggedOperationIds),
    tags(
        (name = "health", description = "Liveness and readiness"),
        (name = "docs", description = "This document"),
        (name = "security", description = "CSP violation reports"),
        (name = "auth", description = "Signing in and the signed-in user's own account"),
        (name = "users", description = "Account administration (admins)"),
        (name = "audit", description = "The audit trail (admins)"),
        (name = "backups", description = "Database backups and restores (admins); while a restore runs, writes answer 503 `read_only`"),
        (name = "departments", description = "The department tree"),
        (name = "roles", description = "Job roles people hold"),
        (name = "people", description = "Whose time is planned"),
        (name = "skills", description = "Skill tags and people's skills"),
        (name = "projects", description = "The work people are planned on"),
        (name = "assignments", description = "People on projects, with weekly hours"),
        (name = "deliverables", description = "Projects' dated milestones"),
        (name = "jobs", description = "Background work"),
        (name = "imports", description = "Spreadsheets of people and projects coming in"),
        (name = "exports", description = "Spreadsheets of people and projects going out"),
        (name = "utilization", description = "How full a week is: the band thresholds"),
        (name = "analytics", description = "Overviews: dashboard, heatmap, forecast, availability, staffing, rollups"),
    )
)]
pub struct ApiDoc;

/// Declares the bearer scheme the operations' security requirements refer to.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .bearer_format("JWT")
            .description(Some("The access token from `POST /api/token`."))
            .build();
        components
            .security_schemes
            .insert(BEARER.to_owned(), SecurityScheme::Http(scheme).into());
    }
}

/// The paths anyone may call; every other operation needs a bearer token.
const PUBLIC_PATHS: [&str; 8] = [
    "/api/health",
    DOCUMENT_PATH,
    "/csp-report",
    "/api/token",
    "/api/token/refresh",
    "/api/token/logout",
    "/api/auth/password-reset",
    "/api/auth/password-reset/confirm",
];

/// Marks every operation outside [`PUBLIC_PATHS`] as needing the bearer token, so a
/// handler's attribute need not say so.
struct BearerByDefault;

impl Modify for BearerByDefault {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let guarded = openapi
            .paths
            .paths
            .iter_mut()
            .filter(|(path, _)| !PUBLIC_PATHS.contains(&path.as_str()));
        for (_, item) in guarded {
            for operation in operations(item) {
                operation.security.get_or_insert_with(|| {
                    vec![SecurityRequirement::new(BEARER, Vec::<String>::new())]
                });
            }
        }
    }
}

/// The operations of one path.
fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .flatten()
}

/// Prefixes each operation id (the handler's name, such as `list`) with its tag, so ids
/// are unique across the document as generated clients need (`users_list`).
struct TaggedOperationIds;

impl Modify for TaggedOperationIds {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in operations(item) {
                if let (Some(tag), Some(id)) = (
                    operation.tags.as_ref().and_then(|tags| tags.first()),
                    operation.operation_id.as_mut(),
                ) {
                    *id = format!("{tag}_{id}");
                }
            }
        }
    }
}

/// The document, as served and as printed by `wt-api openapi`.
pub fn document_json() -> &'static str {
    static JSON: LazyLock<String> = LazyLock::new(|| {
        ApiDoc::openapi()
            .to_pretty_json()
            .expect("the OpenAPI document serializes")
    });
    &JSON
}

/// The OpenAPI document of this API.
#[utoipa::path(get, path = "/api/openapi.json", tag = "docs",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn document() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        document_json(),
    )
        .into_response()
}

/// The page at `/api/docs`: Swagger UI's files, loaded as files so the CSP allows them.
const DOCS_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Workload Tracker API</title>
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="stylesheet" href="/api/docs/index.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/swagger-initializer.js"></script>
</body>
</html>
"#;

/// The document route and Swagger UI. No authentication: the document describes the API,
/// not its data.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    // `validator_url("none")`: the default badge loads an image from an outside validator.
    // The base layout leaves out the top bar, whose logo is an SVG with an inline `<style>`
    // that the CSP refuses.
    let config = Config::new([DOCUMENT_PATH])
        .validator_url("none")
        .use_base_layout();
    let config = Arc::new(config);
    Router::new()
        .route(DOCUMENT_PATH, get(document))
        .route(DOCS_PATH, get(|| async { Html(DOCS_PAGE) }))
        .route(
            &format!("{DOCS_PATH}/{{file}}"),
            get(move |Path(file): Path<String>| swagger_file(file, config.clone())),
        )
}

/// One of Swagger UI's files (the initializer filled in with `config`), or a 404 problem.
async fn swagger_file(file: String, config: Arc<Config<'static>>) -> Response {
    match utoipa_swagger_ui::serve(&file, config) {
        Ok(Some(found)) => {
            let mut response = (StatusCode::OK, found.bytes.into_owned()).into_response();
            if let Ok(value) = HeaderValue::from_str(&found.content_type) {
                response.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            response
        }
        Ok(None) => Problem::not_found("This documentation file").into_response(),
        Err(error) => {
            tracing::error!(%error, "could not render a Swagger UI file");
            crate::problem::internal_error().into_response()
        }
    }
}

/// The error answers operations refer to by `response = responses::…`, each an
/// `application/problem+json` [`Problem`]. Defined once here so the operations' attributes
/// stay one line per status.
pub mod responses {
    use super::*;

    fn problem(description: &str) -> RefOr<response::Response> {
        let schema = RefOr::Ref(Ref::from_schema_name("Problem"));
        let content = ContentBuilder::new().schema(Some(schema)).build();
        ResponseBuilder::new()
            .description(description)
            .content("application/problem+json", content)
            .build()
            .into()
    }

    macro_rules! problem_responses {
        ($($name:ident: $description:literal,)*) => {$(
            #[doc = $description]
            pub struct $name;

            impl<'r> ToResponse<'r> for $name {
                fn response() -> (&'r str, RefOr<response::Response>) {
                    (stringify!($name), problem($description))
                }
            }
        )*};
    }

    problem_responses! {
        BadRequest: "The request is not valid; `errors` names each bad field.",
        Unauthorized: "Not signed in, or the token is no longer valid.",
        Forbidden: "The signed-in account may not do this.",
        NotFound: "No such resource.",
        Conflict: "The change conflicts with existing data (a taken name, a resource in use).",
        PreconditionFailed: "`If-Match` names a version that is no longer current.",
        PayloadTooLarge: "The request body is too large.",
        TooManyRequests: "Too many attempts; `Retry-After` says when to try again.",
        RateLimitUnavailable: "The request's rate limit cannot be checked (Redis is down); `Retry-After` says when to try again.",
        Unprocessable: "The content is refused (for a restore: not a verified backup of this app).",
    }
}

/// Inline schema of a domain enum that serializes as one of `names` (the domain crate
/// stays free of utoipa).
fn string_enum(names: impl IntoIterator<Item = &'static str>) -> Schema {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(names))
        .build()
        .into()
}

/// An account role: `user`, `manager` or `admin`.
pub fn role_schema() -> Schema {
    string_enum(Role::ALL.map(Role::as_str))
}

/// What a background job does.
pub fn job_kind_schema() -> Schema {
    string_enum(JobKind::ALL.map(JobKind::as_str))
}

/// Where a job is in its life.
pub fn job_state_schema() -> Schema {
    string_enum(JobState::ALL.map(JobState::as_str))
}

/// The queue that carries a job to a worker.
pub fn queue_schema() -> Schema {
    string_enum(Queue::ALL.map(Queue::as_str))
}

/// The file an export writes.
pub fn export_format_schema() -> Schema {
    string_enum(ExportFormat::ALL.map(ExportFormat::as_str))
}

/// Utilization bands from the emptiest to the fullest.
pub fn band_list_schema() -> Schema {
    ArrayBuilder::new()
        .items(RefOr::T(wt_analytics::views::band_schema()))
        .build()
        .into()
}

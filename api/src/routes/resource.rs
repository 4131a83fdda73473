//! The one way a reference resource is served: list, show (ETag, 304), create (201 with
//! `Location`), update (PATCH merged over the stored row, `If-Match` or the version just
//! read guarding it) and delete-when-unused (409 otherwise). A resource is a type
//! implementing [`Resource`]: it names its store calls, its field rules and its refusals;
//! [`resource_endpoints!`](crate::resource_endpoints) gives it documented handlers.
//! Readers read; managers and admins write.

use std::future::Future;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::PgPool;
use wt_store::StoreError;

use crate::auth::{Manager, Reader};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::extract::{JsonBody, PathId, QueryParams};
use crate::problem::{ApiError, FieldError, Problem, invalid_fields};
use crate::state::AppState;

/// What a reference resource states about itself; the handlers below do the rest.
pub trait Resource: Send + Sync + 'static {
    /// How a missing item is named in a 404, such as `The role`.
    const NOUN: &'static str;

    /// A stored row.
    type Row: Send;
    /// A row as clients see it.
    type View: Serialize + From<Self::Row>;
    /// A row as clients send it: every field optional, so it serves create and PATCH.
    type Body: DeserializeOwned + Send;
    /// The writable fields, checked.
    type Fields: Send + Sync;
    /// The list's query string.
    type ListQuery: DeserializeOwned + Send;
    /// The list's answer.
    type Listing: Serialize;

    fn id(row: &Self::Row) -> i64;
    fn version(row: &Self::Row) -> i64;
    /// The fields a new row starts from before the body is applied.
    fn blank() -> Self::Fields;
    /// The writable fields of a stored row, which a PATCH body is applied over.
    fn fields(row: &Self::Row) -> Self::Fields;
    /// `body` applied over `base`, every bad field reported.
    fn apply(body: Self::Body, base: Self::Fields) -> Result<Self::Fields, Vec<FieldError>>;
    /// The store's refusal of a write as the problem a client can act on.
    fn refused(error: StoreError) -> ApiError;
    /// The 409 (or other problem) a delete the store declined gets.
    fn in_use(db: &PgPool, id: i64) -> impl Future<Output = Result<ApiError, ApiError>> + Send;

    fn list(
        db: &PgPool,
        query: Self::ListQuery,
    ) -> impl Future<Output = Result<Self::Listing, StoreError>> + Send;
    fn find(
        db: &PgPool,
        id: i64,
    ) -> impl Future<Output = Result<Option<Self::Row>, StoreError>> + Send;
    fn insert(
        db: &PgPool,
        fields: &Self::Fields,
    ) -> impl Future<Output = Result<Self::Row, StoreError>> + Send;
    /// `Ok(None)`: the row is gone or no longer at `version`.
    fn update(
        db: &PgPool,
        id: i64,
        fields: &Self::Fields,
        version: i64,
    ) -> impl Future<Output = Result<Option<Self::Row>, StoreError>> + Send;
    /// Deletes the row at `version` when nothing refers to it; `Ok(false)` otherwise.
    fn delete_unused(
        db: &PgPool,
        id: i64,
        version: i64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// A rule an update must keep beyond its fields (none unless the resource says so).
    fn may_update(
        _db: &PgPool,
        _current: &Self::Row,
        _fields: &Self::Fields,
    ) -> impl Future<Output = Result<(), ApiError>> + Send {
        async { Ok(()) }
    }
}

async fn found<R: Resource>(db: &PgPool, id: i64) -> Result<R::Row, ApiError> {
    R::find(db, id)
        .await?
        .ok_or_else(|| Problem::not_found(R::NOUN).into())
}

pub async fn list<R: Resource>(
    State(AppState { db, .. }): State<AppState>,
    Reader(_): Reader,
    QueryParams(query): QueryParams<R::ListQuery>,
) -> Result<Json<R::Listing>, ApiError> {
    Ok(Json(R::list(&db, query).await?))
}

pub async fn show<R: Resource>(
    State(AppState { db, .. }): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let row = found::<R>(&db, id).await?;
    Ok(fresh(&headers, R::version(&row), R::View::from(row)))
}

/// Creates a row; its `Location` is under `collection` (the resource's path).
pub async fn create<R: Resource>(
    State(AppState { db, .. }): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<R::Body>,
    collection: &str,
) -> Result<Response, ApiError> {
    let fields = R::apply(body, R::blank()).map_err(invalid_fields)?;
    let row = R::insert(&db, &fields).await.map_err(R::refused)?;
    let location = format!("{collection}/{}", R::id(&row));
    Ok(created(location, R::version(&row), R::View::from(row)))
}

pub async fn update<R: Resource>(
    State(AppState { db, .. }): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
    JsonBody(body): JsonBody<R::Body>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let current = found::<R>(&db, id).await?;
    // Without If-Match, the version just read still guards against a concurrent write.
    let version = expected.unwrap_or(R::version(&current));
    let fields = R::apply(body, R::fields(&current)).map_err(invalid_fields)?;
    R::may_update(&db, &current, &fields).await?;
    let row = R::update(&db, id, &fields, version)
        .await
        .map_err(R::refused)?
        .ok_or_else(precondition_failed)?;
    Ok(tagged(R::version(&row), R::View::from(row)))
}

pub async fn delete<R: Resource>(
    State(AppState { db, .. }): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let expected = if_match(&headers)?;
    let current = found::<R>(&db, id).await?;
    let version = R::version(&current);
    if expected.is_some_and(|expected| expected != version) {
        return Err(precondition_failed().into());
    }
    match R::delete_unused(&db, id, version).await {
        Ok(true) => Ok(StatusCode::NO_CONTENT),
        // A row that gained a reference while the delete ran is refused by its foreign
        // key (ON DELETE RESTRICT): it is in use, as if it had been all along.
        Ok(false) | Err(StoreError::MissingReference(_)) => Err(R::in_use(&db, id).await?),
        Err(other) => Err(other.into()),
    }
}

/// The documented handlers of resource `$resource`: thin calls of the generic ones above,
/// so each operation keeps its own OpenAPI entry and id. `routes/mod.rs` mounts them by
/// name (the OpenAPI test reads the routes from there).
#[macro_export]
macro_rules! resource_endpoints {
    (
        resource = $resource:ty, tag = $tag:literal, path = $path:literal, item = $item:literal,
        view = $view:ty, body = $body:ty, params = $params:ty, listing = $listing:ty
        $(, delete_summary = $delete_summary:literal)? $(,)?
    ) => {
        use $crate::openapi::responses as r;
        use $crate::routes::resource as generic;

        type Db = ::axum::extract::State<$crate::state::AppState>;
        type Answer = ::std::result::Result<::axum::response::Response, $crate::problem::ApiError>;

        #[utoipa::path(
            get, path = $path, tag = $tag, params($params),
            responses((status = 200, description = "OK", body = $listing),
                (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
        )]
        pub async fn list(
            db: Db,
            reader: $crate::auth::Reader,
            query: $crate::extract::QueryParams<$params>,
        ) -> ::std::result::Result<::axum::Json<$listing>, $crate::problem::ApiError> {
            generic::list::<$resource>(db, reader, query).await
        }

        #[utoipa::path(
            get, path = $item, tag = $tag, params(("id" = i64, Path)),
            responses((status = 200, description = "OK", body = $view),
                (status = 304, description = "Not modified (If-None-Match)"),
                (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
                (status = 404, response = r::NotFound))
        )]
        pub async fn show(
            db: Db,
            reader: $crate::auth::Reader,
            id: $crate::extract::PathId,
            headers: ::axum::http::HeaderMap,
        ) -> Answer {
            generic::show::<$resource>(db, reader, id, headers).await
        }

        #[utoipa::path(
            post, path = $path, tag = $tag, request_body = $body,
            responses((status = 201, description = "Created; `Location` names it", body = $view),
                (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
                (status = 403, response = r::Forbidden), (status = 409, response = r::Conflict),
                (status = 413, response = r::PayloadTooLarge))
        )]
        pub async fn create(
            db: Db,
            manager: $crate::auth::Manager,
            body: $crate::extract::JsonBody<$body>,
        ) -> Answer {
            generic::create::<$resource>(db, manager, body, $path).await
        }

        #[utoipa::path(
            patch, path = $item, tag = $tag, params(("id" = i64, Path)), request_body = $body,
            responses((status = 200, description = "OK", body = $view),
                (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized),
                (status = 403, response = r::Forbidden), (status = 404, response = r::NotFound),
                (status = 409, response = r::Conflict), (status = 412, response = r::PreconditionFailed),
                (status = 413, response = r::PayloadTooLarge))
        )]
        pub async fn update(
            db: Db,
            manager: $crate::auth::Manager,
            id: $crate::extract::PathId,
            headers: ::axum::http::HeaderMap,
            body: $crate::extract::JsonBody<$body>,
        ) -> Answer {
            generic::update::<$resource>(db, manager, id, headers, body).await
        }

        $(#[doc = $delete_summary])?
        #[utoipa::path(
            delete, path = $item, tag = $tag, params(("id" = i64, Path)),
            responses((status = 204, description = "Deleted"), (status = 400, response = r::BadRequest),
                (status = 401, response = r::Unauthorized), (status = 403, response = r::Forbidden),
                (status = 404, response = r::NotFound), (status = 409, response = r::Conflict),
                (status = 412, response = r::PreconditionFailed))
        )]
        pub async fn delete(
            db: Db,
            manager: $crate::auth::Manager,
            id: $crate::extract::PathId,
            headers: ::axum::http::HeaderMap,
        ) -> ::std::result::Result<::axum::http::StatusCode, $crate::problem::ApiError> {
            generic::delete::<$resource>(db, manager, id, headers).await
        }
    };
}

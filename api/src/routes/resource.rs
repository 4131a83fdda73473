//! The one way a reference resource is served: show (ETag, 304), create (201 with
//! `Location`), update (PATCH merged over the stored row, `If-Match` or the version just
//! read guarding it), delete-when-unused (409 otherwise) and, for the plain lists, list.
//! A resource is a type whose [`Rules`] state its field rules and refusals; its rows are
//! [`Stored`]; [`resource_endpoints!`](crate::resource_endpoints) states its types and
//! gives it documented handlers.
//! Readers read; managers and admins write, unless a resource names another editor.

use std::future::Future;

use axum::extract::{FromRequestParts, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::{PgConnection, PgPool};
use utoipa::ToSchema;
use wt_store::StoreError;
use wt_store::stored::{Row, Stored, Table};

use crate::auth::{Manager, Reader};
use crate::conditional::{created, fresh, if_match, precondition_failed, tagged};
use crate::extract::{JsonBody, PathId};
use crate::problem::{ApiError, FieldError, Problem, field_problem, invalid_fields};
use crate::state::AppState;

/// What a served row shows about itself beside its fields: which row it is, its version
/// (the ETag an `If-Match` names) and when it was made and last changed. Views flatten it
/// in, so its fields sit beside theirs.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RowStamp {
    id: i64,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl<F: Table> From<&Row<F>> for RowStamp {
    fn from(row: &Row<F>) -> Self {
        RowStamp {
            id: row.id,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

/// The types of a reference resource, stated by
/// [`resource_endpoints!`](crate::resource_endpoints).
pub trait Resource: Sized + Send + Sync + 'static {
    /// How a missing item is named in a 404, such as `The role`.
    const NOUN: &'static str;

    /// A stored row, with the store calls that read and write it.
    type Row: Stored;
    /// A row as clients see it; a row that cannot be shown fails the request.
    type View: Serialize + TryFrom<Self::Row, Error: Into<ApiError>>;
    /// A row as clients send it: every field optional, so it serves create and PATCH.
    type Body: DeserializeOwned + Send;
    /// The guard of an update: [`Manager`] unless the resource names another.
    type Editor: FromRequestParts<AppState> + Send;
}

/// The writable fields of resource `R`'s rows.
pub type Fields<R> = <<R as Resource>::Row as Stored>::Fields;

/// What a reference resource states about its fields, its rules and its refusals; the
/// handlers below do the rest.
pub trait Rules: Resource {
    /// The fields a new row starts from before the body is applied.
    fn blank() -> Fields<Self>;
    /// `body` applied over `base`, every bad field reported.
    fn apply(body: Self::Body, base: Fields<Self>) -> Result<Fields<Self>, Vec<FieldError>>;
    /// The store's refusal of a write as the problem a client can act on.
    fn refused(error: StoreError) -> ApiError;
    /// The 409 (or other problem) a delete the store declined gets.
    fn in_use(db: &PgPool, id: i64) -> impl Future<Output = Result<ApiError, ApiError>> + Send;

    /// Whether `editor` may change row `id` as `body` asks: the guard alone decides
    /// unless the resource says more.
    fn may_edit(_editor: &Self::Editor, _id: i64, _body: &Self::Body) -> Result<(), Problem> {
        Ok(())
    }

    /// What a new row brings with it, written in the transaction that inserts it
    /// (nothing unless the resource says so).
    fn created(
        _tx: &mut PgConnection,
        _row: &Self::Row,
        _state: &AppState,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        async { Ok(()) }
    }
}

/// 409 `name_taken` on the `name` field: another row has the name (`message` says which
/// kind), as the table's unique name index reported.
pub fn name_taken(message: &str) -> ApiError {
    field_problem(StatusCode::CONFLICT, "name_taken", "name", message)
}

/// `error` as the problem it is, except that a duplicate of the unique name index
/// `constraint` is [`name_taken`].
pub fn refused_name(error: StoreError, constraint: &str, message: &str) -> ApiError {
    match &error {
        StoreError::Duplicate(c) if c == constraint => name_taken(message),
        _ => error.into(),
    }
}

/// The row `id` of resource `R`, or its 404.
pub async fn found<R: Resource>(db: &PgPool, id: i64) -> Result<R::Row, ApiError> {
    R::Row::find(db, id)
        .await?
        .ok_or_else(|| Problem::not_found(R::NOUN).into())
}

fn view<R: Resource>(row: R::Row) -> Result<R::View, ApiError> {
    shown(row)
}

/// `row` as clients see it; a row that cannot be shown fails the request.
pub fn shown<T, V: TryFrom<T, Error: Into<ApiError>>>(row: T) -> Result<V, ApiError> {
    V::try_from(row).map_err(Into::into)
}

pub async fn show<R: Rules>(
    State(state): State<AppState>,
    Reader(_): Reader,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let db = &state.db;
    let row = found::<R>(db, id).await?;
    Ok(fresh(&headers, row.version(), view::<R>(row)?))
}

/// Creates a row, and what it brings with it, in one transaction; its `Location` is
/// under `collection` (the resource's path).
pub async fn create<R: Rules>(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<R::Body>,
    collection: &str,
) -> Result<Response, ApiError> {
    let fields = R::apply(body, R::blank()).map_err(invalid_fields)?;
    let mut tx = state.db.begin().await?;
    let row = R::Row::insert(&mut tx, &fields).await.map_err(R::refused)?;
    R::created(&mut tx, &row, &state).await?;
    tx.commit().await?;
    let location = format!("{collection}/{}", row.id());
    Ok(created(location, row.version(), view::<R>(row)?))
}

pub async fn update<R: Rules>(
    State(state): State<AppState>,
    editor: R::Editor,
    PathId(id): PathId,
    headers: HeaderMap,
    JsonBody(body): JsonBody<R::Body>,
) -> Result<Response, ApiError> {
    let db = &state.db;
    R::may_edit(&editor, id, &body)?;
    let expected = if_match(&headers)?;
    let current = found::<R>(db, id).await?;
    // Without If-Match, the version just read still guards against a concurrent write.
    let version = expected.unwrap_or(current.version());
    let fields = R::apply(body, current.fields().clone()).map_err(invalid_fields)?;
    let mut conn = db.acquire().await?;
    let row = R::Row::update(&mut conn, id, &fields, version)
        .await
        .map_err(R::refused)?
        .ok_or_else(precondition_failed)?;
    Ok(tagged(row.version(), view::<R>(row)?))
}

pub async fn delete<R: Rules>(
    State(state): State<AppState>,
    Manager(_): Manager,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let db = &state.db;
    let expected = if_match(&headers)?;
    let current = found::<R>(db, id).await?;
    let version = current.version();
    if expected.is_some_and(|expected| expected != version) {
        return Err(precondition_failed().into());
    }
    match R::Row::delete_unused(db, id, version).await {
        Ok(true) => Ok(StatusCode::NO_CONTENT),
        // A row that gained a reference while the delete ran is refused by its foreign
        // key (ON DELETE RESTRICT): it is in use, as if it had been all along.
        Ok(false) | Err(StoreError::MissingReference(_)) => Err(R::in_use(db, id).await?),
        Err(other) => Err(other.into()),
    }
}

/// The types of resource `$resource` and its documented handlers: thin calls of the
/// generic ones above, so each operation keeps its own OpenAPI entry and id. `routes/mod.rs`
/// mounts them by name (the OpenAPI test reads the routes from there).
/// `editor` names the guard of an update (default [`Manager`]); with
/// `list = ((query, ...), listing)`, `GET path` answers with the resource's own
/// `list(state, (query, ...))`: one page (or all) of the rows the query parameters (one
/// type or several, such as [`PageQuery`](crate::extract::PageQuery) and a filter) ask for.
#[macro_export]
macro_rules! resource_endpoints {
    (@editor) => { $crate::auth::Manager };
    (@editor $editor:ty) => { $editor };
    (
        resource = $resource:ty, noun = $noun:literal, row = $row:ty, tag = $tag:literal,
        path = $path:literal, item = $item:literal, view = $view:ty, body = $body:ty
        $(, editor = $editor:ty)? $(, list = (($($params:ty),+), $listing:ty))?
        $(, delete_summary = $delete_summary:literal)? $(,)?
    ) => {
        use $crate::openapi::responses as r;
        use $crate::routes::resource as generic;

        impl generic::Resource for $resource {
            const NOUN: &'static str = $noun;
            type Row = $row;
            type View = $view;
            type Body = $body;
            type Editor = $crate::resource_endpoints!(@editor $($editor)?);
        }

        type Db = ::axum::extract::State<$crate::state::AppState>;
        type Answer = ::std::result::Result<::axum::response::Response, $crate::problem::ApiError>;

        $(
            #[utoipa::path(
                get, path = $path, tag = $tag, params($($params),+),
                responses((status = 200, description = "OK", body = $listing),
                    (status = 400, response = r::BadRequest), (status = 401, response = r::Unauthorized))
            )]
            pub async fn list(
                ::axum::extract::State(state): Db,
                _reader: $crate::auth::Reader,
                uri: ::axum::http::Uri,
            ) -> ::std::result::Result<::axum::Json<$listing>, $crate::problem::ApiError> {
                let query = ($($crate::extract::QueryParams::<$params>::from_uri(&uri)?.0,)+);
                Ok(::axum::Json(<$resource>::list(&state, query).await?))
            }
        )?

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
            editor: <$resource as generic::Resource>::Editor,
            id: $crate::extract::PathId,
            headers: ::axum::http::HeaderMap,
            body: $crate::extract::JsonBody<$body>,
        ) -> Answer {
            generic::update::<$resource>(db, editor, id, headers, body).await
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

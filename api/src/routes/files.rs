//! Answering with a file to save: an export, a template, a job's download. The body is
//! streamed from an open file (never read whole), named by `Content-Disposition:
//! attachment`, and never cached.

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tokio_util::io::ReaderStream;
use wt_domain::transfer::exports::ExportFormat;

/// The content type a file of this name is served as.
pub fn content_type_of(name: &str) -> &'static str {
    ExportFormat::of_file(name).map_or("application/octet-stream", ExportFormat::content_type)
}

/// Streams `file` (of `bytes` bytes) as an attachment named `name`. `name` is one of our
/// own plain names (letters, digits, `-`, `_`, `.`), so it needs no quoting rules.
pub fn attachment(file: tokio::fs::File, name: &str, bytes: u64) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    let body = Body::from_stream(ReaderStream::new(file));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type_of(name)),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CONTENT_LENGTH, HeaderValue::from(bytes)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

/// Streams the file a temporary `path` holds, then lets it go: the open file is read to
/// the end after its name is gone.
pub async fn temporary_attachment(
    path: tempfile::TempPath,
    name: &str,
) -> std::io::Result<Response> {
    let file = tokio::fs::File::open(&path).await?;
    let bytes = file.metadata().await?.len();
    drop(path);
    Ok(attachment(file, name, bytes))
}

//! Why an aggregate could not be rendered.

/// A view that does not exist (an unknown project or person), or a failure underneath.
#[derive(Debug, thiserror::Error)]
pub enum AnalyticsError {
    /// The thing the view is about does not exist; `what` names it for a message.
    #[error("{what} was not found")]
    NotFound { what: &'static str },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value outside what the schema allows (a capacity beyond 168 hours).
    #[error("stored data out of range: {0}")]
    Data(String),
    #[error("serializing the view: {0}")]
    Json(#[from] serde_json::Error),
}

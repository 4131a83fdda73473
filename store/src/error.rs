//! The one error type of the store. Callers match on it to choose an HTTP status or a job
//! outcome; the database's own message never leaves the process.

/// What went wrong while reading or writing PostgreSQL.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be reached or refused the statement.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value this build cannot interpret (written by a newer release or by hand).
    #[error("stored data is not understood: {0}")]
    Corrupt(String),
}

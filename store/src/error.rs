//! The one error type of the store. Callers match on it to choose an HTTP status or a job
//! outcome; the database's own message never leaves the process.

/// What went wrong while reading or writing PostgreSQL.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the write; carries the constraint's name (they are
    /// named explicitly in the migrations so callers can map them to stable codes).
    #[error("unique constraint {0} violated")]
    Duplicate(String),
    /// The database could not be reached or refused the statement.
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// A stored value this build cannot interpret (written by a newer release or by hand).
    #[error("stored data is not understood: {0}")]
    Corrupt(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        let duplicate = error
            .as_database_error()
            .filter(|db| db.is_unique_violation())
            .and_then(|db| db.constraint().map(str::to_owned));
        match duplicate {
            Some(constraint) => StoreError::Duplicate(constraint),
            None => StoreError::Database(error),
        }
    }
}

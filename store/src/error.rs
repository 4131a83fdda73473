//! The one error type of the store. Callers match on it to choose an HTTP status or a job
//! outcome; the database's own message never leaves the process.

/// What went wrong while reading or writing PostgreSQL.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the write; carries the constraint's name (they are
    /// named explicitly in the migrations so callers can map them to stable codes).
    #[error("unique constraint {0} violated")]
    Duplicate(String),
    /// A foreign key refused the write (a referenced row is missing, or rows still refer
    /// to the one being removed); carries the constraint's name.
    #[error("foreign key {0} violated")]
    MissingReference(String),
    /// A CHECK constraint (or a trigger raising one) refused the write.
    #[error("check {0} violated")]
    Invalid(String),
    /// The write collided with a concurrent one (a deadlock or a serialisation failure)
    /// and was rolled back; trying again normally succeeds.
    #[error("concurrent write: {0}")]
    Contention(sqlx::Error),
    /// The database could not be reached or refused the statement.
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// A stored value this build cannot interpret (written by a newer release or by hand).
    #[error("stored data is not understood: {0}")]
    Corrupt(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        let Some(db) = error.as_database_error() else {
            return StoreError::Database(error);
        };
        // 40P01 deadlock_detected, 40001 serialization_failure: class 40, rolled back.
        if matches!(db.code().as_deref(), Some("40P01" | "40001")) {
            return StoreError::Contention(error);
        }
        let Some(constraint) = db.constraint().map(str::to_owned) else {
            return StoreError::Database(error);
        };
        if db.is_unique_violation() {
            StoreError::Duplicate(constraint)
        } else if db.is_foreign_key_violation() {
            StoreError::MissingReference(constraint)
        } else if db.is_check_violation() {
            StoreError::Invalid(constraint)
        } else {
            StoreError::Database(error)
        }
    }
}

/// Weekly hours as stored for `what` (in hundredths); a value no week can hold is
/// [`StoreError::Corrupt`] rather than read as some default.
pub fn stored_hours(what: &str, centihours: i32) -> Result<wt_domain::hours::Hours, StoreError> {
    wt_domain::hours::Hours::from_centihours(centihours)
        .ok_or_else(|| StoreError::Corrupt(format!("{what}: {centihours} centihours a week")))
}

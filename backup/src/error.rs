//! Why a backup, restore or drill did not happen, each with a stable code that the API
//! answers with and the job records.

use std::path::PathBuf;

/// A backup, restore or drill that could not be done. Nothing was changed by it unless
/// the variant says otherwise.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "Another backup or restore of this database is running; try again when it has finished."
    )]
    Busy,
    #[error(
        "The disk of the backups folder is full; the backup was not written and older backups are untouched."
    )]
    DiskFull,
    #[error("{tool} failed ({status}): {stderr}")]
    Tool {
        tool: &'static str,
        status: String,
        stderr: String,
    },
    #[error("An archive named {0} exists already (has the clock gone back?).")]
    Exists(String),
    #[error("{0} was not found.")]
    NotFound(String),
    #[error("The archive is not a verified backup of this app: {0}")]
    Corrupt(String),
    #[error(
        "The archive has schema version {archive}, newer than this release knows ({known}); restore it with the release that made it."
    )]
    TooNew { archive: i64, known: i64 },
    #[error("The restored database does not match its backup: {0}")]
    VerificationFailed(String),
    #[error("The read-only flag could not be kept in Redis: {0}")]
    ReadOnlyUnavailable(String),
    #[error("The database name {0:?} would be longer than PostgreSQL's 63 characters.")]
    NameTooLong(String),
    #[error("The database settings cannot be used for backups: {0}")]
    Settings(String),
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("could not apply migrations to the restored database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl BackupError {
    /// The stable code of this refusal or failure.
    pub fn code(&self) -> &'static str {
        match self {
            BackupError::Busy => "backup_in_progress",
            BackupError::DiskFull => "backup_disk_full",
            BackupError::Tool { .. } => "backup_tool_failed",
            BackupError::Exists(_) => "backup_exists",
            BackupError::NotFound(_) => "backup_not_found",
            BackupError::Corrupt(_) => "backup_corrupt",
            BackupError::TooNew { .. } => "backup_too_new",
            BackupError::VerificationFailed(_) => "restore_verification_failed",
            BackupError::ReadOnlyUnavailable(_) => "read_only_unavailable",
            BackupError::NameTooLong(_) => "database_name_too_long",
            BackupError::Settings(_) => "backup_settings_invalid",
            BackupError::File { .. } => "backup_file_error",
            BackupError::Database(_) => "database_error",
            BackupError::Migrate(_) => "restore_migration_failed",
        }
    }

    /// A file operation on `path` that failed; a full disk is told apart, since it needs
    /// an operator rather than a retry.
    pub(crate) fn file(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| {
            if source.kind() == std::io::ErrorKind::StorageFull {
                BackupError::DiskFull
            } else {
                BackupError::File { path, source }
            }
        }
    }
}

//! Database backups and restores, shared by the `backup` job, the `wt-api` commands
//! (`backup-db`, `restore-db`, `restore-drill`) and the admin API, so all of them run the
//! same code.
//!
//! A backup is a `pg_dump --format=custom` archive under `BACKUPS_DIR/db/` with a JSON
//! sidecar beside it (size, SHA-256, versions, timings, and a row count and checksum per
//! table taken in the dump's own snapshot). A restore accepts only archives whose sidecar
//! matches, loads them into a fresh database, checks it against the sidecar, takes a
//! safety backup of the live database and then swaps the databases by renaming them.
//!
//! Backups and restores of one database never overlap: each holds a PostgreSQL advisory
//! lock (see [`lock`]). While a restore runs, the app is read-only (see [`read_only`]).
//!
//! What the running processes see of a restore: the swap terminates every connection to
//! the live database, so each pooled connection of the api and the worker breaks. sqlx
//! tests a pooled connection before handing it out and replaces a broken one, and a new
//! connection opens the database by name, which is then the restored one: the pools
//! recover by themselves. A statement in flight at the moment of the swap fails once (a
//! 500, or a job attempt that is retried); nothing needs restarting.

pub mod archive;
pub mod census;
mod create;
pub mod drill;
mod error;
mod load;
mod lock;
mod postgres;
pub mod read_only;
pub mod restore;
pub mod retention;

use std::path::{Path, PathBuf};

pub use archive::{Archive, ArchiveId, Sidecar, Trigger};
pub use error::BackupError;
use wt_runtime::Settings;

use crate::postgres::Target;

/// Where backups go and which database they copy, from the app's own settings.
#[derive(Debug, Clone)]
pub struct Backups {
    target: Target,
    dir: PathBuf,
}

/// A finished backup and what retention removed after it.
#[derive(Debug, Clone)]
pub struct Created {
    pub sidecar: Sidecar,
    /// The archives retention deleted after this backup.
    pub expired: Vec<ArchiveId>,
}

impl Backups {
    /// The database of `settings` (URL or `POSTGRES_*`, with its TLS options), backed up
    /// to `BACKUPS_DIR/db`.
    pub fn from_settings(settings: &Settings) -> Result<Self, BackupError> {
        Ok(Backups {
            target: Target::from_settings(settings)?,
            dir: archive::folder(&settings.backups_dir),
        })
    }

    /// The folder of the archives.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The name of the database backed up and restored.
    pub fn database(&self) -> &str {
        self.target.database()
    }

    /// Takes a backup, then applies the retention policy; both under the lock, so
    /// retention never sees a half-written backup.
    pub async fn create(&self, trigger: Trigger) -> Result<Created, BackupError> {
        let mut held = lock::acquire(&self.target).await?;
        let sidecar = create::dump(&self.target, &self.dir, trigger, &mut held).await?;
        let expired = retention::apply(&self.dir).await?;
        held.release().await;
        Ok(Created { sidecar, expired })
    }

    /// Every archive, newest first.
    pub async fn list(&self) -> Result<Vec<Archive>, BackupError> {
        archive::list(&self.dir).await
    }

    /// Deletes the archive `id` and its sidecar; false when there was none.
    pub async fn delete(&self, id: &ArchiveId) -> Result<bool, BackupError> {
        archive::remove(&self.dir, id).await
    }
}

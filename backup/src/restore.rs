//! Restoring an archive over the live database. Only our own archives are accepted (the
//! sidecar must be there and match the file); nothing is changed before that check. Then,
//! under the backup lock and with the app read-only: a safety backup of the live
//! database, the archive loaded into a fresh `<db>_restore_<time>` database and checked
//! against its sidecar (schema version, every table's rows and checksum), this release's
//! migrations applied to it, and the swap: the live database becomes
//! `<db>_pre_restore_<time>` (kept for the operator to drop) and the restored one takes
//! its name. Until the swap the live database is untouched, so a restore that fails or is
//! killed on the way changes nothing; a killed one's scratch database is dropped by the
//! next restore.

use std::path::{Path, PathBuf};

use chrono::Utc;
use sqlx::postgres::PgPoolOptions;
use wt_store::MIGRATOR;

use crate::archive::{self, ArchiveId, Sidecar, Trigger};
use crate::load::{self, drop_leftovers};
use crate::lock::{self, Held};
use crate::read_only::{Guard, ReadOnly};
use crate::{BackupError, Backups, create, postgres};

/// What the read-only app answers writes with while a restore runs.
pub const READ_ONLY_MESSAGE: &str = "A database restore is running; the app is read-only until it ends. Try again in a few minutes.";

/// A checked archive with the lock taken: ready to restore.
#[derive(Debug)]
pub struct Prepared {
    backups: Backups,
    dump: PathBuf,
    sidecar: Sidecar,
    lock: Held,
}

/// A finished restore.
#[derive(Debug, Clone)]
pub struct Restored {
    pub archive: ArchiveId,
    /// The backup of the live database taken just before it was replaced.
    pub safety_backup: ArchiveId,
    /// The name the replaced database now has.
    pub previous_database: String,
    pub tables: usize,
    pub schema_version: i64,
}

/// The latest migration this release knows.
fn latest_migration() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

impl Backups {
    /// Checks the archive at `dump` and takes the lock; changes nothing. Refuses a
    /// missing, foreign or altered archive, and one made by a newer release.
    pub async fn prepare_restore(&self, dump: &Path) -> Result<Prepared, BackupError> {
        let sidecar = archive::check(dump).await?;
        let known = latest_migration();
        if sidecar.schema_version > known {
            return Err(BackupError::TooNew {
                archive: sidecar.schema_version,
                known,
            });
        }
        let lock = lock::acquire(&self.target).await?;
        Ok(Prepared {
            backups: self.clone(),
            dump: dump.to_path_buf(),
            sidecar,
            lock,
        })
    }
}

impl Prepared {
    pub fn sidecar(&self) -> &Sidecar {
        &self.sidecar
    }

    /// Restores, with the app read-only throughout; the flag and the lock end with it,
    /// whatever the outcome.
    pub async fn run(mut self, read_only: &ReadOnly) -> Result<Restored, BackupError> {
        let outcome = match read_only.hold(READ_ONLY_MESSAGE).await {
            Ok(guard) => {
                let outcome = self.swap_in(&guard).await;
                guard.release().await;
                outcome
            }
            Err(error) => Err(error),
        };
        self.lock.release().await;
        outcome
    }

    async fn swap_in(&mut self, guard: &Guard) -> Result<Restored, BackupError> {
        let target = &self.backups.target;
        let live = target.database().to_owned();
        drop_leftovers(self.lock.conn(), &format!("{live}_restore_")).await?;
        let safety = create::dump(
            target,
            &self.backups.dir,
            Trigger::PreRestore,
            &mut self.lock,
        )
        .await?;
        let stamp = Utc::now().format("%Y%m%d%H%M%S");
        let scratch = target.sibling(&format!("restore_{stamp}"))?;
        let previous = target.sibling(&format!("pre_restore_{stamp}"))?;
        let loaded = self.load_checked(&scratch).await;
        let schema_version = match loaded {
            Ok(version) => version,
            Err(error) => {
                if let Err(dropping) = postgres::drop_database(self.lock.conn(), &scratch).await {
                    tracing::warn!(error = %dropping, database = %scratch, "could not drop the scratch database");
                }
                return Err(error);
            }
        };
        guard.confirm().await?;
        postgres::swap(self.lock.conn(), &live, &scratch, &previous).await?;
        tracing::info!(archive = %self.sidecar.id, previous = %previous, "database restored");
        Ok(Restored {
            archive: self.sidecar.id.clone(),
            safety_backup: safety.id,
            previous_database: previous,
            tables: self.sidecar.tables.len(),
            schema_version,
        })
    }

    /// Loads the archive into `scratch`, checks it against the sidecar and brings it to
    /// this release's schema; returns the schema version it ends at.
    async fn load_checked(&mut self, scratch: &str) -> Result<i64, BackupError> {
        let target = &self.backups.target;
        let loaded = load::load(target, self.lock.conn(), scratch, &self.dump).await?;
        load::verify(&self.sidecar, &loaded)?;
        // Through a one-connection pool: the migrator over a lone connection makes a
        // future that cannot be spawned (sqlx's `Acquire` is not general enough).
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .connect_with(target.options(scratch))
            .await?;
        let migrated = MIGRATOR.run(&pool).await;
        pool.close().await;
        migrated?;
        Ok(latest_migration())
    }
}

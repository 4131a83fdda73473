//! The archives on disk: `BACKUPS_DIR/db/<id>.dump` (a `pg_dump` custom-format archive)
//! and `<id>.json` beside it (its [`Sidecar`]). A backup is written under hidden
//! `.<id>.*.partial` names and renamed into place, so a reader never sees half an
//! archive; partial files left by a crashed backup are removed by the next one.
//!
//! This folder is the backups' own: the housekeeping job clears only `incoming/` and
//! `jobs/` beside it.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::BackupError;
use crate::census::TableCensus;

/// What a sidecar of this app says it is; another value is not one of our archives.
pub const FORMAT: &str = "workload-tracker-backup/1";

/// The id format: `wt-` and the UTC start time to the millisecond.
const ID_TIME: &str = "%Y%m%dT%H%M%S%3fZ";

/// The folder of the archives under `BACKUPS_DIR`.
pub fn folder(backups_dir: &Path) -> PathBuf {
    backups_dir.join("db")
}

/// The name of one backup, e.g. `wt-20261207T020000123Z`: made from its start time, and
/// checked when read back, so it can never name a path outside the folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ArchiveId {
    name: String,
    taken_at: DateTime<Utc>,
}

impl ArchiveId {
    pub fn at(time: DateTime<Utc>) -> Self {
        // The name keeps milliseconds; so does the time, to equal the name read back.
        let time = time.trunc_subsecs(3);
        ArchiveId {
            name: format!("wt-{}", time.format(ID_TIME)),
            taken_at: time,
        }
    }

    /// The id `raw` if it is one of ours.
    pub fn parse(raw: &str) -> Option<Self> {
        let time = raw.strip_prefix("wt-")?;
        let taken_at = NaiveDateTime::parse_from_str(time, ID_TIME).ok()?.and_utc();
        Some(ArchiveId {
            name: raw.to_owned(),
            taken_at,
        })
    }

    /// When the backup started (to the millisecond).
    pub fn taken_at(&self) -> DateTime<Utc> {
        self.taken_at
    }

    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The archive's file name, as a download offers it.
    pub fn file_name(&self) -> String {
        format!("{}.dump", self.name)
    }
}

impl TryFrom<String> for ArchiveId {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        ArchiveId::parse(&raw).ok_or_else(|| format!("{raw:?} is not a backup id"))
    }
}

impl From<ArchiveId> for String {
    fn from(id: ArchiveId) -> Self {
        id.name
    }
}

impl std::fmt::Display for ArchiveId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

/// What started a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// The nightly schedule.
    Schedule,
    /// An admin, through the API.
    Admin,
    /// `wt-api backup-db`.
    Cli,
    /// The safety copy a restore takes of the live database before replacing it.
    PreRestore,
}

impl Trigger {
    /// The name the sidecar and the API use.
    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::Schedule => "schedule",
            Trigger::Admin => "admin",
            Trigger::Cli => "cli",
            Trigger::PreRestore => "pre_restore",
        }
    }
}

/// Everything known about one archive, written after it is complete. A restore checks
/// the archive against it before touching anything, and the restored database against
/// its tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sidecar {
    pub format: String,
    pub id: ArchiveId,
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
    pub app_version: String,
    /// The latest migration applied to the database when it was copied.
    pub schema_version: i64,
    pub database: String,
    pub trigger: Trigger,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub duration_ms: u64,
    /// Every table's row count and checksum, in the dump's snapshot.
    pub tables: Vec<TableCensus>,
}

/// An archive in the folder, with its sidecar when it has a readable one of ours.
#[derive(Debug, Clone)]
pub struct Archive {
    pub id: ArchiveId,
    pub bytes: u64,
    pub sidecar: Option<Sidecar>,
}

impl Archive {
    /// Whether the archive was completed and described by its backup: a sidecar of ours
    /// names it with its size. (The full SHA-256 check runs before a restore.)
    pub fn verified(&self) -> bool {
        self.sidecar
            .as_ref()
            .is_some_and(|sidecar| sidecar.id == self.id && sidecar.bytes == self.bytes)
    }
}

/// The paths of one backup in the folder.
#[derive(Debug, Clone)]
pub(crate) struct Paths {
    pub dump: PathBuf,
    pub sidecar: PathBuf,
    pub partial_dump: PathBuf,
    pub partial_sidecar: PathBuf,
}

impl Paths {
    pub(crate) fn of(dir: &Path, id: &ArchiveId) -> Self {
        Paths {
            dump: dir.join(format!("{id}.dump")),
            sidecar: dir.join(format!("{id}.json")),
            partial_dump: dir.join(format!(".{id}.dump.partial")),
            partial_sidecar: dir.join(format!(".{id}.json.partial")),
        }
    }
}

/// The sidecar of the archive at `dump` (`x.dump` -> `x.json`).
pub fn sidecar_path(dump: &Path) -> PathBuf {
    dump.with_extension("json")
}

/// The archive file of `id` in `dir`.
pub fn dump_path(dir: &Path, id: &ArchiveId) -> PathBuf {
    Paths::of(dir, id).dump
}

/// Every archive in `dir`, newest first; an absent folder holds none.
pub async fn list(dir: &Path) -> Result<Vec<Archive>, BackupError> {
    let mut entries = match tokio::fs::read_dir(dir).await {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(BackupError::file(dir)(error)),
    };
    let mut found = Vec::new();
    while let Some(entry) = entries.next_entry().await.map_err(BackupError::file(dir))? {
        let name = entry.file_name();
        let Some(id) = name
            .to_str()
            .and_then(|name| name.strip_suffix(".dump"))
            .and_then(ArchiveId::parse)
        else {
            continue;
        };
        let bytes = entry
            .metadata()
            .await
            .map_err(BackupError::file(entry.path()))?
            .len();
        // A missing or unreadable sidecar is what makes an archive unverified: listed as
        // such, never restored.
        let sidecar = read_sidecar(&sidecar_path(&entry.path())).await.ok();
        found.push(Archive { id, bytes, sidecar });
    }
    found.sort_by(|a, b| b.id.cmp(&a.id));
    Ok(found)
}

/// Reads the sidecar at `path`; refuses one that is missing, unreadable or not ours.
pub async fn read_sidecar(path: &Path) -> Result<Sidecar, BackupError> {
    let text = tokio::fs::read(path).await.map_err(|error| {
        BackupError::Corrupt(format!(
            "its sidecar {} cannot be read ({error})",
            path.display()
        ))
    })?;
    let sidecar: Sidecar = serde_json::from_slice(&text)
        .map_err(|error| BackupError::Corrupt(format!("its sidecar is not ours ({error})")))?;
    if sidecar.format != FORMAT {
        return Err(BackupError::Corrupt(format!(
            "its sidecar has format {:?}, not {FORMAT:?}",
            sidecar.format
        )));
    }
    Ok(sidecar)
}

/// The sidecar of the archive at `dump`, once the archive is proven to be the one it
/// describes (same size and SHA-256); a missing, foreign or changed archive is refused.
pub async fn check(dump: &Path) -> Result<Sidecar, BackupError> {
    let sidecar = read_sidecar(&sidecar_path(dump)).await?;
    let (bytes, sha256) = match digest(dump).await {
        Ok(found) => found,
        Err(BackupError::File { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return Err(BackupError::NotFound(format!(
                "The backup {}",
                dump.display()
            )));
        }
        Err(error) => return Err(error),
    };
    if bytes != sidecar.bytes || sha256 != sidecar.sha256 {
        return Err(BackupError::Corrupt(
            "its contents differ from what its backup recorded (size or SHA-256)".to_owned(),
        ));
    }
    Ok(sidecar)
}

/// The size and SHA-256 (hex) of the file at `path`.
pub(crate) async fn digest(path: &Path) -> Result<(u64, String), BackupError> {
    let owned = path.to_path_buf();
    let read = tokio::task::spawn_blocking(move || -> std::io::Result<(u64, String)> {
        let mut file = std::fs::File::open(&owned)?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0; 1 << 16];
        let mut bytes = 0u64;
        loop {
            let read = file.read(&mut buffer)?;
            if read == 0 {
                break;
            }
            hasher.update(&buffer[..read]);
            bytes += read as u64;
        }
        let hex = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok((bytes, hex))
    });
    read.await
        .map_err(|e| BackupError::file(path)(std::io::Error::other(e)))?
        .map_err(BackupError::file(path))
}

/// Deletes archive `id` and its sidecar; false when neither existed.
pub async fn remove(dir: &Path, id: &ArchiveId) -> Result<bool, BackupError> {
    let paths = Paths::of(dir, id);
    let mut removed = false;
    // The sidecar goes first: an archive without one is no longer offered for restore.
    for path in [&paths.sidecar, &paths.dump] {
        match tokio::fs::remove_file(path).await {
            Ok(()) => removed = true,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(BackupError::file(path)(error)),
        }
    }
    Ok(removed)
}

/// Removes the partial files of backups that never finished. Only called while the
/// backup lock is held, so no running backup owns one.
pub(crate) async fn clear_partials(dir: &Path) -> Result<u32, BackupError> {
    let mut entries = tokio::fs::read_dir(dir)
        .await
        .map_err(BackupError::file(dir))?;
    let mut removed = 0;
    while let Some(entry) = entries.next_entry().await.map_err(BackupError::file(dir))? {
        let name = entry.file_name();
        let partial = name
            .to_str()
            .is_some_and(|name| name.starts_with(".wt-") && name.ends_with(".partial"));
        if partial {
            tokio::fs::remove_file(entry.path())
                .await
                .map_err(BackupError::file(entry.path()))?;
            tracing::info!(file = %entry.path().display(), "removed a crashed backup's partial file");
            removed += 1;
        }
    }
    Ok(removed)
}

/// Flushes `path` (a file or a folder) to the disk.
pub(crate) async fn sync(path: &Path) -> Result<(), BackupError> {
    let owned = path.to_path_buf();
    tokio::task::spawn_blocking(move || std::fs::File::open(&owned)?.sync_all())
        .await
        .map_err(|e| BackupError::file(path)(std::io::Error::other(e)))?
        .map_err(BackupError::file(path))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn ids_are_times_and_nothing_else() {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0).unwrap();
        let id = ArchiveId::at(at);
        assert_eq!(id.as_str(), "wt-20261207T020000000Z");
        assert_eq!(ArchiveId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(id.taken_at(), at);
        for bad in [
            "",
            "wt-",
            "wt-../../etc",
            "x-20261207T020000000Z",
            "wt-20261207T020000000Z/..",
        ] {
            assert_eq!(ArchiveId::parse(bad), None, "{bad}");
        }
    }
}

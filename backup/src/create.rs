//! Taking one backup (the lock already held): `pg_dump --format=custom` to a hidden
//! partial file in a snapshot exported by our own transaction, the census of every table
//! in that same snapshot, the file flushed to disk and read back by `pg_restore --list`,
//! its sidecar written, then both renamed into place and the folder flushed. Any failure
//! (a full disk among them) removes the partial files and leaves every older archive as
//! it was.

use std::path::Path;
use std::time::Instant;

use chrono::Utc;
use sqlx::{Executor, PgConnection};

use crate::BackupError;
use crate::archive::{self, ArchiveId, FORMAT, Paths, Sidecar, Trigger};
use crate::census;
use crate::lock::Held;
use crate::postgres::Target;

/// Backs up `target`'s database into `dir`; returns the written sidecar.
pub(crate) async fn dump(
    target: &Target,
    dir: &Path,
    trigger: Trigger,
    _lock: &mut Held,
) -> Result<Sidecar, BackupError> {
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(BackupError::file(dir))?;
    archive::clear_partials(dir).await?;
    let started_at = Utc::now();
    let clock = Instant::now();
    let id = ArchiveId::at(started_at);
    let paths = Paths::of(dir, &id);
    if tokio::fs::try_exists(&paths.dump).await.unwrap_or(true) {
        // Only a clock that went back could name an existing archive: never overwrite it.
        return Err(BackupError::Settings(format!(
            "the archive {id} exists already"
        )));
    }
    let mut live = target.connect_live().await?;
    // The snapshot pg_dump copies, and the census counts: the same rows in both.
    live.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .await?;
    let written = write(target, &mut live, &paths).await;
    let _ = live.execute("ROLLBACK").await;
    let (tables, schema_version) = match written {
        Ok(found) => found,
        Err(error) => {
            remove_partials(&paths).await;
            return Err(error);
        }
    };
    let (bytes, sha256) = archive::digest(&paths.partial_dump).await?;
    let sidecar = Sidecar {
        format: FORMAT.to_owned(),
        file: id.file_name(),
        id,
        bytes,
        sha256,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version,
        database: target.database().to_owned(),
        trigger,
        started_at,
        finished_at: Utc::now(),
        duration_ms: u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX),
        tables,
    };
    if let Err(error) = publish(dir, &paths, &sidecar).await {
        remove_partials(&paths).await;
        return Err(error);
    }
    tracing::info!(archive = %sidecar.id, bytes, trigger = ?trigger, "backup written");
    Ok(sidecar)
}

/// Dumps in the open transaction's snapshot and counts in it; the partial file is
/// flushed and proven readable.
async fn write(
    target: &Target,
    live: &mut PgConnection,
    paths: &Paths,
) -> Result<(Vec<census::TableCensus>, i64), BackupError> {
    let snapshot: String = sqlx::query_scalar("SELECT pg_export_snapshot()")
        .fetch_one(&mut *live)
        .await?;
    // Built apart from the await: a temporary borrowed into the awaited statement would
    // make the future unsendable to a spawned task.
    let pg_dump = target.command("pg_dump").args([
        "--format=custom".to_owned(),
        "--no-password".to_owned(),
        format!("--snapshot={snapshot}"),
        format!("--file={}", paths.partial_dump.display()),
        target.database().to_owned(),
    ]);
    pg_dump.run().await?;
    let schema_version = census::schema_version(live).await?;
    let tables = census::take(live).await?;
    archive::sync(&paths.partial_dump).await?;
    // The archive's table of contents reads back: it is a whole custom-format archive.
    let list = target.command("pg_restore").args([
        std::ffi::OsString::from("--list"),
        paths.partial_dump.clone().into_os_string(),
    ]);
    list.run().await?;
    Ok((tables, schema_version))
}

/// Writes the sidecar, renames both files into place (the archive first: a sidecar
/// never names a file that is not there) and flushes the folder.
async fn publish(dir: &Path, paths: &Paths, sidecar: &Sidecar) -> Result<(), BackupError> {
    let json = serde_json::to_vec_pretty(sidecar)
        .map_err(|e| BackupError::file(&paths.partial_sidecar)(std::io::Error::other(e)))?;
    tokio::fs::write(&paths.partial_sidecar, json)
        .await
        .map_err(BackupError::file(&paths.partial_sidecar))?;
    archive::sync(&paths.partial_sidecar).await?;
    tokio::fs::rename(&paths.partial_dump, &paths.dump)
        .await
        .map_err(BackupError::file(&paths.dump))?;
    if let Err(error) = tokio::fs::rename(&paths.partial_sidecar, &paths.sidecar).await {
        // An archive without its sidecar would be no backup: take it back out.
        let _ = tokio::fs::remove_file(&paths.dump).await;
        return Err(BackupError::file(&paths.sidecar)(error));
    }
    archive::sync(dir).await
}

async fn remove_partials(paths: &Paths) {
    for path in [&paths.partial_dump, &paths.partial_sidecar] {
        match tokio::fs::remove_file(path).await {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                tracing::warn!(%error, file = %path.display(), "could not remove a partial backup file");
            }
        }
    }
}

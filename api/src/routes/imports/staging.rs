//! Staging an upload: the file part of a multipart body is streamed to a private folder
//! under `BACKUPS_DIR/incoming/<kind>/` with a random name, hashed as it goes, and cut off
//! (the partial file removed) the moment it passes the size limit. Whatever ends the
//! request early (an error, a client that hangs up) removes the partial file too.

use std::path::{Path, PathBuf};

use axum::extract::multipart::Field;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use wt_domain::secrets::new_token;

/// A staged upload.
#[derive(Debug)]
pub struct Staged {
    /// Where it is, relative to `BACKUPS_DIR` (what the job carries).
    pub relative: String,
    pub sha256: String,
    pub bytes: u64,
    guard: Removal,
}

impl Staged {
    /// Keeps the file: its job will read it.
    pub fn keep(mut self) {
        self.guard.armed = false;
    }
}

/// Why staging stopped.
#[derive(Debug)]
pub enum StageError {
    TooLarge,
    /// The body could not be read (a broken multipart stream).
    Body(String),
    Disk(std::io::Error),
}

/// Removes a staged file when dropped, unless disarmed.
#[derive(Debug)]
struct Removal {
    path: PathBuf,
    armed: bool,
}

impl Drop for Removal {
    fn drop(&mut self) {
        if self.armed
            && let Err(error) = std::fs::remove_file(&self.path)
        {
            tracing::warn!(%error, path = %self.path.display(), "could not remove a partial upload");
        }
    }
}

/// Streams `field` to `backups_dir/incoming/<kind>/`, refusing it past `limit` bytes.
pub async fn stage(
    field: &mut Field<'_>,
    backups_dir: &Path,
    kind: &str,
    limit: u64,
) -> Result<Staged, StageError> {
    let folder_relative = format!("incoming/{kind}");
    let folder = backups_dir.join(&folder_relative);
    create_private_dir(&folder)
        .await
        .map_err(StageError::Disk)?;
    let name = format!("{}.upload", new_token());
    let path = folder.join(&name);
    let mut file = open_private(&path).await.map_err(StageError::Disk)?;
    let guard = Removal { path, armed: true };
    let mut hasher = Sha256::new();
    let mut bytes: u64 = 0;
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|e| StageError::Body(e.body_text()))?
    {
        bytes += chunk.len() as u64;
        if bytes > limit {
            return Err(StageError::TooLarge);
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await.map_err(StageError::Disk)?;
    }
    // The job reads the file later, possibly after a crash of this process.
    file.sync_all().await.map_err(StageError::Disk)?;
    Ok(Staged {
        relative: format!("{folder_relative}/{name}"),
        sha256: hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        bytes,
        guard,
    })
}

async fn create_private_dir(folder: &Path) -> std::io::Result<()> {
    let mut builder = tokio::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(0o700);
    builder.create(folder).await
}

async fn open_private(path: &Path) -> std::io::Result<tokio::fs::File> {
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(0o600);
    options.open(path).await
}

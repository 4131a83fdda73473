//! Files the job system leaves under `BACKUPS_DIR`, cleared with the jobs they belong to:
//! staged uploads (`incoming/<kind>/`) older than the retention that no unfinished job
//! still needs, and the download folders of jobs (`jobs/<id>/`) that left the ledger.
//! Nothing else under `BACKUPS_DIR` is touched: the database backups in `db/` have their
//! own retention and clear their own partial files (see `wt-backup`).

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, SystemTime};

use sqlx::PgPool;
use wt_store::StoreError;
use wt_store::jobs::upkeep;

/// What was removed.
#[derive(Debug, Default)]
pub struct Cleared {
    pub uploads: u64,
    pub job_folders: u64,
}

pub async fn clear(
    pool: &PgPool,
    backups_dir: &Path,
    retention: Duration,
) -> Result<Cleared, StoreError> {
    let in_use: HashSet<String> = upkeep::files_in_use(pool).await?.into_iter().collect();
    let mut cleared = Cleared::default();
    for (relative, modified) in files_under(&backups_dir.join("incoming"), "incoming") {
        let old = modified.elapsed().is_ok_and(|age| age > retention);
        if old && !in_use.contains(&relative) && remove(&backups_dir.join(&relative), false) {
            cleared.uploads += 1;
        }
    }
    let folders = job_folders(&backups_dir.join("jobs"));
    let ids: Vec<i64> = folders.iter().map(|(id, _)| *id).collect();
    let kept: HashSet<i64> = upkeep::existing(pool, &ids).await?.into_iter().collect();
    for (id, path) in folders {
        if !kept.contains(&id) && remove(&path, true) {
            cleared.job_folders += 1;
        }
    }
    Ok(cleared)
}

/// Files one level below each kind folder of `root`, as paths relative to `BACKUPS_DIR`.
fn files_under(root: &Path, prefix: &str) -> Vec<(String, SystemTime)> {
    let mut found = Vec::new();
    for kind in std::fs::read_dir(root).into_iter().flatten().flatten() {
        let kind_name = kind.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(kind.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let Ok(meta) = file.metadata() else { continue };
            if let (true, Ok(modified)) = (meta.is_file(), meta.modified()) {
                let name = file.file_name().to_string_lossy().into_owned();
                found.push((format!("{prefix}/{kind_name}/{name}"), modified));
            }
        }
    }
    found
}

/// The job folders under `root` whose names are job ids.
fn job_folders(root: &Path) -> Vec<(i64, std::path::PathBuf)> {
    std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| Some((entry.file_name().to_str()?.parse().ok()?, entry.path())))
        .collect()
}

fn remove(path: &Path, folder: bool) -> bool {
    let removed = if folder {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    match removed {
        Ok(()) => true,
        Err(error) => {
            tracing::warn!(%error, path = %path.display(), "could not remove a job's leftover");
            false
        }
    }
}

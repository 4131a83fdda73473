//! Files a job leaves for people to download (an export, an import's full report): where
//! they live under `BACKUPS_DIR`, and how a job's result describes them. A job's files sit
//! in a folder of their own, named by the job id, so writing them again (a retried
//! attempt) replaces them instead of adding copies.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A file a job made, as its result carries it under `download`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobFile {
    /// The file's name, as the download offers it (no folders).
    pub name: String,
    pub content_type: String,
    pub bytes: u64,
}

/// The folder of job `job_id`'s files.
pub fn job_dir(backups_dir: &Path, job_id: i64) -> PathBuf {
    backups_dir.join("jobs").join(job_id.to_string())
}

/// Where job `job_id`'s file `name` lives; `None` when `name` could leave the folder.
pub fn job_file(backups_dir: &Path, job_id: i64, name: &str) -> Option<PathBuf> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    plain.then(|| job_dir(backups_dir, job_id).join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_inside_the_jobs_folder() {
        let root = Path::new("/srv/backups");
        assert_eq!(
            job_file(root, 7, "people-2026-12-04.xlsx"),
            Some(PathBuf::from("/srv/backups/jobs/7/people-2026-12-04.xlsx"))
        );
        for bad in ["../x", "a/b", "", ".hidden", "x\\y", "é.csv"] {
            assert_eq!(job_file(root, 7, bad), None, "{bad}");
        }
    }
}

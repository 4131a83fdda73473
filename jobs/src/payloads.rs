//! What each kind of job carries, typed. The api builds payloads, the worker reads them
//! back; both use these types, so a field renamed on one side cannot go unnoticed. A
//! payload holds ids and choices only, never data that PostgreSQL already holds.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wt_domain::jobs::{JobKind, Queue};
use wt_domain::reallocation::DateMove;
use wt_domain::transfer::exports::ExportFormat;
use wt_domain::transfer::imports::{ImportKind, ImportOptions};
use wt_store::jobs::{Job, NewJob};
use wt_transfer::export::Selection;

/// A payload of one job kind.
pub trait JobPayload: Serialize + DeserializeOwned {
    const KIND: JobKind;

    /// The queue that carries the job: its kind's, unless the payload chooses.
    fn queue(&self) -> Queue {
        Self::KIND.queue()
    }

    /// At most one unfinished job holds this key; enqueueing again returns that job.
    /// `requested_by` is who asks, for keys that are per person.
    fn dedupe_key(&self, _requested_by: Option<i64>) -> Option<String> {
        None
    }

    /// The ledger row to insert for this payload, asked for by `requested_by`.
    fn new_job(&self, requested_by: Option<i64>) -> Result<NewJob, PayloadError> {
        let value = serde_json::to_value(self).map_err(|e| PayloadError {
            kind: Self::KIND,
            reason: e.to_string(),
        })?;
        let mut new = NewJob::new(Self::KIND, value)
            .on_queue(self.queue())
            .requested_by(requested_by);
        new.dedupe_key = self.dedupe_key(requested_by);
        Ok(new)
    }

    /// The payload of `job`, which must be of this kind.
    fn of(job: &Job) -> Result<Self, PayloadError> {
        let error = |reason: String| PayloadError {
            kind: Self::KIND,
            reason,
        };
        if job.kind != Self::KIND {
            return Err(error(format!("job {} is a {} job", job.id, job.kind)));
        }
        serde_json::from_value(job.payload.clone()).map_err(|e| error(e.to_string()))
    }
}

/// A payload that could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind} payload: {reason}")]
pub struct PayloadError {
    pub kind: JobKind,
    pub reason: String,
}

/// The account mails the worker writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailTemplate {
    PasswordReset,
    Invitation,
}

impl MailTemplate {
    pub fn as_str(self) -> &'static str {
        match self {
            MailTemplate::PasswordReset => "password_reset",
            MailTemplate::Invitation => "invitation",
        }
    }
}

/// `email`: one account mail to one user. The single-use link inside is made by the
/// worker, so it exists nowhere but in the mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    pub template: MailTemplate,
    pub user_id: i64,
}

impl JobPayload for Email {
    const KIND: JobKind = JobKind::Email;

    /// One mail of a kind waits per user, so repeated clicks do not flood an inbox.
    fn dedupe_key(&self, _: Option<i64>) -> Option<String> {
        Some(format!("email:{}:{}", self.template.as_str(), self.user_id))
    }
}

/// `warm_cache`: compute the most used dashboard views into the aggregate cache.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarmCache {}

impl JobPayload for WarmCache {
    const KIND: JobKind = JobKind::WarmCache;

    /// One warm-up waiting is enough: a second would compute the same.
    fn dedupe_key(&self, _: Option<i64>) -> Option<String> {
        Some("warm_cache".to_owned())
    }
}

/// `housekeeping`: delete old finished jobs and finished queue entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Housekeeping {}

impl JobPayload for Housekeeping {
    const KIND: JobKind = JobKind::Housekeeping;

    fn dedupe_key(&self, _: Option<i64>) -> Option<String> {
        Some("housekeeping".to_owned())
    }
}

/// `verify_loads`: compare the kept weekly loads with a from-scratch sum and repair.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyLoads {}

impl JobPayload for VerifyLoads {
    const KIND: JobKind = JobKind::VerifyLoads;

    /// One waiting run is enough: a second would find what the first repaired.
    fn dedupe_key(&self, _: Option<i64>) -> Option<String> {
        Some("verify_loads".to_owned())
    }
}

/// `backup`: copy the database to an archive (see `wt-backup`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {}

impl JobPayload for Backup {
    const KIND: JobKind = JobKind::Backup;

    /// One waiting backup is enough: a second would copy the same database.
    fn dedupe_key(&self, _: Option<i64>) -> Option<String> {
        Some("backup".to_owned())
    }
}

/// `probe`: walk through `steps` progress steps of `step_millis` each on `queue`, then
/// succeed. The fault fields make it misbehave on purpose; a worker obeys them only when
/// started with fault injection on (`WORKER_FAULT_INJECTION`), and the api never sets
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Probe {
    pub steps: u16,
    pub step_millis: u32,
    pub queue: Queue,
    /// The first this many attempts fail with a transient error.
    #[serde(default)]
    pub fail_attempts: u16,
    /// Every attempt aborts the worker process halfway (a job that kills its worker).
    #[serde(default)]
    pub crash: bool,
}

impl Probe {
    /// A well-behaved probe.
    pub fn new(steps: u16, step_millis: u32, queue: Queue) -> Self {
        Probe {
            steps,
            step_millis,
            queue,
            fail_attempts: 0,
            crash: false,
        }
    }

    /// Whether the probe asks for faults.
    pub fn misbehaves(&self) -> bool {
        self.fail_attempts > 0 || self.crash
    }
}

impl JobPayload for Probe {
    const KIND: JobKind = JobKind::Probe;

    fn queue(&self) -> Queue {
        self.queue
    }
}

/// `import`: the upload staged at `file` (relative to `BACKUPS_DIR`), whose SHA-256 is
/// `sha256`, read as `kind` with `options`. The file itself never travels in the job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Import {
    pub kind: ImportKind,
    pub file: String,
    pub sha256: String,
    /// The name the file had on the uploader's machine, for people to recognise it.
    pub file_name: String,
    pub options: ImportOptions,
}

impl JobPayload for Import {
    const KIND: JobKind = JobKind::Import;

    /// The same file uploaded again by the same person, for the same kind of run, while
    /// its job is unfinished, is that job.
    fn dedupe_key(&self, requested_by: Option<i64>) -> Option<String> {
        let who = requested_by.map_or_else(|| "cli".to_owned(), |id| id.to_string());
        let run = if self.options.dry_run { "dry" } else { "apply" };
        Some(format!(
            "import:{}:{who}:{run}:{}",
            self.kind.as_str(),
            self.sha256
        ))
    }
}

/// `export`: write the rows `selection` picks (the filters of the list it was asked
/// from) as `format`, for download from the job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    pub selection: Selection,
    pub format: ExportFormat,
}

impl JobPayload for Export {
    const KIND: JobKind = JobKind::Export;

    /// The same export asked again by the same person while its job is unfinished is
    /// that job (a second click makes no second file).
    fn dedupe_key(&self, requested_by: Option<i64>) -> Option<String> {
        use std::hash::{Hash, Hasher};
        let who = requested_by.map_or_else(|| "cli".to_owned(), |id| id.to_string());
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        serde_json::to_string(&self.selection)
            .unwrap_or_default()
            .hash(&mut hasher);
        Some(format!(
            "export:{}:{}:{who}:{:016x}",
            self.selection.kind().as_str(),
            self.format.as_str(),
            hasher.finish()
        ))
    }
}

/// `reallocate`: move the planned hours of the project of `deliverable_id` after its date
/// moved as `date_move` says (with the neighbours it had when the move was saved, so the
/// job does the same whenever it runs). `sequence` is the move's place in its project's
/// order: the worker applies a project's moves in that order, each once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reallocate {
    pub deliverable_id: i64,
    pub project_id: i64,
    pub sequence: i64,
    pub date_move: DateMove,
}

impl JobPayload for Reallocate {
    const KIND: JobKind = JobKind::Reallocate;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_make_rows_with_their_queue_and_key() {
        let mail = Email {
            template: MailTemplate::Invitation,
            user_id: 7,
        };
        let new = mail.new_job(Some(1)).unwrap();
        assert_eq!(new.kind, JobKind::Email);
        assert_eq!(new.queue, Queue::Mail);
        assert_eq!(new.dedupe_key.as_deref(), Some("email:invitation:7"));
        assert_eq!(new.payload["template"], "invitation");
        assert_eq!(new.payload["userId"], 7);
        assert_eq!(new.requested_by, Some(1));

        let probe = Probe::new(3, 10, Queue::Imports).new_job(None).unwrap();
        assert_eq!(probe.queue, Queue::Imports);
        assert_eq!(probe.dedupe_key, None);
    }
}

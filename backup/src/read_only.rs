//! The read-only flag: while a restore runs, the api refuses writes (503 `read_only`).
//! The flag is a Redis key with a short lifetime that the restore keeps renewing, so a
//! restore that dies (killed, crashed, its machine gone) stops renewing it and the app
//! becomes writable again on its own within [`LIFETIME`]. A finished restore removes it
//! at once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use wt_runtime::RedisConnector;

use crate::BackupError;

/// How long the flag outlives its last renewal.
pub const LIFETIME: Duration = Duration::from_secs(15);

/// How often a running restore renews the flag.
const RENEWAL: Duration = Duration::from_secs(5);

/// What the flag says, shown to whoever is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub message: String,
    pub since: DateTime<Utc>,
    /// Who set it (one restore); a flag set by someone else is not ours to remove.
    pub holder: String,
}

/// The flag of one installation (its Redis namespace).
#[derive(Clone)]
pub struct ReadOnly {
    redis: RedisConnector,
    key: String,
}

impl std::fmt::Debug for ReadOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadOnly").field("key", &self.key).finish()
    }
}

impl ReadOnly {
    /// The flag under `namespace` (`QUEUE_NAMESPACE`).
    pub fn new(redis: RedisConnector, namespace: &str) -> Self {
        ReadOnly {
            redis,
            key: format!("{namespace}:read-only"),
        }
    }

    /// The notice while the app is read-only, else `None`.
    pub async fn current(&self) -> Result<Option<Notice>, BackupError> {
        let mut conn = self.connection().await?;
        let raw: Option<String> = conn.get(&self.key).await.map_err(unavailable)?;
        raw.map(|raw| serde_json::from_str(&raw).map_err(|e| unavailable_text(e.to_string())))
            .transpose()
    }

    /// Sets the flag with `message` and keeps renewing it until the returned guard is
    /// released (or dropped: then it expires within [`LIFETIME`]). Refused while another
    /// holder's flag stands.
    pub async fn hold(&self, message: &str) -> Result<Guard, BackupError> {
        let since = Utc::now();
        let notice = Notice {
            message: message.to_owned(),
            since,
            holder: format!("{}-{}", std::process::id(), since.timestamp_micros()),
        };
        let value = serde_json::to_string(&notice).map_err(|e| unavailable_text(e.to_string()))?;
        let mut conn = self.connection().await?;
        let set: Option<String> = redis::cmd("SET")
            .arg(&self.key)
            .arg(&value)
            .arg("NX")
            .arg("PX")
            .arg(LIFETIME.as_millis() as u64)
            .query_async(&mut conn)
            .await
            .map_err(unavailable)?;
        if set.is_none() {
            return Err(BackupError::Busy);
        }
        let key = self.key.clone();
        let renewing = tokio::spawn(async move {
            loop {
                tokio::time::sleep(RENEWAL).await;
                let renewed: redis::RedisResult<bool> =
                    conn.pexpire(&key, LIFETIME.as_millis() as i64).await;
                if let Err(error) = renewed {
                    tracing::warn!(%error, "could not renew the read-only flag");
                }
            }
        });
        Ok(Guard {
            flag: self.clone(),
            holder: notice.holder,
            renewing,
        })
    }

    async fn connection(&self) -> Result<redis::aio::ConnectionManager, BackupError> {
        self.redis
            .connection()
            .await
            .map_err(|e| unavailable_text(e.to_string()))
    }
}

/// The flag, held and renewed.
pub struct Guard {
    flag: ReadOnly,
    holder: String,
    renewing: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guard")
            .field("holder", &self.holder)
            .finish()
    }
}

impl Guard {
    /// Fails unless the flag still stands as ours: checked before the last step of a
    /// restore, which must not happen while writes may be accepted.
    pub async fn confirm(&self) -> Result<(), BackupError> {
        match self.flag.current().await? {
            Some(notice) if notice.holder == self.holder => Ok(()),
            _ => Err(unavailable_text(
                "the flag expired (Redis was unreachable for too long)".to_owned(),
            )),
        }
    }

    /// Stops renewing and removes the flag if it is still ours.
    pub async fn release(self) {
        self.renewing.abort();
        let cleared: Result<(), BackupError> = async {
            if self
                .flag
                .current()
                .await?
                .is_some_and(|n| n.holder == self.holder)
            {
                let mut conn = self.flag.connection().await?;
                let _: () = conn.del(&self.flag.key).await.map_err(unavailable)?;
            }
            Ok(())
        }
        .await;
        if let Err(error) = cleared {
            tracing::warn!(%error, "could not clear the read-only flag; it expires by itself");
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.renewing.abort();
    }
}

fn unavailable(error: redis::RedisError) -> BackupError {
    unavailable_text(error.to_string())
}

fn unavailable_text(reason: String) -> BackupError {
    BackupError::ReadOnlyUnavailable(reason)
}

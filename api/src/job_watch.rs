//! Waiting for a job to end, for `Prefer: wait=N`. The ledger announces every job that
//! ends (`NOTIFY wt_job_finished` from a trigger); one listening connection per api
//! process passes the ids on to the requests waiting. A waiter also reads the row every
//! second, so a missed announcement (the listener reconnecting) only costs a second.

use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgListener;
use tokio::sync::{OnceCell, broadcast};
use tokio::time::Instant;
use wt_store::StoreError;
use wt_store::jobs::{self, JobEntry};

/// The longest wait a client may ask for (the API contract says 10 seconds).
pub const MAX_WAIT: Duration = Duration::from_secs(10);

const CHANNEL: &str = "wt_job_finished";

/// How often a waiter reads the row even without an announcement.
const RECHECK: Duration = Duration::from_secs(1);

/// Ended job ids, from the listener to the waiters.
pub struct JobWatch {
    pool: PgPool,
    ended: OnceCell<broadcast::Sender<i64>>,
}

impl JobWatch {
    pub fn new(pool: PgPool) -> Self {
        JobWatch {
            pool,
            ended: OnceCell::new(),
        }
    }

    /// The announcements, starting the listener on first use.
    async fn subscribe(&self) -> broadcast::Receiver<i64> {
        let sender = self
            .ended
            .get_or_init(|| async {
                let (sender, _) = broadcast::channel(1024);
                tokio::spawn(listen(self.pool.clone(), sender.clone()));
                sender
            })
            .await;
        sender.subscribe()
    }

    /// Job `id` once it has ended, or as it stands after `wait` (`None` when it does not
    /// exist).
    pub async fn wait(&self, id: i64, wait: Duration) -> Result<Option<JobEntry>, StoreError> {
        let deadline = Instant::now() + wait.min(MAX_WAIT);
        let mut ended = self.subscribe().await;
        loop {
            let entry = jobs::find_entry(&self.pool, id).await?;
            let done = entry
                .as_ref()
                .is_none_or(|entry| entry.job.state.is_finished());
            if done || Instant::now() >= deadline {
                return Ok(entry);
            }
            let next_look = (Instant::now() + RECHECK).min(deadline);
            loop {
                tokio::select! {
                    announced = ended.recv() => match announced {
                        Ok(ended_id) if ended_id != id => continue,
                        // Ours, or announcements were lost: read the row.
                        _ => break,
                    },
                    () = tokio::time::sleep_until(next_look) => break,
                }
            }
        }
    }
}

/// Relays announcements until the process ends, reconnecting after failures.
async fn listen(pool: PgPool, sender: broadcast::Sender<i64>) {
    loop {
        match relay(&pool, &sender).await {
            Ok(()) => return,
            Err(error) => {
                tracing::warn!(%error, "job announcements interrupted; listening again");
                tokio::time::sleep(RECHECK).await;
            }
        }
    }
}

async fn relay(pool: &PgPool, sender: &broadcast::Sender<i64>) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    loop {
        let notification = listener.recv().await?;
        if let Ok(id) = notification.payload().parse() {
            // No receiver means nobody waits right now: nothing to do.
            let _ = sender.send(id);
        }
    }
}

//! What every job handler can reach: the database, Redis, the queue settings and mail.

use std::sync::Arc;
use std::time::Duration;

use redis::aio::ConnectionManager;
use sqlx::PgPool;
use wt_jobs::queues::Queues;

use crate::mailer::Mailer;

/// Shared by all handlers of one worker process; cheap to clone.
#[derive(Clone)]
pub struct WorkerState {
    pub pool: PgPool,
    pub redis: ConnectionManager,
    pub queues: Queues,
    /// How long a claim keeps other workers away from a running job.
    pub lease: Duration,
    /// Outgoing mail, when `EMAIL_HOST` is set.
    pub mailer: Option<Arc<Mailer>>,
    /// The app's address, for links in mails (`PUBLIC_URL`).
    pub public_url: String,
}

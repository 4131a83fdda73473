//! The lock that keeps backups and restores of one database from overlapping: a
//! PostgreSQL session advisory lock, taken without waiting (a second backup is refused
//! at once with [`BackupError::Busy`]) and released when its connection ends, so a
//! crashed process never leaves it held. It lives on a connection to the maintenance
//! database, not the live one: a restore ends every connection to the live database
//! while it still needs the lock, and uses this connection for the swap.

use sqlx::{Connection, PgConnection};

use crate::BackupError;
use crate::postgres::Target;

/// The lock, held for as long as this value lives.
pub(crate) struct Held {
    conn: PgConnection,
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Held")
    }
}

/// Takes the lock of `target`'s database, or says another backup or restore holds it.
pub(crate) async fn acquire(target: &Target) -> Result<Held, BackupError> {
    let mut conn = target.connect_maintenance().await?;
    // Advisory locks are per database; the key names the live database, so backups of
    // two databases on one server do not block each other.
    let taken: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock(hashtextextended($1, 0))")
        .bind(format!("workload-tracker-backup:{}", target.database()))
        .fetch_one(&mut conn)
        .await?;
    if !taken {
        return Err(BackupError::Busy);
    }
    Ok(Held { conn })
}

impl Held {
    /// The locked connection (to the maintenance database).
    pub(crate) fn conn(&mut self) -> &mut PgConnection {
        &mut self.conn
    }

    /// Ends the connection, and the lock with it.
    pub(crate) async fn release(self) {
        if let Err(error) = self.conn.close().await {
            tracing::warn!(%error, "closing the backup lock's connection failed; the server ends it");
        }
    }
}

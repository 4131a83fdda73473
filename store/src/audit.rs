//! The audit trail: who did what to which record, and when. Written in the same
//! transaction as the change it describes, listed newest first to admins.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sqlx::PgExecutor;

use crate::StoreError;

/// An event to record.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub target_type: &'a str,
    pub target_id: Option<i64>,
    pub target_label: &'a str,
    pub details: Value,
}

impl<'a> NewEvent<'a> {
    /// A maintenance command run from the command line over a whole table: no actor, no
    /// single target, the command's report as the details.
    pub fn cli_maintenance(action: &'a str, target_type: &'a str, report: Value) -> Self {
        NewEvent {
            actor_id: None,
            action,
            target_type,
            target_id: None,
            target_label: "",
            details: json!({ "via": "cli", "report": report }),
        }
    }
}

/// A recorded event, with the actor's username when the actor still exists.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: i64,
    pub actor_id: Option<i64>,
    pub actor_username: Option<String>,
    pub action: String,
    pub target_type: String,
    pub target_id: Option<i64>,
    pub target_label: String,
    pub details: Value,
    pub created_at: DateTime<Utc>,
}

pub async fn record(ex: impl PgExecutor<'_>, event: &NewEvent<'_>) -> Result<(), StoreError> {
    sqlx::query!(
        r#"INSERT INTO audit_events (actor_id, action, target_type, target_id, target_label, details)
           VALUES ($1, $2, $3, $4, $5, $6)"#,
        event.actor_id,
        event.action,
        event.target_type,
        event.target_id,
        event.target_label,
        event.details,
    )
    .execute(ex)
    .await?;
    Ok(())
}

/// One page of events, newest first, and how many there are in all.
pub async fn list(
    ex: impl PgExecutor<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Event>, i64), StoreError> {
    let rows = sqlx::query!(
        r#"SELECT e.id, e.actor_id, u.username AS "actor_username?", e.action, e.target_type,
                  e.target_id, e.target_label, e.details, e.created_at,
                  count(*) OVER () AS "total!"
           FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
           ORDER BY e.created_at DESC, e.id DESC
           LIMIT $1 OFFSET $2"#,
        limit,
        offset,
    )
    .fetch_all(ex)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let events = rows
        .into_iter()
        .map(|r| Event {
            id: r.id,
            actor_id: r.actor_id,
            actor_username: r.actor_username,
            action: r.action,
            target_type: r.target_type,
            target_id: r.target_id,
            target_label: r.target_label,
            details: r.details,
            created_at: r.created_at,
        })
        .collect();
    Ok((events, total))
}

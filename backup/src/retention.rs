//! Which backups to keep: the newest of each of the latest 7 days, 4 ISO weeks and 12
//! months that have a backup (counting days with backups, not calendar days, so a pause
//! in backups never lets old ones expire unreplaced), and always the newest verified one.
//! Only verified archives fill those places; an unverified one (an archive left without
//! its sidecar by a crash) goes once a newer verified backup exists. [`expired`] decides,
//! without touching the disk; [`apply`] deletes what it names.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Datelike, Utc};

use crate::BackupError;
use crate::archive::{self, ArchiveId};

/// How many days, weeks and months keep a backup each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
}

/// 7 daily, 4 weekly, 12 monthly.
pub const POLICY: Policy = Policy {
    daily: 7,
    weekly: 4,
    monthly: 12,
};

/// What retention knows of one backup (its id says when it was taken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: ArchiveId,
    pub verified: bool,
}

/// The backups of `entries` that `policy` lets go, newest first.
pub fn expired(entries: &[Entry], policy: Policy) -> Vec<ArchiveId> {
    let mut verified: Vec<&Entry> = entries.iter().filter(|e| e.verified).collect();
    verified.sort_by(|a, b| b.id.cmp(&a.id));
    let mut kept: HashSet<&ArchiveId> = HashSet::new();
    kept.extend(newest_per_period(&verified, policy.daily, |t| {
        (t.year(), t.ordinal())
    }));
    kept.extend(newest_per_period(&verified, policy.weekly, |t| {
        let week = t.iso_week();
        (week.year(), week.week())
    }));
    kept.extend(newest_per_period(&verified, policy.monthly, |t| {
        (t.year(), t.month())
    }));
    let newest = verified.first().map(|entry| entry.id.taken_at());
    if let Some(first) = verified.first() {
        kept.insert(&first.id);
    }
    let mut gone: Vec<&Entry> = entries
        .iter()
        .filter(|entry| {
            if entry.verified {
                !kept.contains(&entry.id)
            } else {
                newest.is_some_and(|newest| entry.id.taken_at() < newest)
            }
        })
        .collect();
    gone.sort_by(|a, b| b.id.cmp(&a.id));
    gone.into_iter().map(|entry| entry.id.clone()).collect()
}

/// The newest entry of each of the latest `periods` periods that hold one; `newest_first`
/// is sorted newest first, so the first entry of a period is its newest.
fn newest_per_period<'a, K: Eq + std::hash::Hash>(
    newest_first: &[&'a Entry],
    periods: usize,
    period: impl Fn(DateTime<Utc>) -> K,
) -> Vec<&'a ArchiveId> {
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for entry in newest_first {
        let key = period(entry.id.taken_at());
        if seen.len() == periods && !seen.contains(&key) {
            break;
        }
        if seen.insert(key) {
            kept.push(&entry.id);
        }
    }
    kept
}

/// Deletes the archives in `dir` that [`POLICY`] lets go; returns them.
pub(crate) async fn apply(dir: &Path) -> Result<Vec<ArchiveId>, BackupError> {
    let entries: Vec<Entry> = archive::list(dir)
        .await?
        .into_iter()
        .map(|archive| Entry {
            verified: archive.verified(),
            id: archive.id,
        })
        .collect();
    let gone = expired(&entries, POLICY);
    for id in &gone {
        archive::remove(dir, id).await?;
        tracing::info!(archive = %id, "backup expired by retention");
    }
    Ok(gone)
}

#[cfg(test)]
mod tests;

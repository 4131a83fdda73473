use chrono::{Duration, TimeZone};

use super::*;

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn verified(time: DateTime<Utc>) -> Entry {
    Entry {
        id: ArchiveId::at(time),
        verified: true,
    }
}

fn unverified(time: DateTime<Utc>) -> Entry {
    Entry {
        id: ArchiveId::at(time),
        verified: false,
    }
}

/// The times of the entries that stay.
fn kept(entries: &[Entry]) -> Vec<DateTime<Utc>> {
    let gone = expired(entries, POLICY);
    let mut kept: Vec<DateTime<Utc>> = entries
        .iter()
        .filter(|e| !gone.contains(&e.id))
        .map(|e| e.id.taken_at())
        .collect();
    kept.sort();
    kept
}

#[test]
fn nothing_to_do_without_backups_or_with_one() {
    assert!(expired(&[], POLICY).is_empty());
    assert!(expired(&[verified(at(2026, 12, 7, 2))], POLICY).is_empty());
    // An unverified one alone is the only copy there is: it stays.
    assert!(expired(&[unverified(at(2026, 12, 7, 2))], POLICY).is_empty());
}

#[test]
fn a_year_of_nightly_backups_keeps_7_days_4_weeks_and_12_months() {
    let last = at(2026, 12, 7, 2);
    let entries: Vec<Entry> = (0..400)
        .map(|days| verified(last - Duration::days(days)))
        .collect();
    let kept = kept(&entries);
    // The last 7 nights.
    for days in 0..7 {
        assert!(kept.contains(&(last - Duration::days(days))), "day -{days}");
    }
    // The newest of each of the latest 4 ISO weeks: Sunday nights before the current
    // week (Monday 2026-12-07 starts a week of its own).
    for sunday in [at(2026, 12, 6, 2), at(2026, 11, 29, 2), at(2026, 11, 22, 2)] {
        assert!(kept.contains(&sunday), "{sunday}");
    }
    // The newest of each of the latest 12 months: their last nights.
    for month_end in [at(2026, 11, 30, 2), at(2026, 6, 30, 2), at(2026, 1, 31, 2)] {
        assert!(kept.contains(&month_end), "{month_end}");
    }
    assert!(
        !kept.contains(&at(2025, 12, 31, 2)),
        "a 13th month is let go"
    );
    assert!(
        !kept.contains(&at(2026, 11, 15, 2)),
        "an ordinary night of last month"
    );
    // 7 nights + 2 older Sundays + 11 older month ends, nothing else.
    assert_eq!(kept.len(), 7 + 2 + 11, "{kept:?}");
}

#[test]
fn several_backups_a_day_keep_only_the_days_newest() {
    let entries = [
        verified(at(2026, 12, 7, 2)),
        verified(at(2026, 12, 7, 9)),
        verified(at(2026, 12, 7, 17)),
        verified(at(2026, 12, 6, 2)),
        verified(at(2026, 12, 6, 14)),
    ];
    assert_eq!(kept(&entries), [at(2026, 12, 6, 14), at(2026, 12, 7, 17)]);
}

#[test]
fn a_pause_in_backups_never_expires_the_last_ones() {
    // Backups stopped a year ago: the last ones are all there is, so they stay.
    let entries: Vec<Entry> = (0..5)
        .map(|days| verified(at(2025, 12, 1, 2) - Duration::days(days)))
        .collect();
    assert!(expired(&entries, POLICY).is_empty());
}

#[test]
fn the_newest_verified_backup_is_kept_whatever_the_policy() {
    let entries = [
        verified(at(2026, 12, 1, 2)),
        verified(at(2026, 12, 5, 2)),
        unverified(at(2026, 12, 6, 2)),
    ];
    let none = Policy {
        daily: 0,
        weekly: 0,
        monthly: 0,
    };
    let gone = expired(&entries, none);
    assert_eq!(gone, [ArchiveId::at(at(2026, 12, 1, 2))]);
}

#[test]
fn unverified_archives_go_once_a_newer_verified_backup_exists() {
    let entries = [
        unverified(at(2026, 12, 4, 2)),
        verified(at(2026, 12, 5, 2)),
        unverified(at(2026, 12, 6, 2)),
    ];
    // The older crash leftover goes; the newer one may still be wanted (it is never
    // counted as a backup, and never deleted before a verified one follows it).
    assert_eq!(
        expired(&entries, POLICY),
        [ArchiveId::at(at(2026, 12, 4, 2))]
    );
}

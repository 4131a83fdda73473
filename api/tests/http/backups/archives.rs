//! Taking backups: the archive and its sidecar, the lock between two backups, and a full
//! disk.

use std::sync::Arc;

use wt_backup::{BackupError, Trigger};

use super::*;

#[tokio::test]
async fn a_backup_writes_an_archive_and_a_sidecar_that_match() {
    let db = OwnDatabase::create().await;
    db.add_ballast(1000).await;
    let dir = tempfile::tempdir().unwrap();
    let backups = backups(&db.settings(dir.path()));
    // A crashed backup's partial file, which the next backup clears.
    std::fs::create_dir_all(backups.dir()).unwrap();
    let stale = backups.dir().join(".wt-20200101T000000000Z.dump.partial");
    std::fs::write(&stale, b"half an archive").unwrap();

    let created = backups.create(Trigger::Cli).await.expect("a backup");
    let sidecar = &created.sidecar;
    let dump = backups.dir().join(&sidecar.file);
    let written: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dump.with_extension("json")).expect("a sidecar beside the archive"),
    )
    .unwrap();

    assert_eq!(written["sha256"], sha256_of(&dump));
    assert_eq!(written["bytes"], std::fs::metadata(&dump).unwrap().len());
    assert_eq!(written["schemaVersion"], latest_migration());
    assert_eq!(written["appVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(written["trigger"], "cli");
    assert_eq!(written["database"], db.name.as_str());
    assert!(written["startedAt"].as_str().unwrap() <= written["finishedAt"].as_str().unwrap());
    let tables = written["tables"].as_array().unwrap();
    let rows_of = |name: &str| {
        tables
            .iter()
            .find(|t| t["name"] == name)
            .map(|t| t["rows"].as_i64().unwrap())
    };
    assert_eq!(rows_of("ballast"), Some(1000));
    assert_eq!(rows_of("people"), Some(0));
    assert!(rows_of("_sqlx_migrations").unwrap() > 0);
    // A custom-format archive: pg_dump's magic bytes.
    assert!(std::fs::read(&dump).unwrap().starts_with(b"PGDMP"));

    let names: Vec<String> = std::fs::read_dir(backups.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "the archive and its sidecar, nothing else: {names:?}"
    );
    let listed = backups.list().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].verified());
    db.drop_all().await;
}

#[tokio::test]
async fn two_backups_at_once_never_overlap() {
    let db = OwnDatabase::create().await;
    // Enough rows that the first dump is still being written when the second asks.
    db.add_ballast(200_000).await;
    let dir = tempfile::tempdir().unwrap();
    let backups = Arc::new(backups(&db.settings(dir.path())));

    let first = {
        let backups = backups.clone();
        tokio::spawn(async move { backups.create(Trigger::Cli).await })
    };
    // The second one asks while the first one's archive is being written.
    let writing = async {
        loop {
            let partial = std::fs::read_dir(backups.dir())
                .into_iter()
                .flatten()
                .any(|entry| {
                    entry.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".dump.partial"))
                });
            if partial {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(60), writing)
        .await
        .expect("the first backup starts writing");
    let refused = backups
        .create(Trigger::Cli)
        .await
        .expect_err("one backup at a time");
    let done = first.await.unwrap().expect("the first backup finishes");

    assert!(matches!(refused, BackupError::Busy), "{refused:?}");
    assert_eq!(refused.code(), "backup_in_progress");
    assert!(refused.to_string().contains("Another backup or restore"));
    let listed = backups.list().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, done.sidecar.id);
    db.drop_all().await;
}

/// Runs `program` with `args`, returning whether it succeeded and what it said.
async fn run(program: &str, args: &[&str]) -> (bool, String) {
    let output = tokio::process::Command::new(program)
        .args(args)
        .output()
        .await
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.success(), said)
}

#[tokio::test]
async fn a_full_disk_fails_the_backup_cleanly_and_leaves_older_backups() {
    let db = OwnDatabase::create().await;
    db.add_ballast(2000).await;
    let dir = tempfile::tempdir().unwrap();
    let backups = backups(&db.settings(dir.path()));
    let folder = backups.dir().to_path_buf();
    std::fs::create_dir_all(&folder).unwrap();
    let (mounted, why) = run(
        "mount",
        &[
            "-t",
            "tmpfs",
            "-o",
            "size=1M",
            "tmpfs",
            folder.to_str().unwrap(),
        ],
    )
    .await;
    if !mounted {
        eprintln!(
            "SKIPPED a_full_disk_fails_the_backup_cleanly: cannot mount a 1 MiB tmpfs here ({why})"
        );
        db.drop_all().await;
        return;
    }

    let older = backups.create(Trigger::Cli).await;
    // Fill what is left of the small disk.
    let filler = folder.join("filler");
    let filled = {
        use std::io::Write;
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 4096];
        loop {
            if let Err(error) = file.write_all(&block).and_then(|()| file.sync_all()) {
                break error;
            }
        }
    };
    let refused = backups.create(Trigger::Cli).await;
    std::fs::remove_file(&filler).unwrap();
    let listed = backups.list().await;
    let left: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let older_file_sha = older
        .as_ref()
        .ok()
        .map(|older| sha256_of(&folder.join(&older.sidecar.file)));
    let (unmounted, why) = run("umount", &[folder.to_str().unwrap()]).await;
    db.drop_all().await;

    assert!(unmounted, "umount: {why}");
    let older = older.expect("the first backup fits");
    assert_eq!(
        filled.raw_os_error(),
        Some(28),
        "the disk filled up: {filled}"
    );
    let refused = refused.expect_err("no room for a second backup");
    assert!(matches!(refused, BackupError::DiskFull), "{refused:?}");
    assert_eq!(refused.code(), "backup_disk_full");
    // The older backup is as it was, and nothing half-written is left.
    assert_eq!(
        older_file_sha.as_deref(),
        Some(older.sidecar.sha256.as_str())
    );
    let listed = listed.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].verified());
    assert_eq!(left.len(), 2, "{left:?}");
}

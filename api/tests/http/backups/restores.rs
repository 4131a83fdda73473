//! Restoring: only our own archives, a killed restore changes nothing, a full round trip
//! through the read-only mode, and the restore drill.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde_json::json;
use wt_backup::read_only::LIFETIME;
use wt_backup::{BackupError, Trigger};
use wt_domain::accounts::Role;

use super::*;
use crate::support::{access_token, app_with, create_user, no_dist, request};

#[tokio::test]
async fn a_corrupted_or_foreign_archive_is_refused_and_nothing_changes() {
    let db = OwnDatabase::create().await;
    db.add_ballast(100).await;
    let dir = tempfile::tempdir().unwrap();
    let settings = db.settings(dir.path());
    let backups = backups(&settings);
    let sidecar = backups.create(Trigger::Cli).await.unwrap().sidecar;
    let dump = backups.dir().join(&sidecar.file);

    // One byte changed in the middle of the archive.
    let mut bytes = std::fs::read(&dump).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&dump, &bytes).unwrap();
    let refused = backups
        .prepare_restore(&dump)
        .await
        .expect_err("a changed archive");
    assert!(matches!(refused, BackupError::Corrupt(_)), "{refused:?}");
    assert_eq!(refused.code(), "backup_corrupt");

    // The API says the same, as a problem, after the typed confirmation.
    let dist = no_dist();
    let (state, app) = app_with(db.pool.clone(), settings.clone(), dist.path());
    let admin = create_user(&state, "keeper", Role::Admin).await;
    let token = access_token(&state, &admin);
    let uri = format!("/api/backups/{}/restore", sidecar.id);
    let unconfirmed = app
        .send(request(
            "POST",
            &uri,
            Some(&token),
            Some(json!({ "confirm": "yes" })),
        ))
        .await;
    assert_eq!(unconfirmed.status, StatusCode::BAD_REQUEST);
    assert_eq!(unconfirmed.json()["code"], "confirmation_mismatch");
    let answer = app
        .send(request(
            "POST",
            &uri,
            Some(&token),
            Some(json!({ "confirm": sidecar.id })),
        ))
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.header("content-type"), "application/problem+json");
    assert_eq!(answer.json()["code"], "backup_corrupt");

    // An archive without its sidecar is not one of ours.
    std::fs::remove_file(dump.with_extension("json")).unwrap();
    let foreign = backups
        .prepare_restore(&dump)
        .await
        .expect_err("no sidecar");
    assert_eq!(foreign.code(), "backup_corrupt");

    // Nothing changed: no safety backup, no scratch database, no read-only flag, the data.
    assert_eq!(std::fs::read_dir(backups.dir()).unwrap().count(), 1);
    assert!(db.siblings("_").await.is_empty());
    assert!(read_only(&settings).current().await.unwrap().is_none());
    assert_eq!(db.ballast_rows().await, 100);
    db.drop_all().await;
}

/// Waits until `check` holds, up to `limit`; whether it did.
async fn eventually<F, Fut>(limit: Duration, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    false
}

#[tokio::test]
async fn a_restore_killed_halfway_leaves_the_live_database_and_clears_the_read_only_flag() {
    let db = OwnDatabase::create().await;
    // Enough rows that loading them takes a while: the restore is killed meanwhile.
    db.add_ballast(300_000).await;
    let dir = tempfile::tempdir().unwrap();
    let settings = db.settings(dir.path());
    let backups = backups(&settings);
    let sidecar = backups.create(Trigger::Cli).await.unwrap().sidecar;
    sqlx::query("INSERT INTO ballast VALUES (-1, 'written after the backup')")
        .execute(&db.pool)
        .await
        .unwrap();
    let flag = read_only(&settings);

    let mut restore = tokio::process::Command::new(env!("CARGO_BIN_EXE_wt-api"))
        .args([
            "restore-db",
            backups.dir().join(&sidecar.file).to_str().unwrap(),
            "--confirm",
        ])
        .env("DATABASE_URL", &db.url)
        .env("BACKUPS_DIR", dir.path())
        .env("QUEUE_NAMESPACE", &settings.jobs.queue_namespace)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    // Killed once it is loading the archive into its scratch database.
    let loading = eventually(Duration::from_secs(60), || async {
        !db.siblings("_restore_").await.is_empty()
    })
    .await;
    let flagged = flag.current().await.unwrap();
    restore.start_kill().unwrap();
    let status = restore.wait().await.unwrap();

    assert!(loading, "the restore reached its scratch database");
    assert!(!status.success(), "killed, not finished");
    let flagged = flagged.expect("the app was read-only while the restore ran");
    assert!(flagged.message.contains("restore"), "{flagged:?}");
    // The live database is the one it was, with the row written after the backup.
    assert!(
        db.siblings("_pre_restore_").await.is_empty(),
        "no swap happened"
    );
    let marker: Option<String> = sqlx::query_scalar("SELECT note FROM ballast WHERE id = -1")
        .fetch_optional(&db.pool)
        .await
        .unwrap();
    assert_eq!(marker.as_deref(), Some("written after the backup"));
    // Nobody renews the flag any more: it clears by itself.
    let cleared = eventually(LIFETIME + Duration::from_secs(5), || async {
        flag.current().await.unwrap().is_none()
    })
    .await;
    assert!(cleared, "the read-only flag expired");
    db.drop_all().await;
}

#[tokio::test]
async fn a_restore_brings_the_data_back_with_writes_refused_meanwhile() {
    let db = OwnDatabase::create().await;
    db.add_ballast(50_000).await;
    let dir = tempfile::tempdir().unwrap();
    let settings = db.settings(dir.path());
    let dist = no_dist();
    let (state, app) = app_with(db.pool.clone(), settings.clone(), dist.path());
    // The admin exists in the backup, so their token works after the restore too.
    let admin = create_user(&state, "keeper", Role::Admin).await;
    let token = access_token(&state, &admin);
    let backups = backups(&settings);
    let sidecar = backups.create(Trigger::Admin).await.unwrap().sidecar;

    sqlx::query("DELETE FROM ballast WHERE id > 100")
        .execute(&db.pool)
        .await
        .unwrap();
    let department = json!({ "name": "Written after the backup" });
    let created = app
        .send(request(
            "POST",
            "/api/departments",
            Some(&token),
            Some(department),
        ))
        .await;
    assert_eq!(created.status, StatusCode::CREATED);

    let flag = read_only(&settings);
    let prepared = backups
        .prepare_restore(&backups.dir().join(&sidecar.file))
        .await
        .unwrap();
    let running = {
        let flag = flag.clone();
        tokio::spawn(async move { prepared.run(&flag).await })
    };
    let flagged = eventually(Duration::from_secs(30), || async {
        flag.current().await.unwrap().is_some()
    })
    .await;
    assert!(flagged, "the restore made the app read-only");
    let refused = app
        .send(request(
            "POST",
            "/api/departments",
            Some(&token),
            Some(json!({ "name": "During" })),
        ))
        .await;
    let reading = app
        .send(request("GET", "/api/backups", Some(&token), None))
        .await;
    let signing_in = app
        .send(request(
            "POST",
            "/api/token",
            None,
            Some(json!({ "username": "keeper", "password": "wrong" })),
        ))
        .await;
    let restored = running.await.unwrap().expect("the restore succeeds");

    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.json()["code"], "read_only");
    assert!(
        refused.json()["detail"]
            .as_str()
            .unwrap()
            .contains("restore")
    );
    assert_eq!(refused.header("retry-after"), "30");
    assert_eq!(reading.status, StatusCode::OK);
    assert_ne!(signing_in.status, StatusCode::SERVICE_UNAVAILABLE);

    // The data is back, read through the app's pool, whose connections the swap ended.
    assert_eq!(db.ballast_rows().await, 50_000);
    let departments: i64 = sqlx::query_scalar("SELECT count(*) FROM departments")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        departments, 0,
        "the department written after the backup is gone"
    );
    assert!(flag.current().await.unwrap().is_none(), "writable again");
    let after = app
        .send(request(
            "POST",
            "/api/departments",
            Some(&token),
            Some(json!({ "name": "After" })),
        ))
        .await;
    assert_eq!(after.status, StatusCode::CREATED);

    // The replaced database is kept, and a safety backup of it was taken first.
    assert_eq!(
        db.siblings("_pre_restore_").await,
        std::slice::from_ref(&restored.previous_database)
    );
    assert!(db.siblings("_restore_").await.is_empty());
    let safety = backups
        .list()
        .await
        .unwrap()
        .into_iter()
        .find(|archive| archive.id == restored.safety_backup)
        .expect("the safety backup is listed");
    assert_eq!(safety.sidecar.unwrap().trigger, Trigger::PreRestore);
    assert_eq!(restored.archive, sidecar.id);
    db.drop_all().await;
}

#[tokio::test]
async fn the_restore_drill_passes_on_a_fresh_backup_and_leaves_no_database() {
    let db = OwnDatabase::create().await;
    db.add_ballast(5000).await;
    let dir = tempfile::tempdir().unwrap();
    let backups = backups(&db.settings(dir.path()));
    backups.create(Trigger::Cli).await.unwrap();
    // The live database moves on; the drill compares with the backup, not with it.
    sqlx::query("DELETE FROM ballast WHERE id > 10")
        .execute(&db.pool)
        .await
        .unwrap();

    let drill = tokio::process::Command::new(env!("CARGO_BIN_EXE_wt-api"))
        .arg("restore-drill")
        .env("DATABASE_URL", &db.url)
        .env("BACKUPS_DIR", dir.path())
        .env("RUST_LOG", "warn")
        .output()
        .await
        .unwrap();
    let printed = String::from_utf8_lossy(&drill.stdout).into_owned();
    let siblings = db.siblings("_").await;
    db.drop_all().await;

    assert!(
        drill.status.success(),
        "{printed}\n{}",
        String::from_utf8_lossy(&drill.stderr)
    );
    assert!(printed.contains("Passed"), "{printed}");
    let ballast = printed
        .lines()
        .find(|line| line.starts_with("ballast "))
        .expect("a row per table");
    assert!(
        ballast.contains("5000") && ballast.ends_with("ok"),
        "{ballast}"
    );
    assert!(
        siblings.is_empty(),
        "the scratch database is dropped: {siblings:?}"
    );
}

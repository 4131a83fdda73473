//! Backups and restores against the real PostgreSQL server, `pg_dump` and `pg_restore`.
//! Tests that restore (and so create, rename and drop databases) each work on a database
//! of their own ([`OwnDatabase`]), never on a shared one.

mod archives;
mod restores;
mod routes;

use std::path::Path;

use sqlx::{Connection, PgConnection, PgPool};
use wt_backup::Backups;
use wt_backup::read_only::ReadOnly;
use wt_runtime::{RedisConnector, Settings};

use crate::support::settings;

/// A migrated database made for one test; [`OwnDatabase::drop_all`] drops it with every
/// database a restore named after it.
pub struct OwnDatabase {
    pub name: String,
    pub url: String,
    pub pool: PgPool,
    server: String,
}

impl OwnDatabase {
    pub async fn create() -> Self {
        let base = std::env::var("DATABASE_URL").expect("DATABASE_URL names the test server");
        let base = base.split('?').next().unwrap_or_default();
        let server = base[..base.rfind('/').expect("a URL with a database")].to_owned();
        let name = format!("wtbk_{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
        let mut admin = PgConnection::connect(&format!("{server}/postgres"))
            .await
            .expect("the maintenance database answers");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        let url = format!("{server}/{name}");
        let pool = PgPool::connect(&url).await.unwrap();
        wt_store::MIGRATOR.run(&pool).await.unwrap();
        OwnDatabase {
            name,
            url,
            pool,
            server,
        }
    }

    /// The databases whose names start with this one's and `suffix`.
    pub async fn siblings(&self, suffix: &str) -> Vec<String> {
        let mut admin = PgConnection::connect(&format!("{}/postgres", self.server))
            .await
            .unwrap();
        sqlx::query_scalar(
            "SELECT datname::text FROM pg_database WHERE left(datname, length($1)) = $1 ORDER BY 1",
        )
        .bind(format!("{}{suffix}", self.name))
        .fetch_all(&mut admin)
        .await
        .unwrap()
    }

    pub async fn drop_all(self) {
        self.pool.close().await;
        let all = self.siblings("").await;
        let mut admin = PgConnection::connect(&format!("{}/postgres", self.server))
            .await
            .unwrap();
        for name in all {
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut admin)
            .await
            .unwrap();
        }
    }

    /// Settings of the app on this database, its backups under `backups_dir`.
    pub fn settings(&self, backups_dir: &Path) -> Settings {
        settings(&[
            "--database-url",
            &self.url,
            "--backups-dir",
            backups_dir.to_str().unwrap(),
        ])
    }

    /// A table of `rows` rows of our own, so a dump and a restore have work to do.
    pub async fn add_ballast(&self, rows: i64) {
        sqlx::query(
            "CREATE TABLE ballast AS SELECT g AS id, md5(g::text) AS note \
             FROM generate_series(1, $1) AS g",
        )
        .bind(rows)
        .execute(&self.pool)
        .await
        .unwrap();
        sqlx::query("ALTER TABLE ballast ADD PRIMARY KEY (id)")
            .execute(&self.pool)
            .await
            .unwrap();
    }

    pub async fn ballast_rows(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM ballast")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

pub fn backups(settings: &Settings) -> Backups {
    Backups::from_settings(settings).expect("usable settings")
}

pub fn read_only(settings: &Settings) -> ReadOnly {
    ReadOnly::new(
        RedisConnector::new(settings).unwrap(),
        &settings.jobs.queue_namespace,
    )
}

/// The newest migration this build knows: the schema version of a fresh database.
pub fn latest_migration() -> i64 {
    wt_store::MIGRATOR.iter().map(|m| m.version).max().unwrap()
}

/// The SHA-256 (hex) of the file at `path`, computed here, not by the code under test.
pub fn sha256_of(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).unwrap();
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

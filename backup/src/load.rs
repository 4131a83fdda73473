//! Loading an archive into a fresh database and checking it against the archive's
//! sidecar: the common part of a restore (before the swap) and of the restore drill.

use std::path::Path;

use sqlx::{Connection, PgConnection};

use crate::BackupError;
use crate::archive::Sidecar;
use crate::census::{self, TableCensus};
use crate::postgres::{self, Target};

/// What a loaded database holds.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub schema_version: i64,
    pub tables: Vec<TableCensus>,
}

/// Creates `scratch` (on the maintenance connection `maintenance`) and restores `dump`
/// into it; returns its census. The caller drops `scratch` when it is not kept.
pub(crate) async fn load(
    target: &Target,
    maintenance: &mut PgConnection,
    scratch: &str,
    dump: &Path,
) -> Result<Loaded, BackupError> {
    postgres::create_database(maintenance, scratch).await?;
    let pg_restore = target.command("pg_restore").args([
        "--no-owner".into(),
        "--exit-on-error".into(),
        "--no-password".into(),
        format!("--dbname={scratch}").into(),
        dump.as_os_str().to_owned(),
    ]);
    pg_restore.run().await?;
    let mut conn = target.connect(scratch).await?;
    let loaded = Loaded {
        schema_version: census::schema_version(&mut conn).await?,
        tables: census::take(&mut conn).await?,
    };
    conn.close().await?;
    Ok(loaded)
}

/// Fails unless `loaded` has the schema version and every table's figures of `sidecar`.
pub(crate) fn verify(sidecar: &Sidecar, loaded: &Loaded) -> Result<(), BackupError> {
    if loaded.schema_version != sidecar.schema_version {
        return Err(BackupError::VerificationFailed(format!(
            "schema version {} instead of {}",
            loaded.schema_version, sidecar.schema_version
        )));
    }
    let differences = census::differences(&sidecar.tables, &loaded.tables);
    if differences.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = differences.iter().map(|d| d.table.as_str()).collect();
    Err(BackupError::VerificationFailed(format!(
        "{} table(s) differ: {}",
        names.len(),
        names.join(", ")
    )))
}

/// Drops the databases named `prefix...` that a crashed restore or drill left. Only
/// called under the backup lock, so none of them belongs to a running one.
pub(crate) async fn drop_leftovers(
    maintenance: &mut PgConnection,
    prefix: &str,
) -> Result<(), BackupError> {
    for name in postgres::databases_named(maintenance, prefix).await? {
        tracing::info!(database = %name, "dropping a database a crashed restore left");
        postgres::drop_database(maintenance, &name).await?;
    }
    Ok(())
}

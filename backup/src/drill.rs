//! The restore drill: proves the newest backup restores. It loads the newest verified
//! archive into a scratch database, compares every table's row count and checksum and
//! the schema version with those its sidecar recorded at backup time (the live database
//! has moved on since, the sidecar has not), and drops the scratch database. The live
//! database is never touched.

use chrono::Utc;

use crate::archive::{self, ArchiveId};
use crate::census::{TableCensus, side_by_side};
use crate::load::{self, drop_leftovers};
use crate::{BackupError, Backups, lock, postgres};

/// One table as recorded and as restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillRow {
    pub table: String,
    pub recorded: Option<TableCensus>,
    pub restored: Option<TableCensus>,
}

impl DrillRow {
    pub fn matches(&self) -> bool {
        self.recorded.is_some() && self.recorded == self.restored
    }
}

/// What the drill found.
#[derive(Debug, Clone)]
pub struct DrillReport {
    pub archive: ArchiveId,
    pub recorded_schema: i64,
    pub restored_schema: i64,
    pub rows: Vec<DrillRow>,
}

impl DrillReport {
    /// Whether the restored copy equals the backup in every table.
    pub fn passed(&self) -> bool {
        self.recorded_schema == self.restored_schema && self.rows.iter().all(DrillRow::matches)
    }
}

impl Backups {
    /// Runs the drill on the newest verified backup.
    pub async fn drill(&self) -> Result<DrillReport, BackupError> {
        let newest = self
            .list()
            .await?
            .into_iter()
            .find(archive::Archive::verified)
            .ok_or_else(|| BackupError::NotFound("A verified backup".to_owned()))?;
        let dump = archive::dump_path(&self.dir, &newest.id);
        let sidecar = archive::check(&dump).await?;
        let mut held = lock::acquire(&self.target).await?;
        let live = self.target.database();
        drop_leftovers(held.conn(), &format!("{live}_drill_")).await?;
        let scratch = self
            .target
            .sibling(&format!("drill_{}", Utc::now().format("%Y%m%d%H%M%S")))?;
        let loaded = load::load(&self.target, held.conn(), &scratch, &dump).await;
        let dropped = postgres::drop_database(held.conn(), &scratch).await;
        held.release().await;
        let loaded = loaded?;
        dropped?;
        let rows = side_by_side(&sidecar.tables, &loaded.tables)
            .into_iter()
            .map(|(table, recorded, restored)| DrillRow {
                table: table.to_owned(),
                recorded: recorded.cloned(),
                restored: restored.cloned(),
            })
            .collect();
        Ok(DrillReport {
            archive: sidecar.id,
            recorded_schema: sidecar.schema_version,
            restored_schema: loaded.schema_version,
            rows,
        })
    }
}

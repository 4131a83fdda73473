//! A database's contents in brief: each table's row count and a checksum of its rows,
//! and the schema version. Taken at backup time in the dump's own snapshot and recorded
//! in the sidecar, then taken again on a restored database: equal figures mean the
//! restore brought back every row as it was.
//!
//! The checksum is the sum of the first 64 bits of each row's MD5 (of the row as text):
//! independent of row order, so no sort is needed, and computed in one streaming pass.

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;

use crate::BackupError;

/// One table's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TableCensus {
    pub name: String,
    pub rows: i64,
    pub checksum: String,
}

/// The figures of every table in the `public` schema, by name. Each table's query is
/// built inside PostgreSQL (`format('%I')` quotes its name) and run by `query_to_xml`,
/// so the whole census is one statement.
pub async fn take(conn: &mut PgConnection) -> Result<Vec<TableCensus>, BackupError> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT c.relname::text, \
                (xpath('/row/n/text()', q.x))[1]::text::bigint, \
                (xpath('/row/s/text()', q.x))[1]::text \
         FROM pg_class c \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         CROSS JOIN LATERAL query_to_xml(format( \
             'SELECT count(*) AS n, \
                     coalesce(sum((''x'' || left(md5(t::text), 16))::bit(64)::bigint), 0)::text AS s \
              FROM %I.%I AS t', n.nspname, c.relname), false, true, '') AS q(x) \
         WHERE n.nspname = 'public' AND c.relkind = 'r' \
         ORDER BY c.relname",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(name, rows, checksum)| TableCensus {
            name,
            rows,
            checksum,
        })
        .collect())
}

/// The latest migration applied to the database.
pub async fn schema_version(conn: &mut PgConnection) -> Result<i64, BackupError> {
    let version: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(conn)
            .await?;
    version.ok_or_else(|| BackupError::Corrupt("the database has no applied migrations".into()))
}

/// One table whose figures differ between a backup and a restored copy (absent on one
/// side: `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub table: String,
    pub expected: Option<TableCensus>,
    pub actual: Option<TableCensus>,
}

/// Each table of either side, with the figures of both, in name order.
pub fn side_by_side<'a>(
    expected: &'a [TableCensus],
    actual: &'a [TableCensus],
) -> Vec<(&'a str, Option<&'a TableCensus>, Option<&'a TableCensus>)> {
    let mut names: Vec<&str> = expected
        .iter()
        .chain(actual)
        .map(|table| table.name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    let find = |side: &'a [TableCensus], name: &str| side.iter().find(|t| t.name == name);
    names
        .into_iter()
        .map(|name| (name, find(expected, name), find(actual, name)))
        .collect()
}

/// The tables whose figures differ.
pub fn differences(expected: &[TableCensus], actual: &[TableCensus]) -> Vec<Difference> {
    side_by_side(expected, actual)
        .into_iter()
        .filter(|(_, expected, actual)| expected != actual)
        .map(|(name, expected, actual)| Difference {
            table: name.to_owned(),
            expected: expected.cloned(),
            actual: actual.cloned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, rows: i64, checksum: &str) -> TableCensus {
        TableCensus {
            name: name.to_owned(),
            rows,
            checksum: checksum.to_owned(),
        }
    }

    #[test]
    fn differences_name_changed_missing_and_extra_tables() {
        let backup = [table("a", 1, "x"), table("b", 2, "y"), table("c", 0, "0")];
        let restored = [table("a", 1, "x"), table("b", 2, "z"), table("d", 0, "0")];
        let found: Vec<String> = differences(&backup, &restored)
            .into_iter()
            .map(|d| d.table)
            .collect();
        assert_eq!(found, ["b", "c", "d"]);
        assert!(differences(&backup, &backup).is_empty());
    }
}

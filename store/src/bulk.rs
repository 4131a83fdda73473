//! Any number of rows of a served table ([`Table`]) at once, as imports need them: the
//! whole table to match against, and inserts and updates of thousands of rows per
//! statement. The rows go to PostgreSQL as one JSON array, read back as records
//! (`jsonb_to_recordset`), so an import of 100,000 people takes a few dozen statements and
//! a form's single row takes the same path.

use serde::Serialize;
use sqlx::PgConnection;
use sqlx::types::Json;

use crate::StoreError;
use crate::stored::{Row, Table, constant};

/// Rows per statement: large enough to amortise the round trip, small enough to keep each
/// statement's JSON a few megabytes.
pub const BATCH: usize = 5_000;

/// New values for the row `id`, applied only while it is at `expected_version` (when
/// set).
#[derive(Debug, Serialize)]
pub struct Change<'a, F> {
    pub id: i64,
    pub expected_version: Option<i64>,
    #[serde(flatten)]
    pub fields: &'a F,
}

/// Every row of the table `F`, by id.
pub async fn all<F: Table>(conn: &mut PgConnection) -> Result<Vec<Row<F>>, StoreError> {
    let sql = format!("SELECT * FROM ({}) AS row ORDER BY row.id", F::SELECT);
    Ok(sqlx::query_as(constant(sql)).fetch_all(conn).await?)
}

/// Creates `rows` (in batches); returns their ids in order.
pub async fn insert<F: Table>(conn: &mut PgConnection, rows: &[F]) -> Result<Vec<i64>, StoreError> {
    let sql = statement::<F>(
        "INSERT INTO {table} ({columns}) \
         SELECT {values} \
         FROM ROWS FROM (jsonb_to_recordset($1) AS ({record})) WITH ORDINALITY AS u \
         ORDER BY u.ordinality \
         RETURNING id",
    );
    in_batches(conn, &sql, rows, None).await
}

/// Applies `changes` (in batches), bumping each changed row's version; returns the ids of
/// the rows changed (a row gone, or no longer at its expected version, is left alone).
/// The ids also go as an array (`$2`): PostgreSQL cannot count the JSON's rows and guesses
/// 100, enough for it to scan the whole table for a form's one row.
pub async fn update_guarded<F: Table>(
    conn: &mut PgConnection,
    changes: &[Change<'_, F>],
) -> Result<Vec<i64>, StoreError> {
    let sql = statement::<F>(
        "UPDATE {table} t \
         SET ({columns}) = ROW({values}), updated_at = now(), version = t.version + 1 \
         FROM jsonb_to_recordset($1) AS u(id bigint, expected_version bigint, {record}) \
         WHERE t.id = ANY($2) AND t.id = u.id \
           AND (u.expected_version IS NULL OR t.version = u.expected_version) \
         RETURNING t.id",
    );
    in_batches(conn, &sql, changes, Some(|change| change.id)).await
}

/// `template` with the table's name, columns, stored values and record put in.
fn statement<F: Table>(template: &str) -> String {
    template
        .replace("{table}", F::TABLE)
        .replace("{columns}", F::COLUMNS)
        .replace("{values}", F::VALUES)
        .replace("{record}", F::RECORD)
}

/// Runs `sql` once per batch of `rows` (bound as one JSON array, and with `key`, their
/// keys as a second parameter) and gathers the ids it returns, in order.
async fn in_batches<T: Serialize + Sync>(
    conn: &mut PgConnection,
    sql: &str,
    rows: &[T],
    key: Option<fn(&T) -> i64>,
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(rows.len());
    for batch in rows.chunks(BATCH) {
        let mut query = sqlx::query_scalar(constant(sql.to_owned())).bind(Json(batch));
        if let Some(key) = key {
            query = query.bind(batch.iter().map(key).collect::<Vec<i64>>());
        }
        let returned: Vec<i64> = query.fetch_all(&mut *conn).await?;
        ids.extend(returned);
    }
    Ok(ids)
}

/// Replaces the fields of the rows `changes` names, whatever their versions (an import
/// writes what it planned from the rows it read in the same transaction).
pub async fn update<F: Table>(
    conn: &mut PgConnection,
    changes: &[(i64, F)],
) -> Result<(), StoreError> {
    let changes: Vec<Change<'_, F>> = changes
        .iter()
        .map(|(id, fields)| Change {
            id: *id,
            expected_version: None,
            fields,
        })
        .collect();
    update_guarded(conn, &changes).await?;
    Ok(())
}

//! Sign-in sessions as refresh-token families. Each sign-in starts a family; each refresh
//! rotates the token inside it. A token is stored only as its SHA-256 hash. Presenting a
//! token that was already rotated means someone kept a copy: the whole family is revoked.

use std::time::Duration;

use sqlx::{PgConnection, PgExecutor};

use crate::StoreError;

/// What a presented refresh token turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presented {
    /// Current and unexpired: it is now rotated, and the family may get a new token.
    Valid { family_id: i64, user_id: i64 },
    /// Already rotated once: a replay. The caller revokes the family.
    Reused { family_id: i64, user_id: i64 },
    /// Unknown, expired, or in a revoked family.
    Invalid,
}

/// Starts a family for `user_id` that ends for good after `absolute`.
pub async fn start_family(
    ex: impl PgExecutor<'_>,
    user_id: i64,
    absolute: Duration,
) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar!(
        r#"INSERT INTO refresh_families (user_id, absolute_expires_at)
           VALUES ($1, now() + make_interval(secs => $2))
           RETURNING id"#,
        user_id,
        absolute.as_secs_f64(),
    )
    .fetch_one(ex)
    .await?;
    Ok(id)
}

/// Adds a token (by hash) to a family; unused for `idle`, it expires.
pub async fn add_token(
    ex: impl PgExecutor<'_>,
    family_id: i64,
    token_hash: &[u8; 32],
    idle: Duration,
) -> Result<(), StoreError> {
    sqlx::query!(
        r#"INSERT INTO refresh_tokens (token_hash, family_id, idle_expires_at)
           VALUES ($1, $2, now() + make_interval(secs => $3))"#,
        token_hash.as_slice(),
        family_id,
        idle.as_secs_f64(),
    )
    .execute(ex)
    .await?;
    Ok(())
}

/// Looks up a presented token and, when valid, marks it rotated. Run it in a transaction:
/// the row lock makes two concurrent uses of one token resolve as one valid, one reused.
pub async fn present(
    conn: &mut PgConnection,
    token_hash: &[u8; 32],
) -> Result<Presented, StoreError> {
    let row = sqlx::query!(
        r#"SELECT t.family_id, f.user_id, t.rotated_at IS NOT NULL AS "rotated!",
                  (f.revoked_at IS NULL AND f.absolute_expires_at > now()
                   AND t.idle_expires_at > now()) AS "live!"
           FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
           WHERE t.token_hash = $1
           FOR UPDATE OF t"#,
        token_hash.as_slice(),
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(Presented::Invalid);
    };
    if row.rotated {
        return Ok(Presented::Reused {
            family_id: row.family_id,
            user_id: row.user_id,
        });
    }
    if !row.live {
        return Ok(Presented::Invalid);
    }
    sqlx::query!(
        "UPDATE refresh_tokens SET rotated_at = now() WHERE token_hash = $1",
        token_hash.as_slice(),
    )
    .execute(&mut *conn)
    .await?;
    Ok(Presented::Valid {
        family_id: row.family_id,
        user_id: row.user_id,
    })
}

/// The family of a token, whatever its state (for sign-out).
pub async fn family_of(
    ex: impl PgExecutor<'_>,
    token_hash: &[u8; 32],
) -> Result<Option<i64>, StoreError> {
    let family = sqlx::query_scalar!(
        "SELECT family_id FROM refresh_tokens WHERE token_hash = $1",
        token_hash.as_slice(),
    )
    .fetch_optional(ex)
    .await?;
    Ok(family)
}

/// Ends one family: none of its tokens refreshes again.
pub async fn revoke_family(
    ex: impl PgExecutor<'_>,
    family_id: i64,
    reason: &str,
) -> Result<(), StoreError> {
    sqlx::query!(
        r#"UPDATE refresh_families SET revoked_at = now(), revoked_reason = $2
           WHERE id = $1 AND revoked_at IS NULL"#,
        family_id,
        reason,
    )
    .execute(ex)
    .await?;
    Ok(())
}

/// Ends every session of a user (password changed, account deactivated).
pub async fn revoke_all(
    ex: impl PgExecutor<'_>,
    user_id: i64,
    reason: &str,
) -> Result<u64, StoreError> {
    let done = sqlx::query!(
        r#"UPDATE refresh_families SET revoked_at = now(), revoked_reason = $2
           WHERE user_id = $1 AND revoked_at IS NULL"#,
        user_id,
        reason,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected())
}

/// Whether a family is still usable (for tests and diagnostics).
pub async fn family_is_live(ex: impl PgExecutor<'_>, family_id: i64) -> Result<bool, StoreError> {
    let live = sqlx::query_scalar!(
        r#"SELECT (revoked_at IS NULL AND absolute_expires_at > now()) AS "live!"
           FROM refresh_families WHERE id = $1"#,
        family_id,
    )
    .fetch_optional(ex)
    .await?;
    Ok(live.unwrap_or(false))
}

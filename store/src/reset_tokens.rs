//! Single-use, expiring tokens for password resets and invitations, stored as SHA-256
//! hashes. Issuing a new token retires the user's older unused ones of the same purpose.

use std::time::Duration;

use sqlx::PgConnection;

use crate::StoreError;

/// What a reset token is for; the link and the mail differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Reset,
    Invite,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Reset => "reset",
            Purpose::Invite => "invite",
        }
    }
}

/// Stores a new token for `user_id`, valid for `ttl`, retiring older unused ones.
pub async fn issue(
    conn: &mut PgConnection,
    user_id: i64,
    token_hash: &[u8; 32],
    purpose: Purpose,
    ttl: Duration,
) -> Result<(), StoreError> {
    sqlx::query!(
        r#"UPDATE password_reset_tokens SET used_at = now()
           WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL"#,
        user_id,
        purpose.as_str(),
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        r#"INSERT INTO password_reset_tokens (token_hash, user_id, purpose, expires_at)
           VALUES ($1, $2, $3, now() + make_interval(secs => $4))"#,
        token_hash.as_slice(),
        user_id,
        purpose.as_str(),
        ttl.as_secs_f64(),
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Uses a token: returns its user when it was unused and unexpired, and marks it used.
pub async fn consume(
    conn: &mut PgConnection,
    token_hash: &[u8; 32],
) -> Result<Option<i64>, StoreError> {
    let user = sqlx::query_scalar!(
        r#"UPDATE password_reset_tokens SET used_at = now()
           WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
           RETURNING user_id"#,
        token_hash.as_slice(),
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(user)
}

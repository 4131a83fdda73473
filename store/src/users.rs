//! Users: who signs in, with which account role and settings. Usernames and emails are
//! unique case-insensitively (`users_username_key`, `users_email_key`).

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;
use wt_domain::accounts::Role;

use crate::StoreError;

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub email: String,
    pub password_hash: Option<String>,
    pub role: Role,
    pub person_id: Option<i64>,
    pub is_active: bool,
    pub token_version: i32,
    pub theme: String,
    pub default_department_id: Option<i64>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

struct UserRow {
    id: i64,
    username: String,
    email: String,
    password_hash: Option<String>,
    role: String,
    person_id: Option<i64>,
    is_active: bool,
    token_version: i32,
    theme: String,
    default_department_id: Option<i64>,
    last_login_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    version: i64,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;

    fn try_from(row: UserRow) -> Result<Self, StoreError> {
        let role = row
            .role
            .parse()
            .map_err(|e| StoreError::Corrupt(format!("user {}: {e}", row.id)))?;
        Ok(User {
            id: row.id,
            username: row.username,
            email: row.email,
            password_hash: row.password_hash,
            role,
            person_id: row.person_id,
            is_active: row.is_active,
            token_version: row.token_version,
            theme: row.theme,
            default_department_id: row.default_department_id,
            last_login_at: row.last_login_at,
            created_at: row.created_at,
            version: row.version,
        })
    }
}

fn user(row: Option<UserRow>) -> Result<Option<User>, StoreError> {
    row.map(User::try_from).transpose()
}

/// A user to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub email: String,
    pub password_hash: Option<String>,
    pub role: Role,
}

pub async fn insert(ex: impl PgExecutor<'_>, new: &NewUser) -> Result<User, StoreError> {
    let row = sqlx::query_as!(
        UserRow,
        r#"INSERT INTO users (username, email, password_hash, role)
           VALUES ($1, $2, $3, $4)
           RETURNING id, username, email, password_hash, role, person_id, is_active,
                     token_version, theme, default_department_id, last_login_at, created_at,
                     version"#,
        new.username,
        new.email,
        new.password_hash,
        new.role.as_str(),
    )
    .fetch_one(ex)
    .await?;
    row.try_into()
}

pub async fn find(ex: impl PgExecutor<'_>, id: i64) -> Result<Option<User>, StoreError> {
    let row = sqlx::query_as!(
        UserRow,
        r#"SELECT id, username, email, password_hash, role, person_id, is_active,
                  token_version, theme, default_department_id, last_login_at, created_at,
                  version
           FROM users WHERE id = $1"#,
        id,
    )
    .fetch_optional(ex)
    .await?;
    user(row)
}

/// The user with this username, compared case-insensitively.
pub async fn find_by_username(
    ex: impl PgExecutor<'_>,
    username: &str,
) -> Result<Option<User>, StoreError> {
    let row = sqlx::query_as!(
        UserRow,
        r#"SELECT id, username, email, password_hash, role, person_id, is_active,
                  token_version, theme, default_department_id, last_login_at, created_at,
                  version
           FROM users WHERE lower(username) = lower($1)"#,
        username,
    )
    .fetch_optional(ex)
    .await?;
    user(row)
}

/// The active user with this email, compared case-insensitively.
pub async fn find_active_by_email(
    ex: impl PgExecutor<'_>,
    email: &str,
) -> Result<Option<User>, StoreError> {
    let row = sqlx::query_as!(
        UserRow,
        r#"SELECT id, username, email, password_hash, role, person_id, is_active,
                  token_version, theme, default_department_id, last_login_at, created_at,
                  version
           FROM users WHERE lower(email) = lower($1) AND is_active"#,
        email,
    )
    .fetch_optional(ex)
    .await?;
    user(row)
}

/// Which users to list; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Matched against username and email, case-insensitively, anywhere in the text.
    pub search: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of users ordered by username, and how many match in all.
pub async fn list(
    ex: impl PgExecutor<'_>,
    filter: &UserFilter,
) -> Result<(Vec<User>, i64), StoreError> {
    let pattern = filter.search.as_deref().map(crate::like_pattern);
    let rows = sqlx::query!(
        r#"SELECT id, username, email, password_hash, role, person_id, is_active,
                  token_version, theme, default_department_id, last_login_at, created_at,
                  version, count(*) OVER () AS "total!"
           FROM users
           WHERE ($1::text IS NULL OR lower(username) LIKE $1 OR lower(email) LIKE $1)
             AND ($2::text IS NULL OR role = $2)
             AND ($3::bool IS NULL OR is_active = $3)
           ORDER BY lower(username)
           LIMIT $4 OFFSET $5"#,
        pattern,
        filter.role.map(Role::as_str),
        filter.active,
        filter.limit,
        filter.offset,
    )
    .fetch_all(ex)
    .await?;
    let total = rows.first().map_or(0, |row| row.total);
    let users = rows
        .into_iter()
        .map(|r| {
            User::try_from(UserRow {
                id: r.id,
                username: r.username,
                email: r.email,
                password_hash: r.password_hash,
                role: r.role,
                person_id: r.person_id,
                is_active: r.is_active,
                token_version: r.token_version,
                theme: r.theme,
                default_department_id: r.default_department_id,
                last_login_at: r.last_login_at,
                created_at: r.created_at,
                version: r.version,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok((users, total))
}

/// Changes an account (any `None` stays). With `expected_version`, only that version is
/// changed; `Ok(None)` then means the user is gone or was changed meanwhile.
#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    pub role: Option<Role>,
    pub is_active: Option<bool>,
    pub email: Option<String>,
    /// `Some(None)` unlinks the person; one person belongs to at most one user
    /// (`users_person_key`).
    pub person_id: Option<Option<i64>>,
}

pub async fn update(
    ex: impl PgExecutor<'_>,
    id: i64,
    changes: &UserChanges,
    expected_version: Option<i64>,
) -> Result<Option<User>, StoreError> {
    let row = sqlx::query_as!(
        UserRow,
        r#"UPDATE users
           SET role = coalesce($2, role), is_active = coalesce($3, is_active),
               email = coalesce($4, email),
               person_id = CASE WHEN $6 THEN $7 ELSE person_id END,
               updated_at = now(), version = version + 1,
               token_version = token_version + CASE WHEN $3 = false THEN 1 ELSE 0 END
           WHERE id = $1 AND ($5::bigint IS NULL OR version = $5)
           RETURNING id, username, email, password_hash, role, person_id, is_active,
                     token_version, theme, default_department_id, last_login_at, created_at,
                     version"#,
        id,
        changes.role.map(Role::as_str),
        changes.is_active,
        changes.email,
        expected_version,
        changes.person_id.is_some(),
        changes.person_id.flatten(),
    )
    .fetch_optional(ex)
    .await?;
    user(row)
}

/// Sets a new password hash and ends every access token issued before.
pub async fn set_password(
    ex: impl PgExecutor<'_>,
    id: i64,
    password_hash: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query!(
        r#"UPDATE users
           SET password_hash = $2, token_version = token_version + 1, updated_at = now(),
               version = version + 1
           WHERE id = $1"#,
        id,
        password_hash,
    )
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves the user's own preferences.
pub async fn update_settings(
    ex: impl PgExecutor<'_>,
    id: i64,
    theme: &str,
    default_department_id: Option<i64>,
) -> Result<Option<User>, StoreError> {
    let row = sqlx::query_as!(
        UserRow,
        r#"UPDATE users
           SET theme = $2, default_department_id = $3, updated_at = now(),
               version = version + 1
           WHERE id = $1
           RETURNING id, username, email, password_hash, role, person_id, is_active,
                     token_version, theme, default_department_id, last_login_at, created_at,
                     version"#,
        id,
        theme,
        default_department_id,
    )
    .fetch_optional(ex)
    .await?;
    user(row)
}

pub async fn record_login(ex: impl PgExecutor<'_>, id: i64) -> Result<(), StoreError> {
    sqlx::query!("UPDATE users SET last_login_at = now() WHERE id = $1", id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Whether any active admin exists (the demo admin is created only when none does).
pub async fn active_admin_exists(ex: impl PgExecutor<'_>) -> Result<bool, StoreError> {
    let exists = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND is_active) AS "exists!""#
    )
    .fetch_one(ex)
    .await?;
    Ok(exists)
}

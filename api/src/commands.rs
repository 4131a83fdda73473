//! Account commands of the `wt-api` CLI: `create-dev-user` (the production guide's quick
//! user for staging), `create-user` (interactive), and `create-demo-admin` (used by
//! `make run`: a first admin with a random password, printed once).

use std::io::{BufRead, Write};

use anyhow::{Context, bail};
use serde_json::json;
use sqlx::PgPool;
use wt_domain::accounts::{Role, check_password};
use wt_domain::secrets::new_token;
use wt_domain::text::{Email, StoredText, Username};
use wt_store::users::{self, NewUser, User, UserChanges};
use wt_store::{audit, sessions};

use crate::auth::passwords;

/// Creates the account, or brings an existing one with that username to these values.
/// Returns the user and whether it was created.
pub async fn upsert_user(
    pool: &PgPool,
    username: &str,
    email: &str,
    password: &str,
    role: Role,
) -> anyhow::Result<(User, bool)> {
    let username = Username::parse(username.to_owned())
        .context("username refused")?
        .into_string();
    let email = Email::parse(email.to_owned())
        .context("email refused")?
        .into_string();
    let username = username.as_str();
    if let Err(problems) = check_password(username, password) {
        let reasons: Vec<String> = problems.iter().map(|p| p.message()).collect();
        bail!("password refused: {}", reasons.join(" "));
    }
    let hash = passwords::hash(password.to_owned()).await?;
    let mut tx = pool.begin().await?;
    let (user, created) = match users::find_by_username(&mut *tx, username).await? {
        Some(existing) => {
            let changes = UserChanges {
                role: Some(role),
                is_active: Some(true),
                email: Some(email.clone()),
                person_id: None,
            };
            users::update(&mut *tx, existing.id, &changes, None).await?;
            users::set_password(&mut *tx, existing.id, &hash).await?;
            sessions::revoke_all(&mut *tx, existing.id, "password set from the CLI").await?;
            let user = users::find(&mut *tx, existing.id)
                .await?
                .context("user vanished")?;
            (user, false)
        }
        None => {
            let new = NewUser {
                username: username.to_owned(),
                email,
                password_hash: Some(hash),
                role,
            };
            (users::insert(&mut *tx, &new).await?, true)
        }
    };
    let event = audit::NewEvent {
        actor_id: None,
        action: if created {
            "user_created"
        } else {
            "password_set"
        },
        target_type: "user",
        target_id: Some(user.id),
        target_label: &user.username,
        details: json!({ "via": "cli", "role": user.role }),
    };
    audit::record(&mut *tx, &event).await?;
    tx.commit().await?;
    Ok((user, created))
}

/// The role the guide's `--staff` / `--superuser` flags mean.
pub fn role_from_flags(staff: bool, superuser: bool) -> Role {
    if superuser {
        Role::Admin
    } else if staff {
        Role::Manager
    } else {
        Role::User
    }
}

pub fn report(user: &User, created: bool) {
    let verb = if created { "created" } else { "updated" };
    println!(
        "User {} {verb} (id {}, role {}).",
        user.username, user.id, user.role
    );
}

fn prompt(label: &str) -> anyhow::Result<String> {
    eprint!("{label}: ");
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_owned())
}

fn prompt_secret(label: &str) -> anyhow::Result<String> {
    eprint!("{label}: ");
    std::io::stderr().flush()?;
    // Not echoed on a terminal; read as a plain line when piped.
    Ok(rpassword::read_password()?)
}

/// Asks for the account's details on the terminal and creates it.
pub async fn create_user_interactively(pool: &PgPool) -> anyhow::Result<()> {
    let username = prompt("Username")?;
    let email = prompt("Email")?;
    let role_text = prompt("Role (user, manager, admin) [user]")?;
    let role = if role_text.is_empty() {
        Role::User
    } else {
        role_text
            .parse()
            .map_err(|_| anyhow::anyhow!("unknown role {role_text:?}"))?
    };
    let password = prompt_secret("Password")?;
    if prompt_secret("Password (again)")? != password {
        bail!("the passwords differ");
    }
    if users::find_by_username(pool, &username).await?.is_some() {
        bail!("a user named {username} exists already");
    }
    let (user, created) = upsert_user(pool, &username, &email, &password, role).await?;
    report(&user, created);
    Ok(())
}

/// Creates `admin` with a random password when no active admin exists, and prints the
/// password once; otherwise says an admin exists.
pub async fn create_demo_admin(pool: &PgPool) -> anyhow::Result<()> {
    if users::active_admin_exists(pool).await? {
        println!("An admin account exists already; no demo admin was created.");
        return Ok(());
    }
    let username = match users::find_by_username(pool, "admin").await? {
        None => "admin".to_owned(),
        Some(_) => format!("admin-{}", &new_token()[..6].to_lowercase()),
    };
    let password: String = new_token().chars().take(20).collect();
    let email = format!("{username}@example.com");
    let (user, _) = upsert_user(pool, &username, &email, &password, Role::Admin).await?;
    println!(
        "Demo admin created. Sign in as {} with password {password}",
        user.username
    );
    println!("(shown only now; change it under Profile after signing in)");
    Ok(())
}

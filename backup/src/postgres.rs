//! The database a backup copies, reached the way the app reaches it: the same URL or
//! `POSTGRES_*` parts and TLS options, for our own connections and, as libpq environment
//! variables, for `pg_dump` and `pg_restore` (the password travels in `PGPASSWORD`, never
//! on a command line that `ps` shows). Also the few statements that act on whole
//! databases, which run on a connection to the maintenance database.

use std::process::Stdio;

use sqlx::postgres::{PgConnectOptions, PgSslMode};
use sqlx::{ConnectOptions, PgConnection};
use tokio::io::AsyncReadExt;
use wt_runtime::Settings;

use crate::BackupError;

/// The database every server has, where whole-database statements (create, rename, drop)
/// and the backup lock run: a database cannot be renamed by a connection to itself.
const MAINTENANCE_DATABASE: &str = "postgres";

/// PostgreSQL limits identifiers to 63 bytes.
const MAX_NAME: usize = 63;

/// What a tool's error output is cut to in a message.
const STDERR_KEPT: usize = 2000;

/// The app's database and how to reach it.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    live: PgConnectOptions,
    database: String,
    /// libpq variables for the server, user, password and TLS (not the database).
    libpq: Vec<(&'static str, String)>,
}

impl Target {
    pub(crate) fn from_settings(settings: &Settings) -> Result<Self, BackupError> {
        let live = wt_runtime::connections::database_options(settings)
            .map_err(|e| BackupError::Settings(e.to_string()))?;
        let database = live
            .get_database()
            .map(str::to_owned)
            .ok_or_else(|| BackupError::Settings("the URL names no database".to_owned()))?;
        let url = match &settings.database_url {
            Some(raw) => Some(
                url::Url::parse(raw)
                    .map_err(|e| BackupError::Settings(format!("DATABASE_URL: {e}")))?,
            ),
            None => None,
        };
        let mut libpq = vec![
            ("PGUSER", live.get_username().to_owned()),
            ("PGPORT", live.get_port().to_string()),
            ("PGSSLMODE", ssl_mode(live.get_ssl_mode()).to_owned()),
            ("PGAPPNAME", "workload-tracker-backup".to_owned()),
            ("PGCONNECT_TIMEOUT", "10".to_owned()),
        ];
        let host = match live.get_socket() {
            Some(socket) => socket.display().to_string(),
            None => live.get_host().to_owned(),
        };
        libpq.push(("PGHOST", host));
        if let Some(password) = password(url.as_ref(), settings) {
            libpq.push(("PGPASSWORD", password));
        }
        if let Some(cert) = root_cert(url.as_ref(), settings) {
            libpq.push(("PGSSLROOTCERT", cert));
        }
        Ok(Target {
            live,
            database,
            libpq,
        })
    }

    pub(crate) fn database(&self) -> &str {
        &self.database
    }

    /// How to reach `database` on the app's server, as the app's user.
    pub(crate) fn options(&self, database: &str) -> PgConnectOptions {
        self.live
            .clone()
            .database(database)
            .application_name("workload-tracker-backup")
    }

    pub(crate) async fn connect(&self, database: &str) -> Result<PgConnection, BackupError> {
        Ok(self.options(database).connect().await?)
    }

    pub(crate) async fn connect_live(&self) -> Result<PgConnection, BackupError> {
        self.connect(&self.database).await
    }

    pub(crate) async fn connect_maintenance(&self) -> Result<PgConnection, BackupError> {
        self.connect(MAINTENANCE_DATABASE).await
    }

    /// `program` with the libpq variables of this server set and the inherited ones that
    /// could redirect it (a service file, another database) removed.
    pub(crate) fn command(&self, program: &'static str) -> Tool {
        let mut command = tokio::process::Command::new(program);
        for name in ["PGSERVICE", "PGSERVICEFILE", "PGDATABASE", "PGOPTIONS"] {
            command.env_remove(name);
        }
        command
            .envs(self.libpq.iter().map(|(name, value)| (*name, value)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // A restore or backup that is abandoned (its task dropped) stops its tool.
            .kill_on_drop(true);
        Tool { program, command }
    }

    /// A database name `base` + `suffix` next to the live one, or why it cannot be.
    pub(crate) fn sibling(&self, suffix: &str) -> Result<String, BackupError> {
        let name = format!("{}_{suffix}", self.database);
        if name.len() > MAX_NAME {
            return Err(BackupError::NameTooLong(name));
        }
        Ok(name)
    }
}

/// One run of a PostgreSQL client tool.
pub(crate) struct Tool {
    program: &'static str,
    command: tokio::process::Command,
}

impl Tool {
    pub(crate) fn args<const N: usize>(mut self, args: [impl Into<std::ffi::OsString>; N]) -> Self {
        self.command.args(args.map(Into::into));
        self
    }

    /// Runs the tool to its end; its standard output on success, else its error output.
    pub(crate) async fn run(mut self) -> Result<Vec<u8>, BackupError> {
        let failed = |reason: String| BackupError::Tool {
            tool: self.program,
            status: "not started".to_owned(),
            stderr: reason,
        };
        let mut child = self.command.spawn().map_err(|e| failed(e.to_string()))?;
        // Both pipes are drained together, so neither can fill up and stall the tool.
        let mut stdout = child
            .stdout
            .take()
            .ok_or_else(|| failed("no stdout".into()))?;
        let mut stderr = child
            .stderr
            .take()
            .ok_or_else(|| failed("no stderr".into()))?;
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let (read_out, read_err, status) = tokio::join!(
            stdout.read_to_end(&mut out),
            stderr.read_to_end(&mut err),
            child.wait()
        );
        let status = status.map_err(|e| failed(e.to_string()))?;
        read_out.and(read_err).map_err(|e| failed(e.to_string()))?;
        if status.success() {
            return Ok(out);
        }
        let text = String::from_utf8_lossy(&err);
        if text.contains("No space left on device") {
            return Err(BackupError::DiskFull);
        }
        let start = text.len().saturating_sub(STDERR_KEPT);
        let start = (start..text.len())
            .find(|at| text.is_char_boundary(*at))
            .unwrap_or(text.len());
        Err(BackupError::Tool {
            tool: self.program,
            status: status.to_string(),
            stderr: text[start..].trim().to_owned(),
        })
    }
}

/// The password the app connects with: the URL's (percent-decoded), else
/// `POSTGRES_PASSWORD`. None leaves libpq to its own sources (`~/.pgpass`).
fn password(url: Option<&url::Url>, settings: &Settings) -> Option<String> {
    match url {
        Some(url) => url.password().map(|raw| {
            percent_encoding::percent_decode_str(raw)
                .decode_utf8_lossy()
                .into_owned()
        }),
        None => settings.postgres_password.clone(),
    }
}

/// The CA file the server's certificate is checked with: `DB_SSLROOTCERT`, else the
/// URL's `sslrootcert` parameter.
fn root_cert(url: Option<&url::Url>, settings: &Settings) -> Option<String> {
    settings
        .db_sslrootcert
        .as_ref()
        .map(|path| path.display().to_string())
        .or_else(|| {
            url?.query_pairs()
                .find(|(name, _)| name == "sslrootcert" || name == "ssl-root-cert")
                .map(|(_, value)| value.into_owned())
        })
}

fn ssl_mode(mode: PgSslMode) -> &'static str {
    match mode {
        PgSslMode::Disable => "disable",
        PgSslMode::Allow => "allow",
        PgSslMode::Prefer => "prefer",
        PgSslMode::Require => "require",
        PgSslMode::VerifyCa => "verify-ca",
        PgSslMode::VerifyFull => "verify-full",
    }
}

/// `name` as a quoted SQL identifier.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

async fn execute(conn: &mut PgConnection, sql: String) -> Result<(), BackupError> {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) async fn create_database(
    conn: &mut PgConnection,
    name: &str,
) -> Result<(), BackupError> {
    execute(conn, format!("CREATE DATABASE {}", quoted(name))).await
}

/// Drops `name` (if it exists), ending its connections first.
pub(crate) async fn drop_database(conn: &mut PgConnection, name: &str) -> Result<(), BackupError> {
    execute(
        conn,
        format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", quoted(name)),
    )
    .await
}

/// The databases whose names start with `prefix`.
pub(crate) async fn databases_named(
    conn: &mut PgConnection,
    prefix: &str,
) -> Result<Vec<String>, BackupError> {
    Ok(sqlx::query_scalar(
        "SELECT datname::text FROM pg_database WHERE left(datname, length($1)) = $1 ORDER BY 1",
    )
    .bind(prefix)
    .fetch_all(conn)
    .await?)
}

/// How often the swap is tried: a pool may reconnect between ending its connections and
/// the rename, which PostgreSQL then refuses.
const SWAP_ATTEMPTS: u32 = 10;

/// Puts `restored` in the place of `live`, which is kept as `previous`: both renames in
/// one transaction, so either both happen or neither. Every other connection to `live` is
/// ended first (a database in use cannot be renamed).
pub(crate) async fn swap(
    conn: &mut PgConnection,
    live: &str,
    restored: &str,
    previous: &str,
) -> Result<(), BackupError> {
    let renames = format!(
        "BEGIN; ALTER DATABASE {live} RENAME TO {previous}; ALTER DATABASE {restored} RENAME TO {live}; COMMIT;",
        live = quoted(live),
        previous = quoted(previous),
        restored = quoted(restored),
    );
    let mut attempt = 1;
    loop {
        sqlx::query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = $1 AND pid <> pg_backend_pid()",
        )
        .bind(live)
        .execute(&mut *conn)
        .await?;
        match execute(conn, renames.clone()).await {
            Ok(()) => return Ok(()),
            Err(error) if attempt < SWAP_ATTEMPTS => {
                tracing::warn!(%error, attempt, "the database swap was refused; trying again");
                // The failed transaction must end before the next attempt.
                let _ = execute(conn, "ROLLBACK".to_owned()).await;
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        settings: Settings,
    }

    fn variable<'t>(target: &'t Target, name: &str) -> Option<&'t str> {
        target
            .libpq
            .iter()
            .find(|(variable, _)| *variable == name)
            .map(|(_, value)| value.as_str())
    }

    #[test]
    fn the_tools_reach_the_database_as_the_app_does() {
        let url = "postgres://planner:p%40ss+w%2Frd@db.internal:6543/plans\
                   ?sslmode=verify-full&sslrootcert=/etc/wt/ca.pem";
        let cli = Cli::try_parse_from(["test", "--database-url", url]).unwrap();
        let target = Target::from_settings(&cli.settings).unwrap();
        assert_eq!(target.database(), "plans");
        for (name, value) in [
            ("PGHOST", "db.internal"),
            ("PGPORT", "6543"),
            ("PGUSER", "planner"),
            ("PGPASSWORD", "p@ss+w/rd"),
            ("PGSSLMODE", "verify-full"),
            ("PGSSLROOTCERT", "/etc/wt/ca.pem"),
        ] {
            assert_eq!(variable(&target, name), Some(value), "{name}");
        }
        // DB_SSLMODE and DB_SSLROOTCERT override the URL, as they do for the app.
        let overridden = Cli::try_parse_from([
            "test",
            "--database-url",
            url,
            "--db-sslmode",
            "require",
            "--db-sslrootcert",
            "/srv/ca.pem",
        ])
        .unwrap();
        let target = Target::from_settings(&overridden.settings).unwrap();
        assert_eq!(variable(&target, "PGSSLMODE"), Some("require"));
        assert_eq!(variable(&target, "PGSSLROOTCERT"), Some("/srv/ca.pem"));
    }
}

//! Every setting the production guide names, read from environment variables (a `.env`
//! file in the working directory is loaded first by the binaries) or from the matching
//! `--flag`. Each has its default shown in `--help` and in `.env.example`.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use clap::ArgAction;
use clap::builder::BoolishValueParser;
use sqlx::postgres::PgSslMode;
use wt_domain::text::{DeliverableDescription, StoredText};
use wt_domain::utilization::Bands;

mod bands;
mod jobs;
mod proxies;

pub use bands::DEFAULT_BANDS;
pub use jobs::{CronSetting, JobSettings};
pub use proxies::TrustedProxies;

/// The placeholder secret. It keeps development friction-free and is refused whenever
/// `DEBUG=false`.
pub const DEFAULT_SECRET_KEY: &str = "insecure-development-secret-change-me";

/// The shortest `SECRET_KEY` accepted in production: 32 characters.
pub const MIN_SECRET_KEY_LEN: usize = 32;

/// Hosts accepted in development when `ALLOWED_HOSTS` is empty.
const DEVELOPMENT_HOSTS: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// Configuration common to the api and the worker.
#[derive(Clone, clap::Args)]
pub struct Settings {
    /// Development mode: relaxed secrets, plain-http cookies, migrations at start-up.
    #[arg(long, env = "DEBUG", default_value = "false", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub debug: bool,

    /// Key for signing access tokens; at least 32 random characters in production.
    #[arg(long, env = "SECRET_KEY", default_value = DEFAULT_SECRET_KEY, hide_default_value = true, hide_env_values = true)]
    pub secret_key: String,

    /// Host names the api answers for, comma separated (required when DEBUG=false;
    /// empty in development means localhost, 127.0.0.1 and [::1]).
    #[arg(long, env = "ALLOWED_HOSTS", value_delimiter = ',', default_value = "")]
    pub allowed_hosts: Vec<String>,

    /// Browser origins allowed to call the API cross-origin, comma separated.
    #[arg(
        long,
        env = "CORS_ALLOWED_ORIGINS",
        value_delimiter = ',',
        default_value = ""
    )]
    pub cors_allowed_origins: Vec<String>,

    /// Require a signed-in user for every API route except health, sign-in and reports.
    #[arg(long, env = "AUTH_ENFORCED", default_value = "true", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub auth_enforced: bool,

    /// Send the refresh token only as an HttpOnly cookie (required when DEBUG=false).
    #[arg(long, env = "COOKIE_REFRESH_AUTH", default_value = "true", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub cookie_refresh_auth: bool,

    /// Access token lifetime in minutes (15-30 recommended in production).
    #[arg(long, env = "JWT_ACCESS_MINUTES", default_value = "60", value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub jwt_access_minutes: u32,

    /// Days a sign-in session survives without use (its refresh token's idle limit).
    #[arg(long, env = "REFRESH_IDLE_DAYS", default_value = "7", value_parser = clap::value_parser!(u32).range(1..=90))]
    pub refresh_idle_days: u32,

    /// Days after which a sign-in session ends however active it is.
    #[arg(long, env = "REFRESH_ABSOLUTE_DAYS", default_value = "30", value_parser = clap::value_parser!(u32).range(1..=365))]
    pub refresh_absolute_days: u32,

    /// The address people use to reach the app, for links in emails.
    #[arg(long, env = "PUBLIC_URL", default_value = "http://127.0.0.1:8000")]
    pub public_url: String,

    /// SMTP server for outgoing mail (password resets, invitations); unset disables mail.
    #[arg(long, env = "EMAIL_HOST")]
    pub email_host: Option<String>,

    /// SMTP port.
    #[arg(long, env = "EMAIL_PORT", default_value = "25")]
    pub email_port: u16,

    /// SMTP user name, when the server wants one.
    #[arg(long, env = "EMAIL_HOST_USER")]
    pub email_host_user: Option<String>,

    /// SMTP password.
    #[arg(long, env = "EMAIL_HOST_PASSWORD", hide_env_values = true)]
    pub email_host_password: Option<String>,

    /// Upgrade the SMTP connection with STARTTLS.
    #[arg(long, env = "EMAIL_USE_TLS", default_value = "false", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub email_use_tls: bool,

    /// Connect to the SMTP server over TLS from the start (usually port 465).
    #[arg(long, env = "EMAIL_USE_SSL", default_value = "false", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub email_use_ssl: bool,

    /// The sender of outgoing mail.
    #[arg(
        long,
        env = "EMAIL_FROM",
        default_value = "Workload Tracker <no-reply@localhost>"
    )]
    pub email_from: String,

    /// PostgreSQL URL; when unset it is built from the POSTGRES_* variables.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// PostgreSQL host (used when DATABASE_URL is unset).
    #[arg(long, env = "POSTGRES_HOST", default_value = "127.0.0.1")]
    pub postgres_host: String,

    /// PostgreSQL port (used when DATABASE_URL is unset).
    #[arg(long, env = "POSTGRES_PORT", default_value = "5432")]
    pub postgres_port: u16,

    /// PostgreSQL database name (used when DATABASE_URL is unset).
    #[arg(long, env = "POSTGRES_DB", default_value = "workload_tracker")]
    pub postgres_db: String,

    /// PostgreSQL user (used when DATABASE_URL is unset).
    #[arg(long, env = "POSTGRES_USER", default_value = "postgres")]
    pub postgres_user: String,

    /// PostgreSQL password (used when DATABASE_URL is unset).
    #[arg(long, env = "POSTGRES_PASSWORD", hide_env_values = true)]
    pub postgres_password: Option<String>,

    /// PostgreSQL TLS mode: disable, allow, prefer, require, verify-ca or verify-full.
    #[arg(long, env = "DB_SSLMODE", value_parser = PgSslMode::from_str)]
    pub db_sslmode: Option<PgSslMode>,

    /// CA certificate file that signs the PostgreSQL server certificate.
    #[arg(long, env = "DB_SSLROOTCERT")]
    pub db_sslrootcert: Option<PathBuf>,

    /// Most PostgreSQL connections one process opens.
    #[arg(long, env = "DB_MAX_CONNECTIONS", default_value = "10", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub db_max_connections: u32,

    /// Redis URL (`rediss://` for TLS).
    #[arg(
        long,
        env = "REDIS_URL",
        default_value = "redis://127.0.0.1:6379/0",
        hide_env_values = true
    )]
    pub redis_url: String,

    /// Redis password, used when REDIS_URL carries none.
    #[arg(long, env = "REDIS_PASSWORD", hide_env_values = true)]
    pub redis_password: Option<String>,

    /// Connect to Redis over TLS even when REDIS_URL starts with `redis://`.
    #[arg(long, env = "REDIS_TLS", default_value = "false", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub redis_tls: bool,

    /// Redis TLS certificate check: `required`, or `none` for self-signed staging servers.
    #[arg(long, env = "REDIS_SSL_CERT_REQS", default_value = "required", value_parser = ["required", "none"])]
    pub redis_ssl_cert_reqs: String,

    /// CA certificate file (PEM) that signs the Redis server certificate, for a private CA;
    /// when unset the public web roots are trusted.
    #[arg(long, env = "REDIS_SSL_CA_CERTS")]
    pub redis_ssl_ca_certs: Option<PathBuf>,

    /// Sentry DSN; when unset nothing is sent anywhere.
    #[arg(long, env = "SENTRY_DSN", hide_env_values = true, value_parser = sentry::types::Dsn::from_str)]
    pub sentry_dsn: Option<sentry::types::Dsn>,

    /// Seconds that heavy aggregate answers stay cached (15-60 is reasonable; 0 turns
    /// caching off); 30 when unset (see `aggregate_cache::CacheTtls`).
    #[arg(long, env = "AGGREGATE_CACHE_TTL")]
    pub aggregate_cache_ttl: Option<u64>,

    /// Seconds the dashboard stays cached; defaults to AGGREGATE_CACHE_TTL.
    #[arg(long, env = "DASHBOARD_CACHE_TTL")]
    pub dashboard_cache_ttl: Option<u64>,

    /// Where aggregate answers are cached: `redis` (shared by every process), `local`
    /// (each process its own), or `auto`: Redis when REDIS_URL is set in the
    /// environment, as in production, else local, as in development.
    #[arg(long, env = "CACHE_BACKEND", default_value = "auto", value_parser = ["auto", "redis", "local"])]
    pub cache_backend: String,

    /// Largest people import upload in bytes (500 MiB).
    #[arg(long, env = "PEOPLE_UPLOAD_MAX_BYTES", default_value = "524288000")]
    pub people_upload_max_bytes: u64,

    /// Largest projects import upload in bytes (500 MiB).
    #[arg(long, env = "PROJECTS_UPLOAD_MAX_BYTES", default_value = "524288000")]
    pub projects_upload_max_bytes: u64,

    /// Largest export (in rows, all sheets together) answered at once; a larger one
    /// becomes a job whose file is downloaded when it is ready.
    #[arg(long, env = "EXPORT_INLINE_MAX_ROWS", default_value = "20000")]
    pub export_inline_max_rows: u64,

    /// Directory for backups and staged uploads (`incoming/`); never web-served.
    #[arg(long, env = "BACKUPS_DIR", default_value = "backups")]
    pub backups_dir: PathBuf,

    /// Send a Content-Security-Policy header on every response.
    #[arg(long, env = "CSP_ENABLED", default_value = "true", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub csp_enabled: bool,

    /// Report CSP violations without blocking (keep true in staging, false in production).
    #[arg(long, env = "CSP_REPORT_ONLY", default_value = "false", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub csp_report_only: bool,

    /// Where browsers send CSP violation reports.
    #[arg(long, env = "CSP_REPORT_URI", default_value = "/csp-report/")]
    pub csp_report_uri: String,

    /// Move planned hours automatically when a deliverable date moves.
    #[arg(long, env = "AUTO_REALLOCATION", default_value = "true", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub auto_reallocation: bool,

    /// Utilization band thresholds in percent, `optimal,high,over`: under the first is
    /// available, from it optimal, from the second high, above the third over-allocated.
    #[arg(long, env = "UTILIZATION_BANDS", default_value = DEFAULT_BANDS, value_parser = bands::parse_bands)]
    pub utilization_bands: Bands,

    /// Deliverables every new project starts with: `percent:description` pairs.
    #[arg(long, env = "DELIVERABLE_TEMPLATE", default_value = "35:SD,75:DD,95:IFP,100:IFC", value_parser = parse_template)]
    pub deliverable_template: DeliverableTemplate,

    /// Apply pending migrations when the api starts (default: on when DEBUG=true).
    #[arg(long, env = "RUN_MIGRATIONS_ON_START", value_parser = BoolishValueParser::new(), action = ArgAction::Set)]
    pub run_migrations_on_start: Option<bool>,

    /// Reverse proxies whose X-Forwarded-For is believed, comma separated: addresses and
    /// CIDR ranges (e.g. `127.0.0.1` for nginx on this machine, or the compose network's
    /// range). Per-client limits then key on the address nginx saw; empty trusts no one.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "", value_parser = proxies::parse_trusted_proxies)]
    pub trusted_proxies: TrustedProxies,

    /// Bearer token that lets a scraper read `/metrics` from another machine (without it,
    /// only direct connections from this machine may).
    #[arg(long, env = "METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,

    /// The job system: queues, worker liveness, retention and schedules.
    #[command(flatten)]
    pub jobs: JobSettings,
}

/// The default deliverables of a new project, in order: (percentage, description).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliverableTemplate(pub Vec<(i16, String)>);

fn parse_template(raw: &str) -> Result<DeliverableTemplate, String> {
    let mut items = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (percent, description) = part
            .split_once(':')
            .ok_or_else(|| format!("{part:?} is not percent:description"))?;
        let percent: i16 = percent
            .trim()
            .parse()
            .ok()
            .filter(|p| (0..=100).contains(p))
            .ok_or_else(|| format!("{percent:?} is not a percentage from 0 to 100"))?;
        let description = DeliverableDescription::parse(description.trim().to_owned())
            .map(StoredText::into_string)
            .ok()
            .filter(|description| !description.is_empty())
            .ok_or_else(|| {
                let max = DeliverableDescription::MAX;
                format!("{part:?} needs a description of 1-{max} characters")
            })?;
        items.push((percent, description));
    }
    Ok(DeliverableTemplate(items))
}

/// A production setting that must not be used, named so the operator can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InsecureSetting {
    #[error(
        "SECRET_KEY must be set to a random value of at least {MIN_SECRET_KEY_LEN} characters when DEBUG=false"
    )]
    SecretKey,
    #[error("COOKIE_REFRESH_AUTH must be true when DEBUG=false")]
    CookieRefreshAuth,
    #[error("ALLOWED_HOSTS must list the host names this server answers for when DEBUG=false")]
    AllowedHosts,
}

impl Settings {
    /// Refuses the settings that are only acceptable in development.
    pub fn check_production_safety(&self) -> Result<(), InsecureSetting> {
        if self.debug {
            return Ok(());
        }
        if self.secret_key == DEFAULT_SECRET_KEY || self.secret_key.len() < MIN_SECRET_KEY_LEN {
            return Err(InsecureSetting::SecretKey);
        }
        if !self.cookie_refresh_auth {
            return Err(InsecureSetting::CookieRefreshAuth);
        }
        if self.allowed_hosts().is_empty() {
            return Err(InsecureSetting::AllowedHosts);
        }
        Ok(())
    }

    /// The host names to accept: the configured ones, or the loopback names in development.
    pub fn allowed_hosts(&self) -> Vec<String> {
        let configured: Vec<String> = self
            .allowed_hosts
            .iter()
            .map(|host| host.trim().to_ascii_lowercase())
            .filter(|host| !host.is_empty())
            .collect();
        if configured.is_empty() && self.debug {
            return DEVELOPMENT_HOSTS.map(String::from).to_vec();
        }
        configured
    }

    /// Whether the api applies migrations itself at start-up.
    pub fn migrate_on_start(&self) -> bool {
        self.run_migrations_on_start.unwrap_or(self.debug)
    }

    /// Whether aggregate answers are cached in Redis rather than in each process.
    pub fn cache_in_redis(&self) -> bool {
        match self.cache_backend.as_str() {
            "redis" => true,
            "local" => false,
            _ => std::env::var_os("REDIS_URL").is_some(),
        }
    }

    pub fn access_token_lifetime(&self) -> Duration {
        Duration::from_secs(u64::from(self.jwt_access_minutes) * 60)
    }

    pub fn refresh_idle(&self) -> Duration {
        Duration::from_secs(u64::from(self.refresh_idle_days) * 24 * 60 * 60)
    }

    pub fn refresh_absolute(&self) -> Duration {
        Duration::from_secs(u64::from(self.refresh_absolute_days) * 24 * 60 * 60)
    }
}

#[cfg(test)]
mod tests;

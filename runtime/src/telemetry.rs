//! Logging and error reporting: JSON lines on stdout (`RUST_LOG` filters, default
//! `info`), and Sentry only when `SENTRY_DSN` is set. Secrets are never logged: the
//! settings are summarised without passwords, and request logs carry no headers.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::Settings;

/// Keeps Sentry flushing until the process ends; drop it last.
#[must_use = "dropping the guard stops error reporting"]
pub struct TelemetryGuard {
    _sentry: Option<sentry::ClientInitGuard>,
}

/// Installs the TLS crypto provider, the JSON log subscriber and, when configured, Sentry.
/// `service` names the process in every log line and Sentry event; `quiet` (for one-off
/// commands) logs only warnings and errors unless `RUST_LOG` says otherwise.
pub fn init(service: &'static str, settings: &Settings, quiet: bool) -> TelemetryGuard {
    // Several TLS users (Sentry's HTTP client, Redis) share rustls; pick ring once.
    let _ = rustls::crypto::ring::default_provider().install_default();

    let sentry = settings.sentry_dsn.clone().map(|dsn| {
        let environment = if settings.debug {
            "development"
        } else {
            "production"
        };
        let mut options = sentry::ClientOptions::new()
            .release(env!("CARGO_PKG_VERSION"))
            .environment(environment);
        options.dsn = Some(dsn);
        let guard = sentry::init(options);
        sentry::configure_scope(|scope| scope.set_tag("service", service));
        guard
    });

    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        EnvFilter::new(if quiet {
            "warn"
        } else {
            "info,sqlx::query=warn"
        })
    });
    let json = tracing_subscriber::fmt::layer()
        .json()
        .flatten_event(true)
        .with_current_span(true)
        .with_span_list(false)
        .with_target(true);
    let reporting = sentry
        .as_ref()
        .map(|_| sentry::integrations::tracing::ErrorLayer::new());
    // A second init (tests build several apps in one process) keeps the first subscriber.
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(json)
        .with(reporting)
        .try_init();
    tracing::info!(
        service,
        version = env!("CARGO_PKG_VERSION"),
        debug = settings.debug,
        auth_enforced = settings.auth_enforced,
        sentry = sentry.is_some(),
        "starting"
    );
    TelemetryGuard { _sentry: sentry }
}
